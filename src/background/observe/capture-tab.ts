import browser from 'webextension-polyfill';
import { TabsightError } from '@shared/schema/errors';
import type { SessionRecord } from '../sessions/session-record';

const LOG = '[tabsight:bg]';

/**
 * The browser captures a window, not a tab (`tabs.captureVisibleTab` shows whatever tab is in
 * front), so a screenshot is only taken while the session's tab is the one in front of its
 * window, checked before and after the capture and with any tab switch in that window during it
 * discarding the image. Rule (docs/SPEC.md section 2):
 * - the tab is in front: it is captured;
 * - it is behind another tab of the session's own window (a page opened a tab, the agent's
 *   window): it is brought to the front first, as `switch_tab` would, which shows nothing of
 *   the user's;
 * - it is behind another tab of a window the user shares (an adopted tab, or one moved to another
 *   window): Tabsight never takes the user's view away on its own; the answer is a
 *   `tab-not-visible` error that says how to bring it forward.
 */
export async function captureSessionTab(
  record: Pick<SessionRecord, 'attach' | 'window_id'>,
  tabId: number,
): Promise<string> {
  const tab = await browser.tabs.get(tabId);
  const windowId = tab.windowId!;
  if (!tab.active) {
    const ownWindow = record.attach === 'new_window' && windowId === record.window_id;
    if (!ownWindow) {
      throw notVisible();
    }
    console.info(LOG, `tab ${tabId} brought to the front of the session's window to capture it`);
    await browser.tabs.update(tabId, { active: true });
  }
  let switched = false;
  const onActivated = (info: browser.Tabs.OnActivatedActiveInfoType) => {
    if (info.windowId === windowId && info.tabId !== tabId) {
      switched = true;
    }
  };
  browser.tabs.onActivated.addListener(onActivated);
  try {
    if (!(await inFront(tabId, windowId))) {
      throw notVisible();
    }
    const dataUrl = await captureWithinQuota(windowId);
    if (switched || !(await inFront(tabId, windowId))) {
      throw notVisible();
    }
    return dataUrl.slice(dataUrl.indexOf(',') + 1);
  } finally {
    browser.tabs.onActivated.removeListener(onActivated);
  }
}

/**
 * Chrome allows two captures per second per extension
 * (https://developer.chrome.com/docs/extensions/reference/api/tabs#property-MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND);
 * a quick observe-then-screenshot waits for the quota instead of failing.
 */
const CAPTURE_QUOTA_WAIT_MS = 550;
const CAPTURE_ATTEMPTS = 3;

async function captureWithinQuota(windowId: number): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await browser.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality: 80 });
    } catch (err) {
      const overQuota =
        err instanceof Error && /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(err.message);
      if (!overQuota || attempt >= CAPTURE_ATTEMPTS) {
        throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, CAPTURE_QUOTA_WAIT_MS));
    }
  }
}

async function inFront(tabId: number, windowId: number): Promise<boolean> {
  const tab = await browser.tabs.get(tabId);
  return tab.active && tab.windowId === windowId;
}

const notVisible = () =>
  new TabsightError(
    'tab-not-visible',
    "the session's tab is not the one shown in its window (another tab, maybe the user's, is in front), so no screenshot was taken: the browser can only capture the tab in front",
    "bring the session's tab to the front with switch_tab (its tab_index in metadata.tabs), or ask the user to switch to it, then ask for the screenshot again",
  );
