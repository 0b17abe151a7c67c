import type { IdPrefix } from './roles';

/**
 * What identifies an element across a framework re-render, when the element object itself is
 * new: its role and name, plus where it sits (`exact`: positional path; `anchor`: nearest
 * landmark or id'd ancestor, which survives rows inserted above).
 */
export interface Fingerprint {
  prefix: IdPrefix;
  role: string;
  name: string;
  exact: string;
  anchor: string;
}

interface Entry {
  ref: WeakRef<Element>;
  exactKey: string;
  anchorKey: string;
}

/**
 * Stable ids for one document (SPEC section 4; DESIGN.md example 3): an element keeps its id for
 * the life of the document, numbers are never reused, and a new element that takes the place of
 * a vanished one with the same fingerprint inherits its id.
 */
export interface IdRegistry {
  idOf(element: Element, fingerprint: () => Fingerprint): string;
  elementById(localId: string): Element | undefined;
}

const isGone = (entry: Entry): boolean => {
  const element = entry.ref.deref();
  return !element || !element.isConnected;
};

export function createIdRegistry(): IdRegistry {
  const ids = new WeakMap<Element, string>();
  const entries = new Map<string, Entry>();
  const byExact = new Map<string, string[]>();
  const byAnchor = new Map<string, string[]>();
  const counters = new Map<IdPrefix, number>();

  const remember = (index: Map<string, string[]>, key: string, id: string) => {
    const list = index.get(key);
    if (list) {
      list.push(id);
    } else {
      index.set(key, [id]);
    }
  };

  // The first vanished id under `key`, dropping stale ids of that key on the way.
  const reclaim = (index: Map<string, string[]>, key: string): string | undefined => {
    const list = index.get(key);
    if (!list) {
      return undefined;
    }
    for (const id of list) {
      const entry = entries.get(id);
      if (entry && isGone(entry)) {
        return id;
      }
    }
    return undefined;
  };

  const bind = (element: Element, id: string, fp: Fingerprint) => {
    const old = entries.get(id);
    const exactKey = `${fp.prefix}|${fp.role}|${fp.name}|${fp.exact}`;
    const anchorKey = `${fp.prefix}|${fp.role}|${fp.name}|${fp.anchor}`;
    if (!old || old.exactKey !== exactKey) {
      remember(byExact, exactKey, id);
    }
    if (!old || old.anchorKey !== anchorKey) {
      remember(byAnchor, anchorKey, id);
    }
    entries.set(id, { ref: new WeakRef(element), exactKey, anchorKey });
    ids.set(element, id);
  };

  return {
    idOf(element, fingerprint) {
      const known = ids.get(element);
      // A detached element that comes back after its id went to a look-alike gets a new id.
      if (known && entries.get(known)?.ref.deref() === element) {
        return known;
      }
      const fp = fingerprint();
      const key = `${fp.prefix}|${fp.role}|${fp.name}|`;
      const reused = reclaim(byExact, key + fp.exact) ?? reclaim(byAnchor, key + fp.anchor);
      let id = reused;
      if (!id) {
        const next = (counters.get(fp.prefix) ?? 0) + 1;
        counters.set(fp.prefix, next);
        id = `${fp.prefix}${next}`;
      }
      bind(element, id, fp);
      return id;
    },
    elementById(localId) {
      const element = entries.get(localId)?.ref.deref();
      return element?.isConnected ? element : undefined;
    },
  };
}
