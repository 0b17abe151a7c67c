import { SessionRecord } from './session-record';

/** The slice of `storage.session` the store needs; a Map stands in for it in unit tests. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const STORAGE_KEY = 'tabsight.sessions';

/**
 * Sessions survive service-worker suspension through `storage.session`. Every mutation is
 * load → change → save on one promise chain, so concurrent requests never lose an update.
 */
export function createSessionStore(area: KeyValueArea) {
  let chain: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Map<string, SessionRecord>> {
    const raw = (await area.get(STORAGE_KEY))[STORAGE_KEY];
    const list = Array.isArray(raw) ? raw : [];
    const parsed = list.flatMap((item) => {
      const result = SessionRecord.safeParse(item);
      return result.success ? [result.data] : [];
    });
    return new Map(parsed.map((r) => [r.session_id, r]));
  }

  function serialise<T>(work: () => Promise<T>): Promise<T> {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  }

  return {
    all: (): Promise<SessionRecord[]> => serialise(async () => [...(await load()).values()]),
    get: (id: string): Promise<SessionRecord | undefined> =>
      serialise(async () => (await load()).get(id)),
    /** Applies `change` to the stored record (or creates one when `change` returns a record). */
    update: <T>(
      id: string,
      change: (current: SessionRecord | undefined) => {
        record: SessionRecord | undefined;
        value: T;
      },
    ): Promise<T> =>
      serialise(async () => {
        const map = await load();
        const { record, value } = change(map.get(id));
        if (record) {
          map.set(id, record);
        } else {
          map.delete(id);
        }
        await area.set({ [STORAGE_KEY]: [...map.values()] });
        return value;
      }),
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
