import { DEFAULT_PORT, runHost } from './run-host';
import { configDirOf } from './config-dir';
import { BRIDGE_VERSION } from './bridge-version';

/**
 * Entry of dist-bridge/host.js, started by Chrome through connectNative. stdout is the native
 * messaging channel: everything human-readable goes to stderr.
 */
async function main(): Promise<void> {
  const port = Number(process.env.TABSIGHT_PORT || DEFAULT_PORT);
  const host = await runHost({
    stdin: process.stdin,
    stdout: process.stdout,
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : DEFAULT_PORT,
    configDir: configDirOf(),
    version: BRIDGE_VERSION,
    callerOrigin: process.argv[2],
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
