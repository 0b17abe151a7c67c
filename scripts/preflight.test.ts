import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = path.join(import.meta.dirname, 'preflight.mjs');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Checkout {
  pinned?: Record<string, string>;
  installed?: Record<string, string>;
  hiddenLockfile?: boolean;
}

/** staleReason of a checkout with one dependency `a` (and whatever `pinned` and `installed` say). */
function staleReasonOf({
  pinned = { a: '1.0.0' },
  installed = {},
  hiddenLockfile = true,
}: Checkout) {
  const dir = mkdtempSync(path.join(tmpdir(), 'preflight-'));
  dirs.push(dir);
  const json = (file: string, value: object) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), JSON.stringify(value));
  };
  json('package.json', { dependencies: { a: '1.0.0' } });
  const packages = Object.fromEntries(
    Object.entries(pinned).map(([name, version]) => [`node_modules/${name}`, { version }]),
  );
  json('package-lock.json', { packages: { '': {}, ...packages } });
  if (hiddenLockfile) {
    json('node_modules/.package-lock.json', { packages });
  }
  for (const [name, version] of Object.entries(installed)) {
    json(`node_modules/${name}/package.json`, { name, version });
  }
  const code = `import(${JSON.stringify(SCRIPT)}).then((m) => console.log(JSON.stringify(m.staleReason(${JSON.stringify(dir)}))))`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  return JSON.parse(run.stdout) as string | null;
}

describe('preflight', () => {
  it('accepts node_modules that holds every direct dependency at its pinned version', () => {
    expect(staleReasonOf({ installed: { a: '1.0.0' } })).toBeNull();
  });

  it('finds a fresh clone without node_modules', () => {
    expect(staleReasonOf({ hiddenLockfile: false })).toMatch(/node_modules is missing/);
  });

  it('finds a dependency bumped in the lockfile since the install', () => {
    expect(staleReasonOf({ pinned: { a: '1.1.0' }, installed: { a: '1.0.0' } })).toBe(
      'a is at 1.0.0, package-lock.json pins 1.1.0',
    );
  });

  it('finds a dependency that is not installed', () => {
    expect(staleReasonOf({})).toBe('a is not installed, package-lock.json pins 1.0.0');
  });

  it('says to run npm install when package.json names a package the lockfile lacks', () => {
    expect(staleReasonOf({ pinned: {} })).toMatch(/not in package-lock.json \(run `npm install`\)/);
  });
});
