/**
 * Tab-wide element ids. Each frame's content script numbers its own elements (`B3` in two frames
 * would collide), so the service worker maps every (document, local id) pair to one tab-wide id.
 * The map lives as long as the top document: an element keeps its id across observations.
 */
export interface IdMapState {
  topDocumentId: string;
  next: Record<string, number>;
  /** `${documentId}|${localId}` → tab-wide id. */
  forward: Record<string, string>;
}

export interface FrameAddress {
  documentId: string;
  localId: string;
}

export function createIdMapState(topDocumentId: string): IdMapState {
  return { topDocumentId, next: {}, forward: {} };
}

/** The tab-wide id of a frame-local id, allocating one the first time it is seen. */
export function globalIdOf(state: IdMapState, documentId: string, localId: string): string {
  const key = `${documentId}|${localId}`;
  const known = state.forward[key];
  if (known) {
    return known;
  }
  const prefix = localId.charAt(0);
  const number = (state.next[prefix] ?? 0) + 1;
  state.next[prefix] = number;
  const id = `${prefix}${number}`;
  state.forward[key] = id;
  return id;
}

/** The frame and local id behind a tab-wide id, or undefined when it was never handed out. */
export function addressOf(state: IdMapState, globalId: string): FrameAddress | undefined {
  for (const [key, id] of Object.entries(state.forward)) {
    if (id === globalId) {
      const bar = key.indexOf('|');
      return { documentId: key.slice(0, bar), localId: key.slice(bar + 1) };
    }
  }
  return undefined;
}
