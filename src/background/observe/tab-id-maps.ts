import { sessionStore } from '../session-store';
import { createIdMapState, type IdMapState } from './id-map';

const store = sessionStore<number, IdMapState>('tabsight.ids');

/**
 * The id map of a tab's current top document (kept across service-worker restarts); a new top
 * document starts a new map.
 */
export async function idMapFor(tabId: number, topDocumentId: string): Promise<IdMapState> {
  const state = await store.get(tabId);
  if (state && state.topDocumentId === topDocumentId) {
    return state;
  }
  // Kept at once, so concurrent callers on the new document share one map.
  const fresh = createIdMapState(topDocumentId);
  await store.set(tabId, fresh);
  return fresh;
}

export const saveIdMap = (tabId: number, state: IdMapState): Promise<void> =>
  store.set(tabId, state);

export const forgetTab = (tabId: number): Promise<void> => store.remove(tabId);
