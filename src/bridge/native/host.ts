import { DEFAULT_PORT, runHost } from './run-host';
import { configDirOf } from '../config/config-dir';
import { BRIDGE_VERSION } from '../config/bridge-version';
import { uploadPolicyOf } from '../http/upload-folder';
import { urlPolicyOf } from '@shared/url-policy';

/** TABSIGHT_OBSERVE_TIMEOUT_MS shortens (tests) or lengthens the 15 s wait for the browser. */
function callTimeoutOf(value: string | undefined): number | undefined {
  const ms = Number(value);
  return value && Number.isInteger(ms) && ms > 0 ? ms : undefined;
}

/**
 * Entry of dist-bridge/host.js, started by Chrome through connectNative. stdout is the native
 * messaging channel: everything human-readable goes to stderr.
 */
async function main(): Promise<void> {
  const port = Number(process.env.TABSIGHT_PORT || DEFAULT_PORT);
  const configDir = configDirOf();
  const host = await runHost({
    stdin: process.stdin,
    stdout: process.stdout,
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : DEFAULT_PORT,
    configDir,
    version: BRIDGE_VERSION,
    callerOrigin: process.argv[2],
    callTimeoutMs: callTimeoutOf(process.env.TABSIGHT_OBSERVE_TIMEOUT_MS),
    uploadPolicy: uploadPolicyOf(process.env, configDir),
    urlPolicy: urlPolicyOf(process.env),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => process.stdin.destroy());
  }
  await host.done;
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error('[tabsight:bridge] host failed:', err);
  process.exit(1);
});
