import { nameOf } from './describe-element';
import { fireChange, fireInput } from './editing';
import { fail } from './outcome';

export interface UploadContent {
  name: string;
  base64: string;
  mime_type?: string;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  html: 'text/html',
};

function toFile(content: UploadContent): File {
  let binary: string;
  try {
    binary = atob(content.base64);
  } catch {
    return fail(
      `the content of ${content.name} is not valid base64; encode the file's bytes in base64`,
    );
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const extension = content.name.split('.').pop()?.toLowerCase() ?? '';
  const type = content.mime_type ?? MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
  return new File([bytes], content.name, { type, lastModified: Date.now() });
}

/** The origin of the document that now holds the file (this frame's, which may be an ad's). */
const receivingOrigin = (): string => `origin ${globalThis.location.origin}`;

function fileInputFor(element: Element): HTMLInputElement | undefined {
  if (element instanceof HTMLInputElement) {
    return element.type === 'file' ? element : undefined;
  }
  if (element instanceof HTMLLabelElement && element.control instanceof HTMLInputElement) {
    return element.control.type === 'file' ? element.control : undefined;
  }
  return element.querySelector<HTMLInputElement>('input[type="file"]') ?? undefined;
}

/**
 * Hands a file to a file input through a DataTransfer (what a file chooser or a drop does), or
 * drops it on a drop zone that has no input.
 */
export function uploadFile(
  element: Element,
  id: string,
  content: UploadContent | undefined,
): string {
  const label = `${nameOf(element)} (${id})`;
  if (!content) {
    return fail(
      'upload_file needs the file: give file_path (the bridge reads it) or file {name, base64}',
    );
  }
  const file = toFile(content);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  const input = fileInputFor(element);
  if (input) {
    if (input.disabled) {
      return fail(`${label} is disabled; wait until it is enabled, or observe again`);
    }
    input.files = transfer.files;
    fireInput(input, null);
    fireChange(input);
    return `uploaded ${file.name} (${file.size} bytes) to ${label} on ${receivingOrigin()}`;
  }
  const init = { bubbles: true, cancelable: true, composed: true, dataTransfer: transfer };
  element.dispatchEvent(new DragEvent('dragenter', init));
  element.dispatchEvent(new DragEvent('dragover', init));
  const accepted = !element.dispatchEvent(new DragEvent('drop', init));
  if (!accepted) {
    return fail(
      `${label} is not a file input and did not take a dropped file; find the file input (type=file) and observe again`,
    );
  }
  return `dropped ${file.name} (${file.size} bytes) on ${label} of ${receivingOrigin()}`;
}
