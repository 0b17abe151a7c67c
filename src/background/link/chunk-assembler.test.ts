import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChunkFrame } from '@shared/protocol/bridge-link';
import { createChunkAssembler } from './chunk-assembler';

const setup = (options: { maxSets?: number; maxChars?: number } = {}) => {
  const messages: unknown[] = [];
  const drops: string[] = [];
  const assembler = createChunkAssembler({
    onMessage: (m) => messages.push(m),
    onDrop: (r) => drops.push(r),
    timeoutMs: 1_000,
    ...options,
  });
  return { assembler, messages, drops };
};

/** Cuts a message the way the bridge does (plain slices of its JSON text). */
const chunksOf = (id: number, message: unknown, parts: number) => {
  const json = JSON.stringify(message);
  const size = Math.ceil(json.length / parts);
  return Array.from({ length: parts }, (_, index) => ({
    id,
    index,
    count: parts,
    data: json.slice(index * size, (index + 1) * size),
  }));
};

afterEach(() => {
  vi.useRealTimers();
});

describe('createChunkAssembler', () => {
  it('joins a set whose chunks arrive out of order', () => {
    const { assembler, messages, drops } = setup();
    const message = { v: 1, id: 3, method: 'page.execute', params: { x: 'é😀'.repeat(100) } };
    const chunks = chunksOf(1, message, 5);
    for (const chunk of [chunks[4], chunks[0], chunks[2], chunks[1], chunks[3]]) {
      assembler.push(chunk!);
    }
    expect(messages).toEqual([message]);
    expect(drops).toEqual([]);
    expect(assembler.openSets).toBe(0);
  });

  it('keeps interleaved sets apart', () => {
    const { assembler, messages } = setup();
    const [a0, a1] = chunksOf(1, { a: 1 }, 2);
    const [b0, b1] = chunksOf(2, { b: 2 }, 2);
    for (const chunk of [a0, b0, b1, a1]) {
      assembler.push(chunk!);
    }
    expect(messages).toEqual([{ b: 2 }, { a: 1 }]);
  });

  it('drops a set that stays incomplete past the timeout', () => {
    vi.useFakeTimers();
    const { assembler, messages, drops } = setup();
    assembler.push(chunksOf(9, { a: 1 }, 3)[0]!);
    vi.advanceTimersByTime(1_001);
    expect(drops).toEqual(['chunk set 9: incomplete after 1000 ms']);
    expect(assembler.openSets).toBe(0);
    expect(messages).toEqual([]);
  });

  it('drops duplicates, changed counts, oversized sets and text that is not JSON', () => {
    const { assembler, drops, messages } = setup({ maxChars: 10 });
    assembler.push({ id: 1, index: 0, count: 2, data: '{"a"' });
    assembler.push({ id: 1, index: 0, count: 2, data: '{"a"' });
    assembler.push({ id: 2, index: 0, count: 2, data: '{' });
    assembler.push({ id: 2, index: 1, count: 3, data: '}' });
    assembler.push({ id: 3, index: 0, count: 2, data: '0123456789a' });
    assembler.push({ id: 4, index: 0, count: 2, data: '{' });
    assembler.push({ id: 4, index: 1, count: 2, data: '{' });
    expect(drops).toEqual([
      'chunk set 1: chunk 0 arrived twice',
      'chunk set 2: count changed from 2 to 3',
      'chunk set 3: over 10 characters',
      expect.stringMatching(/^chunk set 4: not JSON once joined/),
    ]);
    expect(messages).toEqual([]);
    expect(assembler.openSets).toBe(0);
  });

  it('bounds the number of open sets, dropping the oldest', () => {
    const { assembler, drops } = setup({ maxSets: 2 });
    for (const id of [1, 2, 3]) {
      assembler.push({ id, index: 0, count: 2, data: '{' });
    }
    expect(drops).toEqual(['chunk set 1: too many open sets (2)']);
    expect(assembler.openSets).toBe(2);
    assembler.clear();
    expect(assembler.openSets).toBe(0);
  });

  it('has a schema that refuses malformed chunk frames', () => {
    const ok = { v: 1, chunk: { id: 1, index: 0, count: 2, data: '' } };
    expect(ChunkFrame.safeParse(ok).success).toBe(true);
    for (const chunk of [
      { id: 1, index: 2, count: 2, data: '' },
      { id: 1, index: 0, count: 1, data: '' },
      { id: -1, index: 0, count: 2, data: '' },
      { id: 1, index: 0, count: 2, data: 'x'.repeat(250_001) },
      { id: 1, index: 0, count: 2, data: '', extra: true },
    ]) {
      expect(ChunkFrame.safeParse({ v: 1, chunk }).success).toBe(false);
    }
  });
});
