import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryItLines, writeCurlConfig } from './curl-config';

describe('curl config', () => {
  it('holds the header in a 0600 file, and the printed commands never name the token', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tabsight-curl-'));
    try {
      const token = 'tok_abcdefghijklmnopqrstuvwxyz';
      const file = writeCurlConfig(dir, token);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toBe(`header = "Authorization: Bearer ${token}"\n`);
      const lines = tryItLines('http://127.0.0.1:7410', file).join('\n');
      expect(lines).not.toContain(token);
      expect(lines).toContain(`-K '${file}'`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
