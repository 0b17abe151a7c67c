import { describe, expect, it, vi } from 'vitest';
import { sessionStore, type SessionArea } from './session-store';

vi.mock('webextension-polyfill', () => ({ default: { storage: { session: {} } } }));

/** An in-memory storage area that records each write, and can be made to refuse them. */
function fakeArea(refuse = false) {
  const items = new Map<string, unknown>();
  const writes: Record<string, unknown>[] = [];
  const area: SessionArea = {
    get: (key) => Promise.resolve(items.has(key) ? { [key]: items.get(key) } : {}),
    set: (batch) => {
      writes.push(batch);
      if (refuse) {
        return Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
      }
      for (const [k, v] of Object.entries(batch)) {
        items.set(k, v);
      }
      return Promise.resolve();
    },
    remove: (key) => {
      items.delete(key);
      return Promise.resolve();
    },
  };
  return { area, items, writes };
}

/** A schedule the test runs by hand. */
function manual() {
  const pending: (() => void)[] = [];
  return {
    schedule: (f: () => void) => void pending.push(f),
    run: () => pending.splice(0).forEach((f) => f()),
  };
}

describe('sessionStore', () => {
  it('answers from memory at once and writes each key once, as JSON, after the task', async () => {
    const { area, writes } = fakeArea();
    const later = manual();
    const store = sessionStore<number, { n: number }>('t', area, later.schedule);
    await store.set(1, { n: 1 });
    await store.set(1, { n: 2 });
    await store.set(2, { n: 3 });
    expect(await store.get(1)).toEqual({ n: 2 });
    expect(writes).toEqual([]);
    later.run();
    expect(writes).toEqual([{ 't.1': '{"n":2}', 't.2': '{"n":3}' }]);
  });

  it('reads a mirrored value back after the worker restarted (a new store over the same area)', async () => {
    const { area } = fakeArea();
    const later = manual();
    await sessionStore<string, string[]>('t', area, later.schedule).set('s', ['a', 'b']);
    later.run();
    const woken = sessionStore<string, string[]>('t', area, later.schedule);
    expect(await woken.get('s')).toEqual(['a', 'b']);
    expect(await woken.get('missing')).toBeUndefined();
  });

  it('does not write a value removed before its write ran', async () => {
    const { area, items } = fakeArea();
    const later = manual();
    const store = sessionStore<string, number>('t', area, later.schedule);
    await store.set('gone', 1);
    await store.remove('gone');
    later.run();
    expect(items.has('t.gone')).toBe(false);
    expect(await store.get('gone')).toBeUndefined();
  });

  it('keeps the value in memory when the area refuses the write (quota), and says so', async () => {
    const { area } = fakeArea(true);
    const later = manual();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = sessionStore<string, number>('t', area, later.schedule);
    await store.set('k', 7);
    later.run();
    await new Promise((r) => setTimeout(r, 0));
    expect(await store.get('k')).toBe(7);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('kept in memory only'));
    warn.mockRestore();
  });
});
