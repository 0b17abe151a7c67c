import browser from 'webextension-polyfill';

/**
 * Values kept in memory and mirrored to `storage.session`, so they survive the service worker
 * being stopped and woken (they are gone when the browser closes). One key per entry:
 * `<prefix>.<key>`.
 */
export function sessionStore<K extends string | number, V>(prefix: string) {
  const cache = new Map<K, V>();
  const keyOf = (key: K) => `${prefix}.${key}`;
  return {
    async get(key: K): Promise<V | undefined> {
      if (!cache.has(key)) {
        const stored = (await browser.storage.session.get(keyOf(key)))[keyOf(key)] as V | undefined;
        if (stored === undefined) {
          return undefined;
        }
        cache.set(key, stored);
      }
      return cache.get(key);
    },
    async set(key: K, value: V): Promise<void> {
      cache.set(key, value);
      await browser.storage.session.set({ [keyOf(key)]: value });
    },
    async remove(key: K): Promise<void> {
      cache.delete(key);
      await browser.storage.session.remove(keyOf(key));
    },
  };
}
