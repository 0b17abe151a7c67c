// Run first by `npm start` and `npm test`: installs the dependencies of package-lock.json when
// node_modules is missing or does not match it, so a fresh clone needs no other command.
// Dependency-free on purpose: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (message) => console.error(`[tabsight:preflight] ${message}`);

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/**
 * Why node_modules does not match package-lock.json, or null when it does. Every direct
 * dependency of package.json must be installed at the version the lockfile pins: that catches a
 * missing node_modules, a dependency added or bumped since the last install, and a half-finished
 * install (npm writes node_modules/.package-lock.json last).
 */
export function staleReason(dir) {
  const pkg = readJson(join(dir, 'package.json'));
  const lock = readJson(join(dir, 'package-lock.json'));
  if (!pkg || !lock?.packages) {
    return 'package.json or package-lock.json is missing or not JSON';
  }
  if (!existsSync(join(dir, 'node_modules', '.package-lock.json'))) {
    return 'node_modules is missing or was not installed by npm';
  }
  const direct = { ...pkg.dependencies, ...pkg.devDependencies };
  for (const name of Object.keys(direct)) {
    const pinned = lock.packages[`node_modules/${name}`]?.version;
    const installed = readJson(join(dir, 'node_modules', name, 'package.json'))?.version;
    if (pinned === undefined) {
      return `${name} is in package.json but not in package-lock.json (run \`npm install\`)`;
    }
    if (installed !== pinned) {
      return `${name} is ${installed ? `at ${installed}` : 'not installed'}, package-lock.json pins ${pinned}`;
    }
  }
  return null;
}

function main() {
  const reason = staleReason(root);
  if (reason === null) {
    return 0;
  }
  if (reason.includes('npm install')) {
    say(reason);
    return 1;
  }
  say(`${reason}: running \`npm ci\``);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // npm's output goes to stderr: `npm start -- --json` keeps stdout for its one JSON line.
  const install = spawnSync(npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (install.status !== 0) {
    say('`npm ci` failed (see above); fix that, then run the command again.');
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main();
}
