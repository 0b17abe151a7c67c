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
  /** The last perception pass that listed the element, or found it connected in a sweep. */
  seen: number;
}

/**
 * Stable ids for one document (docs/SPEC.md section 4; docs/DESIGN.md example 3): an element keeps its id for
 * the life of the document while it is connected, numbers are never reused, and a new element
 * that takes the place of a vanished one with the same fingerprint inherits its id if it
 * appears within `RECLAIM_PASSES` perception passes of the old one's last listing.
 */
export interface IdRegistry {
  /** Marks the start of a perception pass; now and then forgets elements gone for a while. */
  beginPass(): void;
  idOf(element: Element, fingerprint: () => Fingerprint): string;
  elementById(localId: string): Element | undefined;
  /** The id an earlier pass gave this element, without handing out a new one. */
  knownIdOf(element: Element): string | undefined;
  /** How much the registry holds: elements it remembers, and ids in its fingerprint indexes. */
  stats(): { entries: number; indexed: number };
}

/**
 * How many passes a vanished element's id stays claimable by a re-render. Agents observe, act
 * and observe again, so a re-render shows up in the next pass or two; a lower bound, as entries
 * are only dropped when a sweep runs.
 */
export const RECLAIM_PASSES = 3;

// Sweeps only run once the registry holds more than twice what is live (plus this much), so a
// steady page never pays for one and each sweep's cost is paid for by the entries added since.
const SWEEP_SLACK_ENTRIES = 256;

const isGone = (entry: Entry): boolean => {
  const element = entry.ref.deref();
  return !element || !element.isConnected;
};

export function createIdRegistry(): IdRegistry {
  const ids = new WeakMap<Element, string>();
  const entries = new Map<string, Entry>();
  // Each id is listed exactly under its entry's current keys, so lists never hold stale ids.
  const byExact = new Map<string, string[]>();
  const byAnchor = new Map<string, string[]>();
  // Only ever counted up: a number dropped by a sweep is never handed out again.
  const counters = new Map<IdPrefix, number>();
  let generation = 0;
  let liveThisPass = 0;
  let liveLastPass = 0;
  let keptBySweep = 0;

  const remember = (index: Map<string, string[]>, key: string, id: string) => {
    const list = index.get(key);
    if (list) {
      list.push(id);
    } else {
      index.set(key, [id]);
    }
  };

  const forget = (index: Map<string, string[]>, key: string, gone: (id: string) => boolean) => {
    const kept = index.get(key)?.filter((id) => !gone(id));
    if (kept?.length) {
      index.set(key, kept);
    } else {
      index.delete(key);
    }
  };

  // The first vanished id under `key`: the oldest look-alike a re-render takes the place of.
  const reclaim = (index: Map<string, string[]>, key: string): string | undefined =>
    index.get(key)?.find((id) => isGone(entries.get(id)!));

  const bind = (element: Element, id: string, fp: Fingerprint) => {
    const old = entries.get(id);
    const exactKey = `${fp.prefix}|${fp.role}|${fp.name}|${fp.exact}`;
    const anchorKey = `${fp.prefix}|${fp.role}|${fp.name}|${fp.anchor}`;
    if (old?.exactKey !== exactKey) {
      if (old) {
        forget(byExact, old.exactKey, (other) => other === id);
      }
      remember(byExact, exactKey, id);
    }
    if (old?.anchorKey !== anchorKey) {
      if (old) {
        forget(byAnchor, old.anchorKey, (other) => other === id);
      }
      remember(byAnchor, anchorKey, id);
    }
    entries.set(id, { ref: new WeakRef(element), exactKey, anchorKey, seen: generation });
    ids.set(element, id);
    liveThisPass++;
  };

  // Drops entries whose element is gone and has not been listed for RECLAIM_PASSES passes.
  const sweep = () => {
    const dropped = new Set<string>();
    const exactKeys = new Set<string>();
    const anchorKeys = new Set<string>();
    for (const [id, entry] of entries) {
      if (!isGone(entry)) {
        // Connected but not listed (outside the viewport): its clock starts when it goes.
        entry.seen = generation;
      } else if (generation - entry.seen >= RECLAIM_PASSES) {
        dropped.add(id);
        exactKeys.add(entry.exactKey);
        anchorKeys.add(entry.anchorKey);
        entries.delete(id);
        const element = entry.ref.deref();
        if (element && ids.get(element) === id) {
          ids.delete(element);
        }
      }
    }
    const gone = (id: string) => dropped.has(id);
    exactKeys.forEach((key) => forget(byExact, key, gone));
    anchorKeys.forEach((key) => forget(byAnchor, key, gone));
    keptBySweep = entries.size;
  };

  return {
    beginPass() {
      liveLastPass = liveThisPass;
      liveThisPass = 0;
      if (entries.size > 2 * Math.max(liveLastPass, keptBySweep) + SWEEP_SLACK_ENTRIES) {
        sweep();
      }
      generation++;
    },
    idOf(element, fingerprint) {
      const known = ids.get(element);
      const entry = known === undefined ? undefined : entries.get(known);
      // A detached element that comes back after its id went to a look-alike gets a new id.
      if (known && entry?.ref.deref() === element) {
        if (entry.seen !== generation) {
          entry.seen = generation;
          liveThisPass++;
        }
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
    knownIdOf(element) {
      const known = ids.get(element);
      return known !== undefined && entries.get(known)?.ref.deref() === element ? known : undefined;
    },
    stats() {
      let indexed = 0;
      for (const index of [byExact, byAnchor]) {
        index.forEach((list) => (indexed += list.length));
      }
      return { entries: entries.size, indexed };
    },
  };
}
