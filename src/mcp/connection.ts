import { readFileSync } from 'node:fs';
import { configDirOf, type Env } from '../bridge/config/config-dir';
import { readStatus, statusPathOf } from '../bridge/config/status-file';
import { tokenPathOf } from '../bridge/config/token';

export interface Connection {
  url: string;
  token: string;
}

export interface ConnectionOptions {
  /** --url; else TABSIGHT_URL; else the running bridge's bridge.json. */
  url?: string;
  env?: Env;
  readText?: (path: string) => string;
}

/**
 * Where the bridge is and its token. Read on every tool call (two small files), so the MCP
 * server follows a bridge that Chrome restarted on another port and a rotated token. Never
 * creates a token: only the bridge does, so a missing file means it never ran here.
 */
export function resolveConnection(options: ConnectionOptions = {}): Connection {
  const env = options.env ?? process.env;
  const readText = options.readText ?? ((path: string) => readFileSync(path, 'utf8'));
  const configDir = configDirOf(env);
  const url = options.url ?? env.TABSIGHT_URL ?? readStatus(configDir)?.url;
  if (!url) {
    throw new Error(
      `the Tabsight bridge is not running (no ${statusPathOf(configDir)}): start it with \`npm start\` or open Chromium with the extension loaded, or pass --url; \`npm run doctor\` says what is missing`,
    );
  }
  let token: string;
  try {
    token = readText(tokenPathOf(configDir)).trim();
  } catch {
    throw new Error(
      `no token file at ${tokenPathOf(configDir)}: run \`npm run token\` (or set TABSIGHT_CONFIG_DIR to the bridge's config dir)`,
    );
  }
  return { url, token };
}
