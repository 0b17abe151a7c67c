import { configDirOf } from '../config/config-dir';
import { writeCurlConfig } from './curl-config';
import { loadOrCreateToken, rotateToken, tokenPathOf } from '../config/token';

/** Prints the token alone on stdout (`TOKEN=$(… token)` works), its path on stderr. */
export function runToken(args: { rotate: boolean }): number {
  const configDir = configDirOf();
  const token = args.rotate ? rotateToken(configDir) : loadOrCreateToken(configDir);
  writeCurlConfig(configDir, token);
  console.error(
    `[tabsight:bridge] token file: ${tokenPathOf(configDir)}${args.rotate ? ' (rotated; a running bridge uses it from its next request)' : ''}`,
  );
  console.log(token);
  return 0;
}
