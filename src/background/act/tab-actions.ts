import browser from 'webextension-polyfill';
import type { SessionRecord } from '../sessions/session-record';
import type { SessionService } from '../sessions/session-service';
import { failed, succeeded, type StepOutcome } from './outcome';
import { whenTabComplete } from './settle';
import { assertAgentNavigable } from '../navigation';

const titleOf = (tab: browser.Tabs.Tab) => `"${tab.title || tab.url || 'untitled'}"`;

/** Opens a URL in a new tab of the session (next to its current tab) and makes it current. */
export async function openTab(
  sessions: SessionService,
  record: SessionRecord,
  url: string,
): Promise<StepOutcome> {
  assertAgentNavigable(url);
  const current = await browser.tabs.get(record.active_tab_id);
  const tab = await browser.tabs.create({
    windowId: record.window_id,
    index: current.index + 1,
    url,
    active: true,
  });
  const tabId = tab.id!;
  await sessions.save(record.session_id, (r) => ({
    ...r,
    tab_ids: [...r.tab_ids, tabId],
    active_tab_id: tabId,
  }));
  const loaded = await whenTabComplete(tabId);
  const index = (await sessions.tabsInOrder(await sessions.record(record.session_id))).findIndex(
    (t) => t.id === tabId,
  );
  return succeeded(
    `opened ${url} in a new tab (tab_index ${index}), now the current tab${loaded ? '' : '; it is still loading, observe again'}`,
  );
}

/** Makes the session's tab at `index` (metadata.tabs order) its current tab. */
export async function switchTab(
  sessions: SessionService,
  record: SessionRecord,
  index: number,
): Promise<StepOutcome> {
  const tabs = await sessions.tabsInOrder(record);
  const tab = tabs[index];
  if (!tab?.id) {
    return failed(
      `there is no tab at index ${index}: the session has ${tabs.length} tab(s), indexes 0 to ${tabs.length - 1} (see metadata.tabs)`,
    );
  }
  const tabId = tab.id;
  await browser.tabs.update(tabId, { active: true });
  await sessions.save(record.session_id, (r) => ({
    ...r,
    // A tab the page opened (target=_blank) becomes the session's once the agent uses it.
    tab_ids: r.tab_ids.includes(tabId) ? r.tab_ids : [...r.tab_ids, tabId],
    active_tab_id: tabId,
  }));
  return succeeded(`switched to tab ${index} ${titleOf(tab)}`);
}

/**
 * Closes the current tab and moves to its neighbour. The last tab stays open (closing it would end
 * the session), and so does a tab the session adopted from the user: it was never ours to close.
 */
export async function closeTab(
  sessions: SessionService,
  record: SessionRecord,
): Promise<StepOutcome> {
  const tabs = await sessions.tabsInOrder(record);
  const index = tabs.findIndex((t) => t.id === record.active_tab_id);
  if (tabs.length <= 1) {
    return failed(
      "this is the session's only tab, so it stays open; use goto to leave the page, or stop the session",
    );
  }
  if (record.attach === 'active_tab' && record.active_tab_id === record.tab_ids[0]) {
    return failed(
      "this is the user's own tab that the session adopted, so it stays open; switch_tab to another tab, or goto to leave the page",
    );
  }
  const closing = tabs[index];
  const next = tabs[index + 1] ?? tabs[index - 1];
  if (!closing?.id || !next?.id) {
    return failed('the current tab is not among the session tabs any more; observe again');
  }
  const nextId = next.id;
  await sessions.save(record.session_id, (r) => ({
    ...r,
    tab_ids: [
      ...r.tab_ids.filter((id) => id !== closing.id),
      ...(r.tab_ids.includes(nextId) ? [] : [nextId]),
    ],
    active_tab_id: nextId,
  }));
  await browser.tabs.update(nextId, { active: true });
  await browser.tabs.remove(closing.id);
  const nextIndex = tabs.filter((t) => t.id !== closing.id).findIndex((t) => t.id === nextId);
  return succeeded(
    `closed tab ${index} ${titleOf(closing)}; now on tab ${nextIndex} ${titleOf(next)}`,
  );
}
