import path from 'node:path';
import type { Action } from '@shared/schema/actions';

/** Reads upload_file's file_path under the upload-folder rules (see upload-folder.ts). */
export type ReadFile = (filePath: string) => Promise<Uint8Array>;

/**
 * upload_file with a `file_path`: the extension cannot read the disk, so the bridge (which runs on
 * the same machine) reads the file and sends its bytes as `file: {name, base64}`. Other actions,
 * and uploads that already carry `file`, pass through unchanged.
 */
export async function inlineUploadFile(action: Action, readFile: ReadFile): Promise<Action> {
  if (action.type !== 'upload_file' || action.file || !action.file_path) {
    return action;
  }
  const bytes = await readFile(action.file_path);
  return {
    ...action,
    file: { name: path.basename(action.file_path), base64: Buffer.from(bytes).toString('base64') },
  };
}
