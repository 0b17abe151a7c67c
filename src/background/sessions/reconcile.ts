import browser from 'webextension-polyfill';
import type { SessionRecord } from './session-record';
import type { SessionService } from './session-service';

interface Closed {
  closedWindowId?: number;
  closedTabId?: number;
}

async function liveTabIds(record: SessionRecord, closed: Closed): Promise<number[]> {
  if (record.attach === 'new_window') {
    if (record.window_id === closed.closedWindowId) {
      return [];
    }
    const tabs = await browser.tabs.query({ windowId: record.window_id }).catch(() => []);
    return tabs.map((t) => t.id!).filter((id) => id !== closed.closedTabId);
  }
  const tabs = await Promise.all(
    record.tab_ids
      .filter((id) => id !== closed.closedTabId)
      .map((id) => browser.tabs.get(id).catch(() => null)),
  );
  return tabs.flatMap((t) => (t && t.windowId !== closed.closedWindowId ? [t.id!] : []));
}

/**
 * Brings stored sessions in line with the browser: after a restart of the worker, or when the
 * user closed a session's window or tab, a session with no tab left ends as `closed`.
 */
export async function reconcileSessions(
  sessions: SessionService,
  closed: Closed = {},
): Promise<void> {
  for (const wire of await sessions.list(true)) {
    const record = await sessions.record(wire.session_id);
    const ids = await liveTabIds(record, closed);
    if (ids.length === 0) {
      await sessions.endClosedByUser(record.session_id, 'the session window or tab was closed');
      continue;
    }
    if (!ids.includes(record.active_tab_id) || record.tab_ids.some((id) => !ids.includes(id))) {
      await sessions.save(record.session_id, (r) => ({
        ...r,
        tab_ids: r.tab_ids.filter((id) => ids.includes(id)),
        active_tab_id: ids.includes(r.active_tab_id) ? r.active_tab_id : ids[0]!,
      }));
    }
  }
}
