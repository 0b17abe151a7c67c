// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeStatus } from '../bridge/config/status-file';
import { resolveConnection } from './connection';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tabsight-mcp-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const readText = (path: string) => {
  if (path === join(dir, 'token')) {
    return 'tok\n';
  }
  throw new Error('ENOENT');
};

describe('resolveConnection', () => {
  it('prefers --url, then TABSIGHT_URL, then bridge.json', () => {
    const env = { TABSIGHT_CONFIG_DIR: dir, TABSIGHT_URL: 'http://127.0.0.1:2' };
    writeStatus(dir, {
      pid: 1,
      port: 3,
      url: 'http://127.0.0.1:3',
      started_at: '2026-11-28T12:00:00.000Z',
    });
    expect(resolveConnection({ url: 'http://127.0.0.1:1', env, readText }).url).toBe(
      'http://127.0.0.1:1',
    );
    expect(resolveConnection({ env, readText })).toEqual({
      url: 'http://127.0.0.1:2',
      token: 'tok',
    });
    expect(resolveConnection({ env: { TABSIGHT_CONFIG_DIR: dir }, readText }).url).toBe(
      'http://127.0.0.1:3',
    );
  });

  it('says how to start the bridge when there is no bridge.json', () => {
    expect(() => resolveConnection({ env: { TABSIGHT_CONFIG_DIR: dir }, readText })).toThrow(
      /not running .*npm start/,
    );
  });

  it('never creates a token', () => {
    expect(() =>
      resolveConnection({
        url: 'http://127.0.0.1:1',
        env: { TABSIGHT_CONFIG_DIR: dir },
        readText: () => {
          throw new Error('ENOENT');
        },
      }),
    ).toThrow(/no token file .*npm run token/);
  });
});
