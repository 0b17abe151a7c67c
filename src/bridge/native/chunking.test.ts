// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ChunkFrame, CHUNK_MAX_CHARS } from '@shared/protocol/bridge-link';
import { createChunkingWriter, sliceJson } from './chunking';
import { encodeFrame, FrameTooLargeError, HOST_TO_BROWSER_MAX_BYTES } from './framing';

const collect = () => {
  const frames: unknown[] = [];
  const write = createChunkingWriter((frame) => {
    // encodeFrame throws over Chrome's limit: every frame written must pass it.
    encodeFrame(frame);
    frames.push(frame);
  });
  return { frames, write };
};

const join = (frames: unknown[]) =>
  JSON.parse(frames.map((f) => ChunkFrame.parse(f).chunk.data).join('')) as unknown;

describe('sliceJson', () => {
  it('never splits a surrogate pair', () => {
    const text = `a${'😀'.repeat(10)}`;
    const slices = sliceJson(text, 4);
    expect(slices.join('')).toBe(text);
    for (const slice of slices) {
      expect(slice.length).toBeLessThanOrEqual(4);
      expect(slice).not.toMatch(/[\uD800-\uDBFF]$/);
      expect(slice).not.toMatch(/^[\uDC00-\uDFFF]/);
    }
  });
});

describe('createChunkingWriter', () => {
  it('writes a message that fits as one frame, unchanged', () => {
    const { frames, write } = collect();
    const message = { v: 1, id: 1, method: 'ping', params: {} };
    write(message);
    expect(frames).toEqual([message]);
  });

  it('splits a 3 MB message into chunk frames under the limit that join back', () => {
    const { frames, write } = collect();
    const message = { v: 1, id: 7, method: 'page.execute', params: { data: 'x'.repeat(3e6) } };
    write(message);
    expect(frames.length).toBe(Math.ceil(JSON.stringify(message).length / CHUNK_MAX_CHARS));
    const parsed = frames.map((f) => ChunkFrame.parse(f).chunk);
    expect(parsed.map((c) => c.index)).toEqual(parsed.map((_, i) => i));
    expect(new Set(parsed.map((c) => c.id)).size).toBe(1);
    expect(join(frames)).toEqual(message);
  });

  it('keeps every frame under the byte limit when all characters are multi-byte', () => {
    const { frames, write } = collect();
    const message = { text: '€"'.repeat(400_000) + '😀'.repeat(100_000) };
    write(message);
    for (const frame of frames) {
      expect(encodeFrame(frame).length).toBeLessThanOrEqual(HOST_TO_BROWSER_MAX_BYTES + 4);
    }
    expect(join(frames)).toEqual(message);
  });

  it('gives each set its own id', () => {
    const { frames, write } = collect();
    write({ a: 'y'.repeat(1e6) });
    write({ b: 'z'.repeat(1e6) });
    const ids = new Set(frames.map((f) => ChunkFrame.parse(f).chunk.id));
    expect(ids.size).toBe(2);
  });

  it('refuses a message over the chunked maximum', () => {
    const write = createChunkingWriter(() => {}, { maxMessageChars: 2e6 });
    expect(() => write({ data: 'x'.repeat(3e6) })).toThrow(FrameTooLargeError);
  });
});
