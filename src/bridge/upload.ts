import path from 'node:path';
import type { Action } from '@shared/schema/actions';
import { TabsightError } from '@shared/schema/errors';

/** Reads a whole file; `fs.promises.readFile` in the bridge, a fake in tests. */
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
  const filePath = action.file_path;
  if (!path.isAbsolute(filePath)) {
    throw new TabsightError(
      'invalid-request',
      `file_path must be absolute, got ${filePath}`,
      'give the full path of the file on this machine, e.g. /home/me/report.pdf',
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new TabsightError(
      'invalid-request',
      `cannot read file_path ${filePath}: ${reason}`,
      'check that the file exists and is readable by the bridge, or send file {name, base64}',
    );
  }
  return {
    ...action,
    file: { name: path.basename(filePath), base64: Buffer.from(bytes).toString('base64') },
  };
}
