import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CURL_CONFIG_FILE = 'curl-auth';

export const curlConfigPathOf = (configDir: string): string => join(configDir, CURL_CONFIG_FILE);

/**
 * A curl config file (`curl -K <file>`) holding the Authorization header, mode 0600 in the 0700
 * config dir: the token then never sits on a command line, where any local user reads it in
 * /proc/<pid>/cmdline. Rewritten whenever the token is created or rotated.
 */
export function writeCurlConfig(configDir: string, token: string): string {
  const file = curlConfigPathOf(configDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `header = "Authorization: Bearer ${token}"\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  return file;
}

/** The "Try it" lines `start` prints: the token is read by curl from the 0600 file. */
export function tryItLines(url: string, curlConfig: string): string[] {
  const auth = `-K '${curlConfig}'`;
  return [
    `  SID=$(curl -s ${auth} -X POST ${url}/sessions/start -H 'Content-Type: application/json' -d '{"attach":"active_tab"}' | sed -E 's/.*"session_id":"([^"]+)".*/\\1/')`,
    `  curl -s ${auth} -X POST ${url}/sessions/$SID/page/observe`,
  ];
}
