import browser from 'webextension-polyfill';
import { callFrame } from '../frame-messaging';
import { addressOf } from '../observe/id-map';
import { idMapFor } from '../observe/tab-id-maps';

interface FrameInfo {
  frameId: number;
  parentFrameId: number;
  documentId?: string;
}

interface OverlayState {
  /** Ids labelled by "show all ids", or null when the toggle is off. */
  all: string[] | null;
  /** The id under the popup's pointer or keyboard focus. */
  focus: string | null;
}

/**
 * Draws the popup's highlights in the page. Tab-wide ids are turned back into (frame, local id)
 * and each frame's content script draws its own boxes, so elements inside iframes are outlined
 * in their own coordinates. Every frame gets its full list, an empty one clearing stale boxes.
 */
export function createOverlayRelay() {
  const states = new Map<number, OverlayState>();

  async function render(tabId: number, scroll: boolean): Promise<number> {
    const state = states.get(tabId) ?? { all: null, focus: null };
    // The focused id goes first: the content script scrolls to the first entry.
    const ids = [...new Set([...(state.focus ? [state.focus] : []), ...(state.all ?? [])])];
    const frames = ((await browser.webNavigation.getAllFrames({ tabId })) ?? []) as FrameInfo[];
    const top = frames.find((f) => f.frameId === 0);
    if (!top?.documentId) {
      return 0;
    }
    const idMap = await idMapFor(tabId, top.documentId);
    const perDocument = new Map<string, { local_id: string; label: string }[]>();
    for (const id of ids) {
      const address = addressOf(idMap, id);
      if (address) {
        const list = perDocument.get(address.documentId) ?? [];
        list.push({ local_id: address.localId, label: id });
        perDocument.set(address.documentId, list);
      }
    }
    const shown = await Promise.all(
      frames
        .filter((f) => f.documentId !== undefined)
        .map((f) => {
          const localIds = perDocument.get(f.documentId!) ?? [];
          return callFrame(
            { tabId, frameId: f.frameId, documentId: f.documentId },
            'content.highlight',
            { local_ids: localIds, scroll: scroll && localIds[0]?.label === state.focus },
          )
            .then((r) => r.shown)
            .catch(() => 0);
        }),
    );
    return shown.reduce((a, b) => a + b, 0);
  }

  const update = (tabId: number, change: Partial<OverlayState>) => {
    states.set(tabId, { all: null, focus: null, ...states.get(tabId), ...change });
  };

  return {
    focus: (tabId: number, id: string | null, scroll: boolean) => {
      update(tabId, { focus: id });
      return render(tabId, scroll && id !== null);
    },
    showAll: (tabId: number, ids: string[] | null) => {
      update(tabId, { all: ids });
      return render(tabId, false);
    },
    /** Removes every box from the tab (the popup closed). */
    clear: async (tabId: number) => {
      states.delete(tabId);
      await render(tabId, false).catch(() => 0);
    },
  };
}
export type OverlayRelay = ReturnType<typeof createOverlayRelay>;
