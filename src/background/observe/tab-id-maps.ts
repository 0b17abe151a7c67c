import browser from 'webextension-polyfill';
import { createIdMapState, type IdMapState } from './id-map';

const keyOf = (tabId: number) => `tabsight.ids.${tabId}`;
const cache = new Map<number, IdMapState>();

/**
 * The id map of a tab's current top document, from memory or `storage.session` (so ids survive a
 * service-worker restart); a new top document starts a new map.
 */
export async function idMapFor(tabId: number, topDocumentId: string): Promise<IdMapState> {
  let state = cache.get(tabId);
  if (!state) {
    const stored = (await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)] as
      IdMapState | undefined;
    state = stored;
  }
  if (!state || state.topDocumentId !== topDocumentId) {
    state = createIdMapState(topDocumentId);
  }
  cache.set(tabId, state);
  return state;
}

export async function saveIdMap(tabId: number, state: IdMapState): Promise<void> {
  cache.set(tabId, state);
  await browser.storage.session.set({ [keyOf(tabId)]: state });
}

export async function forgetTab(tabId: number): Promise<void> {
  cache.delete(tabId);
  await browser.storage.session.remove(keyOf(tabId));
}
