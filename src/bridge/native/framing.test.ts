// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  FrameTooLargeError,
  HOST_TO_BROWSER_MAX_BYTES,
  createFrameDecoder,
  encodeFrame,
} from './framing';

function collect(maxBytes?: number) {
  const messages: unknown[] = [];
  const invalid: Error[] = [];
  const decoder = createFrameDecoder({
    onMessage: (m) => messages.push(m),
    onInvalid: (e) => invalid.push(e),
    maxBytes,
  });
  return { decoder, messages, invalid };
}

describe('encodeFrame', () => {
  it('writes a little-endian length and UTF-8 JSON', () => {
    const frame = encodeFrame({ text: 'é' });
    const body = JSON.stringify({ text: 'é' });
    expect(frame.readUInt32LE(0)).toBe(Buffer.byteLength(body));
    expect(frame.subarray(4).toString('utf8')).toBe(body);
  });

  it('refuses a message Chrome would drop', () => {
    const big = 'x'.repeat(HOST_TO_BROWSER_MAX_BYTES);
    expect(() => encodeFrame({ big })).toThrow(FrameTooLargeError);
  });
});

describe('createFrameDecoder', () => {
  it('decodes merged frames in one chunk', () => {
    const { decoder, messages } = collect();
    decoder.push(Buffer.concat([encodeFrame({ a: 1 }), encodeFrame([2]), encodeFrame('three')]));
    expect(messages).toEqual([{ a: 1 }, [2], 'three']);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('decodes a frame split byte by byte, header included', () => {
    const { decoder, messages } = collect();
    const frame = encodeFrame({ hello: 'wörld', n: [1, 2, 3] });
    for (const byte of frame) {
      decoder.push(Buffer.from([byte]));
    }
    expect(messages).toEqual([{ hello: 'wörld', n: [1, 2, 3] }]);
  });

  it('handles a split that crosses two frames', () => {
    const { decoder, messages } = collect();
    const both = Buffer.concat([encodeFrame({ first: true }), encodeFrame({ second: true })]);
    decoder.push(both.subarray(0, 7));
    decoder.push(both.subarray(7, 25));
    expect(messages).toEqual([{ first: true }]);
    decoder.push(both.subarray(25));
    expect(messages).toEqual([{ first: true }, { second: true }]);
  });

  it('decodes a large message from many chunks', () => {
    const { decoder, messages } = collect();
    const payload = { data: 'y'.repeat(3_000_000) };
    const frame = encodeFrame(payload, Number.MAX_SAFE_INTEGER);
    for (let i = 0; i < frame.length; i += 65_536) {
      decoder.push(frame.subarray(i, i + 65_536));
    }
    expect(messages).toEqual([payload]);
  });

  it('reports a frame that is not JSON and keeps going', () => {
    const { decoder, messages, invalid } = collect();
    const bad = Buffer.from('{nope');
    const header = Buffer.alloc(4);
    header.writeUInt32LE(bad.length, 0);
    decoder.push(Buffer.concat([header, bad, encodeFrame({ ok: 1 })]));
    expect(invalid).toHaveLength(1);
    expect(messages).toEqual([{ ok: 1 }]);
  });

  it('rejects an absurd length', () => {
    const { decoder } = collect(1024);
    const header = Buffer.alloc(4);
    header.writeUInt32LE(0xffffffff, 0);
    expect(() => decoder.push(header)).toThrow(FrameTooLargeError);
  });
});
