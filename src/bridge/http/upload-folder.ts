import { constants, type Stats } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { TabsightError } from '@shared/schema/errors';
import type { Env } from '../config/config-dir';

/** Files over this size are refused before a byte is read (the page gets them in one message). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const UPLOAD_DIR_HINT =
  'start the bridge with `node dist-bridge/cli.js start --upload-dir <folder>` (or set TABSIGHT_UPLOAD_DIR=<folder> in the environment of the browser that starts the bridge) and put the file there, or send file {name, base64} instead';

export interface UploadFolderPolicy {
  /** The only folder file_path may name a file in; null when the user configured none. */
  uploadDir: string | null;
  /** Folders never read even when inside uploadDir: the config dir (token) and the profile. */
  forbidden: readonly string[];
  maxBytes?: number;
}

/** TABSIGHT_UPLOAD_DIR (set by `start --upload-dir`); the config dir and profile stay off limits. */
export function uploadPolicyOf(env: Env, configDir: string): UploadFolderPolicy {
  return {
    uploadDir: env.TABSIGHT_UPLOAD_DIR ? path.resolve(env.TABSIGHT_UPLOAD_DIR) : null,
    forbidden: [
      configDir,
      path.join(configDir, 'profile'),
      ...(env.TABSIGHT_PROFILE_DIR ? [env.TABSIGHT_PROFILE_DIR] : []),
    ],
  };
}

const refuse = (message: string, hint = UPLOAD_DIR_HINT) =>
  new TabsightError('invalid-request', message, hint);

const isInside = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** realpath, or the path itself when it does not exist (a folder that is not there forbids nothing less). */
async function realOrSelf(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    return path.resolve(p);
  }
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/**
 * Reads a file for upload_file's file_path under the user's upload folder only. The last path
 * component is opened without following a link (O_NOFOLLOW) and without blocking (a FIFO or a
 * device must not hang the bridge); then the open descriptor must be a regular file, the same
 * file as the path's realpath, inside the folder and outside every forbidden folder, and no
 * larger than the cap. Reads at most the cap plus one byte, so a file that grows is refused too.
 */
export async function readUploadFile(
  filePath: string,
  policy: UploadFolderPolicy,
): Promise<Uint8Array> {
  const maxBytes = policy.maxBytes ?? MAX_UPLOAD_BYTES;
  if (!policy.uploadDir) {
    throw refuse('upload_file with file_path is off: no upload folder is configured');
  }
  if (!path.isAbsolute(filePath)) {
    throw refuse(
      `file_path must be absolute, got ${filePath}`,
      `give the full path of a file inside the upload folder ${policy.uploadDir}`,
    );
  }
  let handle;
  try {
    handle = await open(filePath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw refuse(
      code === 'ELOOP'
        ? `file_path ${filePath} is a symbolic link; links are not followed`
        : `cannot open file_path ${filePath}: ${code ?? String(err)}`,
      `name a regular file inside the upload folder ${policy.uploadDir}, or send file {name, base64}`,
    );
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) {
      throw refuse(
        `file_path ${filePath} is not a regular file`,
        'only regular files can be uploaded; copy the content into a file in the upload folder',
      );
    }
    const real = await realpath(filePath);
    const root = await realOrSelf(policy.uploadDir);
    if (!sameFile(opened, await stat(real)) || !isInside(real, root)) {
      throw refuse(`file_path ${filePath} is outside the upload folder ${policy.uploadDir}`);
    }
    for (const folder of policy.forbidden) {
      if (isInside(real, await realOrSelf(folder))) {
        throw refuse(
          `file_path ${filePath} is inside the bridge's config dir or the browser profile, which are never uploaded`,
          'move the file you mean to send into the upload folder, away from the Tabsight config and profile',
        );
      }
    }
    if (opened.size > maxBytes) {
      throw refuse(
        `file_path ${filePath} is ${opened.size} bytes, over the ${maxBytes}-byte upload limit`,
        'upload a smaller file',
      );
    }
    const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) {
        break;
      }
      length += bytesRead;
    }
    if (length > opened.size || length > maxBytes) {
      throw refuse(`file_path ${filePath} grew while it was read`, 'upload it once it is written');
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
