import { chmodSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

/** $TABSIGHT_CONFIG_DIR, else $XDG_CONFIG_HOME/tabsight, else ~/.config/tabsight. */
export function configDirOf(env: Env = process.env): string {
  if (env.TABSIGHT_CONFIG_DIR) {
    return env.TABSIGHT_CONFIG_DIR;
  }
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'tabsight');
}

/** Creates the config dir private to the user; it holds the token. */
export function ensureConfigDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is masked by the umask and ignored for an existing dir.
  chmodSync(dir, 0o700);
  return dir;
}
