import browser from 'webextension-polyfill';
import { TabsightError } from '@shared/schema/errors';
import { assertNavigable } from '@shared/url-policy';
import { currentUrlPolicy } from './url-policy-state';

export const NAVIGATION_TIMEOUT_MS = 30_000;

/** Resolves once the tab's top frame has finished loading (or rejects after the timeout). */
export function waitForLoad(tabId: number, timeoutMs = NAVIGATION_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (fn: () => void) => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      fn();
    };
    const onUpdated = (id: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
      if (id === tabId && change.status === 'complete') {
        done(resolve);
      }
    };
    const timer = setTimeout(
      () =>
        done(() =>
          reject(
            new TabsightError(
              'timeout',
              `the page did not finish loading within ${timeoutMs} ms`,
              'observe again: the page may still be usable',
              true,
            ),
          ),
        ),
      timeoutMs,
    );
    browser.tabs.onUpdated.addListener(onUpdated);
  });
}

/** Resolves once the tab is loaded, at once when it already is. */
export async function waitForComplete(
  tabId: number,
  timeoutMs = NAVIGATION_TIMEOUT_MS,
): Promise<void> {
  const loaded = waitForLoad(tabId, timeoutMs);
  const tab = await browser.tabs.get(tabId);
  if (tab.status === 'complete') {
    loaded.catch(() => undefined);
    return;
  }
  await loaded;
}

/**
 * How long a navigation may wait for its load within a call's deadline, keeping `reserveMs` for
 * the work after it (collecting the page, settling).
 */
export const loadWaitWithin = (deadline: number, reserveMs: number, now = Date.now()): number =>
  Math.min(NAVIGATION_TIMEOUT_MS, Math.max(deadline - now - reserveMs, 500));

/** Every navigation an agent asks for passes here first: the URL policy refuses local pages. */
export function assertAgentNavigable(url: string): void {
  assertNavigable(url, currentUrlPolicy());
}

export async function navigate(
  tabId: number,
  url: string,
  timeoutMs = NAVIGATION_TIMEOUT_MS,
): Promise<void> {
  assertAgentNavigable(url);
  const loaded = waitForLoad(tabId, timeoutMs);
  await browser.tabs.update(tabId, { url });
  await loaded;
}
