// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configDirOf } from './config-dir';
import { createTokenSource, loadOrCreateToken, rotateToken, tokenPathOf } from './token';

let root: string;
let dir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tabsight-token-'));
  dir = join(root, 'config', 'tabsight');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('configDirOf', () => {
  it('prefers TABSIGHT_CONFIG_DIR, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(configDirOf({ TABSIGHT_CONFIG_DIR: '/a', XDG_CONFIG_HOME: '/x' })).toBe('/a');
    expect(configDirOf({ XDG_CONFIG_HOME: '/x' })).toBe('/x/tabsight');
    expect(configDirOf({})).toMatch(/\.config\/tabsight$/);
  });
});

describe('token', () => {
  it('is created once, 32 random bytes in base64url, mode 0600 in a 0700 dir', () => {
    const token = loadOrCreateToken(dir);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mode(tokenPathOf(dir))).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
    expect(loadOrCreateToken(dir)).toBe(token);
    expect(readFileSync(tokenPathOf(dir), 'utf8').trim()).toBe(token);
  });

  it('rotates to a new token', () => {
    const first = loadOrCreateToken(dir);
    const second = rotateToken(dir);
    expect(second).not.toBe(first);
    expect(loadOrCreateToken(dir)).toBe(second);
    expect(mode(tokenPathOf(dir))).toBe(0o600);
  });

  it('replaces a token file that is too short to be safe', () => {
    loadOrCreateToken(dir);
    writeFileSync(tokenPathOf(dir), 'short\n');
    expect(loadOrCreateToken(dir)).toHaveLength(43);
  });

  it('a token source follows a rotation', () => {
    const current = createTokenSource(dir);
    const before = current();
    const after = rotateToken(dir);
    expect(current()).toBe(after);
    expect(after).not.toBe(before);
  });
});
