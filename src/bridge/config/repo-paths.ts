import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RepoPaths {
  root: string;
  /** The repository's manifest.json (source of the `key`). */
  manifest: string;
  /** The built extension that Chromium loads. */
  dist: string;
  /** The built native host that the wrapper script runs. */
  hostJs: string;
}

/**
 * Finds the repository from this module's location, which is dist-bridge/ when built and
 * src/bridge/ in tests, by walking up to the folder holding manifest.json and package.json.
 */
export function repoPaths(from: string = fileURLToPath(import.meta.url)): RepoPaths {
  let dir = dirname(from);
  while (!(existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'package.json')))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`no Tabsight repository (manifest.json + package.json) above ${from}`);
    }
    dir = parent;
  }
  return {
    root: dir,
    manifest: join(dir, 'manifest.json'),
    dist: join(dir, 'dist'),
    hostJs: join(dir, 'dist-bridge', 'host.js'),
  };
}
