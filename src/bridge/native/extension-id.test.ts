// @vitest-environment node
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionIdFromKey, extensionIdOfManifest } from './extension-id';
import { repoPaths } from '../config/repo-paths';

describe('extensionIdFromKey', () => {
  it("matches the id recorded for the repository's manifest key", () => {
    const { root, manifest } = repoPaths();
    const expected = readFileSync(`${root}/keys/id.txt`, 'utf8').trim();
    expect(extensionIdOfManifest(manifest)).toBe(expected);
  });

  it('gives 32 letters a-p for any key', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const der = publicKey.export({ type: 'spki', format: 'der' });
    expect(extensionIdFromKey(der.toString('base64'))).toMatch(/^[a-p]{32}$/);
  });

  it('refuses an empty key', () => {
    expect(() => extensionIdFromKey('')).toThrow(/empty/);
  });
});
