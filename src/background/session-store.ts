import browser from 'webextension-polyfill';

/** The part of `storage.session` the store uses (a fake one in unit tests). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** When the pending writes of a store run: after the current task, so after its answer is sent. */
export type Schedule = (flush: () => void) => void;

const afterThisTask: Schedule = (flush) => void setTimeout(flush, 0);

/**
 * Values kept in memory and mirrored to `storage.session`, so they survive the service worker
 * being stopped and woken (they are gone when the browser closes). One key per entry:
 * `<prefix>.<key>`.
 *
 * Memory is the authority; the mirror is written after the current task, once per key however
 * often it was set, as one JSON string. Writing the structured value itself (12k entries of a big
 * page's id map and observation records) cost about 120 ms of the worker's time per observe,
 * on the answer's path; the string costs a few. A write that fails (the area's 10 MB quota) is
 * reported and the value stays in memory: an observe never fails for its mirror.
 */
export function sessionStore<K extends string | number, V>(
  prefix: string,
  area: SessionArea = browser.storage.session,
  schedule: Schedule = afterThisTask,
) {
  const cache = new Map<K, V>();
  const dirty = new Set<K>();
  let scheduled = false;
  const keyOf = (key: K) => `${prefix}.${key}`;

  function flush(): void {
    scheduled = false;
    const items: Record<string, string> = {};
    for (const key of dirty) {
      items[keyOf(key)] = JSON.stringify(cache.get(key));
    }
    dirty.clear();
    area.set(items).catch((err: unknown) => {
      console.warn(`tabsight: ${prefix} kept in memory only (storage.session: ${String(err)})`);
    });
  }

  return {
    async get(key: K): Promise<V | undefined> {
      if (!cache.has(key)) {
        const stored = (await area.get(keyOf(key)))[keyOf(key)];
        if (stored === undefined || cache.has(key)) {
          return cache.get(key);
        }
        cache.set(key, (typeof stored === 'string' ? JSON.parse(stored) : stored) as V);
      }
      return cache.get(key);
    },
    /** Sets the value now; its mirror is written after the current task. */
    set(key: K, value: V): Promise<void> {
      cache.set(key, value);
      dirty.add(key);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
      return Promise.resolve();
    },
    async remove(key: K): Promise<void> {
      cache.delete(key);
      dirty.delete(key);
      await area.remove(keyOf(key));
    },
  };
}
