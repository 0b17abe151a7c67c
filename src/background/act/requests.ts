import browser from 'webextension-polyfill';

/**
 * Request types an action's answer waits for. Left out: the top document (a navigation, which
 * the navigation watch waits for), WebSockets and beacons/pings, which stay open or are never
 * answered to the page, so waiting for them would only ever end at the cap.
 */
const AWAITED_TYPES = new Set<string>([
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'media',
  'other',
]);

interface RequestDetails {
  requestId: string;
  tabId: number;
  type: string;
}

/**
 * The tab's network requests that start while an action runs and settles, as the service worker
 * sees them (chrome.webRequest, observing only): `inFlight()` counts those not answered yet and
 * `whenIdle()` resolves once none is. Requests from before the watch began are not the action's.
 */
export function watchRequests(tabId: number) {
  const pending = new Set<string>();
  let seen = 0;
  let waiters: (() => void)[] = [];
  const wake = () => {
    if (pending.size === 0) {
      const ready = waiters;
      waiters = [];
      ready.forEach((resolve) => resolve());
    }
  };
  const start = (d: RequestDetails) => {
    if (d.tabId === tabId && AWAITED_TYPES.has(d.type)) {
      pending.add(d.requestId);
      seen += 1;
    }
  };
  const end = (d: RequestDetails) => {
    if (pending.delete(d.requestId)) {
      wake();
    }
  };
  const filter = { urls: ['<all_urls>'], tabId };
  browser.webRequest.onBeforeRequest.addListener(start, filter);
  browser.webRequest.onCompleted.addListener(end, filter);
  browser.webRequest.onErrorOccurred.addListener(end, filter);
  return {
    inFlight: () => pending.size,
    /** How many awaited requests the tab started since the watch began. */
    seen: () => seen,
    whenIdle(): Promise<void> {
      return pending.size === 0
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push(resolve));
    },
    stop() {
      browser.webRequest.onBeforeRequest.removeListener(start);
      browser.webRequest.onCompleted.removeListener(end);
      browser.webRequest.onErrorOccurred.removeListener(end);
      pending.clear();
      wake();
    },
  };
}
export type RequestWatch = ReturnType<typeof watchRequests>;
