import browser from 'webextension-polyfill';
import { nowIso } from '@shared/schema/common';
import { TabsightError } from '@shared/schema/errors';
import type { TabInfo } from '@shared/schema/observation';
import { IGNORED_SESSION_KEYS, type Session, type SessionStart } from '@shared/schema/session';
import { forgetCursors } from '../observe/cursor-store';
import { forgetObservations } from '../observe/observation-store';
import { closeRecord, newSessionId, toWireSession, type SessionRecord } from './session-record';
import type { SessionStore } from './session-store';
import { assertAgentNavigable, waitForComplete } from '../navigation';

const ALARM_PREFIX = 'tabsight.session-timeout:';
const MS_PER_MINUTE = 60_000;

export const sessionIdOfAlarm = (name: string): string | undefined =>
  name.startsWith(ALARM_PREFIX) ? name.slice(ALARM_PREFIX.length) : undefined;

/** Sessions own windows and tabs; this module keeps the records and the browser in step. */
export function createSessionService(store: SessionStore) {
  async function scheduleTimeout(record: SessionRecord): Promise<void> {
    const when = Date.parse(record.last_accessed_at) + record.timeout_minutes * MS_PER_MINUTE;
    await browser.alarms.create(ALARM_PREFIX + record.session_id, { when });
  }

  async function require(id: string): Promise<SessionRecord> {
    const record = await store.get(id);
    if (!record) {
      throw new TabsightError(
        'session-not-found',
        `no session ${id}`,
        'start one with POST /sessions/start, or list them with GET /sessions',
      );
    }
    return record;
  }

  async function start(params: SessionStart): Promise<Session> {
    const at = nowIso();
    const ignored = IGNORED_SESSION_KEYS.filter((k) => params[k] !== undefined);
    if (params.url) {
      assertAgentNavigable(params.url);
    }
    let windowId: number;
    let tabId: number;
    if (params.attach === 'active_tab') {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined || tab.windowId === undefined) {
        throw new TabsightError(
          'tab-not-found',
          'there is no focused tab to adopt',
          'focus a tab first',
        );
      }
      ({ id: tabId, windowId } = tab as { id: number; windowId: number });
      if (params.url) {
        await browser.tabs.update(tabId, { url: params.url });
      }
    } else {
      const win = await browser.windows.create({
        url: params.url ?? 'about:blank',
        focused: true,
        ...(params.viewport_width ? { width: params.viewport_width } : {}),
        ...(params.viewport_height ? { height: params.viewport_height } : {}),
      });
      const tab = win.tabs?.[0];
      if (win.id === undefined || tab?.id === undefined) {
        throw new TabsightError('internal', 'the browser did not create a window');
      }
      windowId = win.id;
      tabId = tab.id;
    }
    const record: SessionRecord = {
      session_id: newSessionId(),
      timeout_minutes: params.timeout_minutes,
      max_steps: params.max_steps,
      created_at: at,
      closed_at: null,
      last_accessed_at: at,
      status: 'active',
      error: null,
      attach: params.attach,
      window_id: windowId,
      tab_ids: [tabId],
      active_tab_id: tabId,
      current_step: 0,
      ignored_keys: [...ignored],
    };
    await store.update(record.session_id, () => ({ record, value: undefined }));
    await scheduleTimeout(record);
    if (params.url) {
      // The answer promises a session whose page can be observed at once.
      await waitForComplete(tabId).catch(() => undefined);
    }
    return toWireSession(record);
  }

  /** Closes what the session created; an adopted tab is never closed. */
  async function release(record: SessionRecord): Promise<void> {
    await browser.alarms.clear(ALARM_PREFIX + record.session_id);
    await forgetObservations(record.session_id);
    forgetCursors(record.session_id);
    const toClose =
      record.attach === 'new_window'
        ? null
        : record.tab_ids.filter((id) => id !== record.tab_ids[0]);
    try {
      if (toClose === null) {
        await browser.windows.remove(record.window_id);
      } else if (toClose.length > 0) {
        await browser.tabs.remove(toClose);
      }
    } catch {
      // Already closed by the user: nothing to release.
    }
  }

  async function finish(
    id: string,
    status: 'closed' | 'timed_out' | 'error',
    error: string | null = null,
  ): Promise<Session> {
    const before = await require(id);
    const closed = await store.update(id, (current) => {
      if (!current || current.status !== 'active') {
        return { record: current, value: current ?? before };
      }
      const record = closeRecord(current, status, error);
      return { record, value: record };
    });
    if (before.status === 'active') {
      await release(before);
    }
    return toWireSession(closed);
  }

  /** An active session, touched now: last access refreshed and its idle timeout pushed back. */
  async function touch(id: string): Promise<SessionRecord> {
    const found = await require(id);
    if (found.status !== 'active') {
      throw new TabsightError(
        'session-not-active',
        `session ${id} is ${found.status}`,
        'start a new session with POST /sessions/start',
      );
    }
    const record = await store.update(id, (current) => {
      const next = { ...(current ?? found), last_accessed_at: nowIso() };
      return { record: next, value: next };
    });
    await scheduleTimeout(record);
    return record;
  }

  /** The session's browser tabs in window order: what `metadata.tabs` and `switch_tab` index. */
  async function tabsInOrder(record: SessionRecord): Promise<browser.Tabs.Tab[]> {
    return record.attach === 'new_window'
      ? await browser.tabs.query({ windowId: record.window_id })
      : (await Promise.all(record.tab_ids.map((id) => browser.tabs.get(id).catch(() => null))))
          .filter((t): t is browser.Tabs.Tab => t !== null)
          .sort((a, b) => a.windowId! - b.windowId! || a.index - b.index);
  }

  async function sessionTabs(record: SessionRecord): Promise<TabInfo[]> {
    const tabs = await tabsInOrder(record);
    return tabs.map((t, index) => ({ tab_id: index, title: t.title ?? '', url: t.url ?? '' }));
  }

  return {
    start,
    touch,
    sessionTabs,
    tabsInOrder,
    get: async (id: string) => toWireSession(await require(id)),
    record: require,
    list: async (onlyActive: boolean) =>
      (await store.all())
        .filter((r) => !onlyActive || r.status === 'active')
        .map((r) => toWireSession(r)),
    stop: (id: string) => finish(id, 'closed'),
    timeOut: (id: string) => finish(id, 'timed_out'),
    /** Ends a session whose window or tab the user closed. */
    endClosedByUser: (id: string, reason: string) => finish(id, 'closed', reason),
    /** Saves a change to a record (e.g. a new active tab, a counted step). */
    save: (id: string, change: (r: SessionRecord) => SessionRecord) =>
      store.update(id, (current) => {
        const next = current ? change(current) : undefined;
        return { record: next, value: next };
      }),
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
