import { callWorker } from './rpc';

interface Wanted {
  id: string | null;
  scroll: boolean;
}

/**
 * Sends highlight requests one at a time and only the latest wish: a pointer sweeping over the
 * list would otherwise queue dozens of requests that may land out of order and leave a stale box.
 */
export function createHighlighter(tabId: number) {
  let wanted: Wanted = { id: null, scroll: false };
  let sent: Wanted = { id: null, scroll: false };
  let busy = false;

  async function pump(): Promise<void> {
    busy = true;
    while (wanted.id !== sent.id || wanted.scroll) {
      const next = wanted;
      wanted = { ...wanted, scroll: false };
      sent = next;
      await callWorker('popup.highlight', {
        tab_id: tabId,
        id: next.id,
        scroll: next.scroll,
      }).catch(() => undefined);
    }
    busy = false;
  }

  return {
    /** Outlines the element with this id in the page, or removes the outline (null). */
    set(id: string | null, scroll = false): void {
      wanted = { id, scroll };
      if (!busy) {
        void pump();
      }
    },
  };
}
export type Highlighter = ReturnType<typeof createHighlighter>;
