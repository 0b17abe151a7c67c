import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readUploadFile, uploadPolicyOf, type UploadFolderPolicy } from './upload-folder';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'tabsight-upload-'));
const uploads = path.join(scratch, 'uploads');
const config = path.join(uploads, 'config');
const outside = path.join(scratch, 'secret.txt');
mkdirSync(config, { recursive: true });
writeFileSync(path.join(uploads, 'report.txt'), 'quarterly report');
writeFileSync(path.join(config, 'token'), 'the-token');
writeFileSync(outside, 'not for upload');
writeFileSync(path.join(uploads, 'big.bin'), Buffer.alloc(64));
symlinkSync(outside, path.join(uploads, 'link.txt'));
symlinkSync(scratch, path.join(uploads, 'up'));
const policy: UploadFolderPolicy = { uploadDir: uploads, forbidden: [config] };
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const text = async (p: string, pol = policy) =>
  Buffer.from(await readUploadFile(p, pol)).toString('utf8');

describe('readUploadFile', () => {
  it('reads a regular file inside the upload folder', async () => {
    expect(await text(path.join(uploads, 'report.txt'))).toBe('quarterly report');
  });

  it('is off with a hint when no folder is configured', async () => {
    await expect(
      readUploadFile(path.join(uploads, 'report.txt'), { uploadDir: null, forbidden: [] }),
    ).rejects.toMatchObject({
      code: 'invalid-request',
      message: /no upload folder is configured/,
      hint: /--upload-dir.*TABSIGHT_UPLOAD_DIR.*base64/,
    });
  });

  it('refuses paths outside the folder, through .. or a linked folder', async () => {
    for (const p of [
      outside,
      path.join(uploads, '..', 'secret.txt'),
      path.join(uploads, 'up', 'secret.txt'),
      '/etc/passwd',
    ]) {
      await expect(readUploadFile(p, policy)).rejects.toMatchObject({
        message: /outside the upload folder/,
      });
    }
  });

  it('does not follow a link in the last component', async () => {
    await expect(readUploadFile(path.join(uploads, 'link.txt'), policy)).rejects.toMatchObject({
      message: /symbolic link/,
    });
  });

  it('refuses devices, folders and relative paths', async () => {
    const wide = { uploadDir: '/', forbidden: [] };
    await expect(readUploadFile('/dev/zero', wide)).rejects.toMatchObject({
      message: /not a regular file/,
    });
    await expect(readUploadFile(uploads, wide)).rejects.toMatchObject({
      message: /not a regular file/,
    });
    await expect(readUploadFile('report.txt', policy)).rejects.toMatchObject({
      message: /must be absolute/,
    });
  });

  it('never reads the config dir, even inside the folder', async () => {
    await expect(readUploadFile(path.join(config, 'token'), policy)).rejects.toMatchObject({
      message: /config dir or the browser profile/,
    });
  });

  it('refuses files over the size cap', async () => {
    await expect(
      readUploadFile(path.join(uploads, 'big.bin'), { ...policy, maxBytes: 63 }),
    ).rejects.toMatchObject({ message: /64 bytes, over the 63-byte upload limit/ });
    expect(
      (await readUploadFile(path.join(uploads, 'big.bin'), { ...policy, maxBytes: 64 })).length,
    ).toBe(64);
  });
});

describe('uploadPolicyOf', () => {
  it('takes TABSIGHT_UPLOAD_DIR and forbids the config dir and profiles', () => {
    expect(
      uploadPolicyOf({ TABSIGHT_UPLOAD_DIR: '/srv/up', TABSIGHT_PROFILE_DIR: '/p' }, '/c'),
    ).toEqual({
      uploadDir: '/srv/up',
      forbidden: ['/c', '/c/profile', '/p'],
    });
    expect(uploadPolicyOf({}, '/c').uploadDir).toBeNull();
  });
});
