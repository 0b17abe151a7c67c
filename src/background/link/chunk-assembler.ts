import { CHUNKED_MESSAGE_MAX_CHARS, type ChunkFrame } from '@shared/protocol/bridge-link';

/**
 * A chunk set that stops arriving is dropped after this long; the bridge has its own 15 s call
 * timeout, so the agent gets a 504 rather than a hang.
 */
export const CHUNK_SET_TIMEOUT_MS = 30_000;
/** The bridge writes a set in one go; more open sets than this means a confused stream. */
export const MAX_OPEN_CHUNK_SETS = 4;

export interface ChunkAssemblerOptions {
  /** The whole message, parsed from the joined JSON text. */
  onMessage: (message: unknown) => void;
  /** A set was given up: why, for the log. */
  onDrop: (reason: string) => void;
  timeoutMs?: number;
  maxSets?: number;
  maxChars?: number;
}

interface OpenSet {
  count: number;
  parts: (string | undefined)[];
  received: number;
  chars: number;
  timer: ReturnType<typeof setTimeout>;
}

/** Joins the slices of host→browser messages that were too large for one native message. */
export function createChunkAssembler(options: ChunkAssemblerOptions) {
  const timeoutMs = options.timeoutMs ?? CHUNK_SET_TIMEOUT_MS;
  const maxSets = options.maxSets ?? MAX_OPEN_CHUNK_SETS;
  const maxChars = options.maxChars ?? CHUNKED_MESSAGE_MAX_CHARS;
  const sets = new Map<number, OpenSet>();

  const drop = (id: number, reason: string) => {
    const set = sets.get(id);
    if (set) {
      clearTimeout(set.timer);
      sets.delete(id);
    }
    options.onDrop(`chunk set ${id}: ${reason}`);
  };

  const open = (id: number, count: number): OpenSet | null => {
    if (sets.size >= maxSets) {
      // The oldest set is the least likely to complete.
      const [oldest] = sets.keys();
      if (oldest !== undefined) {
        drop(oldest, `too many open sets (${maxSets})`);
      }
    }
    const set: OpenSet = {
      count,
      parts: new Array<string | undefined>(count).fill(undefined),
      received: 0,
      chars: 0,
      timer: setTimeout(() => drop(id, `incomplete after ${timeoutMs} ms`), timeoutMs),
    };
    sets.set(id, set);
    return set;
  };

  return {
    push({ id, index, count, data }: ChunkFrame['chunk']): void {
      const set = sets.get(id) ?? open(id, count);
      if (!set) {
        return;
      }
      if (set.count !== count) {
        drop(id, `count changed from ${set.count} to ${count}`);
        return;
      }
      if (set.parts[index] !== undefined) {
        drop(id, `chunk ${index} arrived twice`);
        return;
      }
      set.chars += data.length;
      if (set.chars > maxChars) {
        drop(id, `over ${maxChars} characters`);
        return;
      }
      set.parts[index] = data;
      set.received += 1;
      if (set.received < set.count) {
        return;
      }
      clearTimeout(set.timer);
      sets.delete(id);
      let message: unknown;
      try {
        message = JSON.parse(set.parts.join(''));
      } catch (err) {
        options.onDrop(`chunk set ${id}: not JSON once joined (${String(err)})`);
        return;
      }
      options.onMessage(message);
    },
    /** The port closed: partial sets will never complete. */
    clear(): void {
      for (const set of sets.values()) {
        clearTimeout(set.timer);
      }
      sets.clear();
    },
    get openSets(): number {
      return sets.size;
    },
  };
}
export type ChunkAssembler = ReturnType<typeof createChunkAssembler>;
