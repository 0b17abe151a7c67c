import { describe, expect, it } from 'vitest';
import type { Action } from '@shared/schema/actions';
import { inlineUploadFile } from './upload';

const bytes = new TextEncoder().encode('hello, file');
const read = (p: string) =>
  p === '/tmp/note.txt'
    ? Promise.resolve(bytes)
    : Promise.reject(new Error('ENOENT: no such file'));

describe('inlineUploadFile', () => {
  it('reads file_path into file {name, base64}', async () => {
    const action: Action = { type: 'upload_file', id: 'I3', file_path: '/tmp/note.txt' };
    expect(await inlineUploadFile(action, read)).toEqual({
      ...action,
      file: { name: 'note.txt', base64: Buffer.from(bytes).toString('base64') },
    });
  });

  it('leaves other actions and uploads that carry their file alone', async () => {
    const click: Action = { type: 'click', id: 'B1' };
    expect(await inlineUploadFile(click, read)).toBe(click);
    const inline: Action = {
      type: 'upload_file',
      id: 'I3',
      file: { name: 'a.txt', base64: 'YQ==' },
    };
    expect(await inlineUploadFile(inline, read)).toBe(inline);
  });

  it('passes the refusal of the reader through unchanged', async () => {
    await expect(
      inlineUploadFile({ type: 'upload_file', id: 'I3', file_path: '/tmp/missing' }, read),
    ).rejects.toThrow(/ENOENT/);
  });
});
