import type { Context } from 'hono';

/** The response header that lists request keys the bridge accepted but has no use for. */
export const IGNORED_KEYS_HEADER = 'x-tabsight-ignored-keys';

/**
 * Reports ignored keys on the response and once per route and key set in the bridge log, so a
 * client that repeats them on every call does not flood it.
 */
export function createIgnoredReporter(log: (message: string) => void) {
  const logged = new Set<string>();
  return (c: Context, route: string, keys: readonly string[]): void => {
    if (keys.length === 0) {
      return;
    }
    const list = [...new Set(keys)].sort().join(', ');
    c.header(IGNORED_KEYS_HEADER, list);
    const once = `${route} ${list}`;
    if (!logged.has(once)) {
      logged.add(once);
      log(
        `${route}: ignored keys with no local meaning: ${list} (reported in ${IGNORED_KEYS_HEADER})`,
      );
    }
  };
}
