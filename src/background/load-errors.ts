import browser from 'webextension-polyfill';
import { TabsightError } from '@shared/schema/errors';

/** The last failed load of each tab's top frame, as Chrome reported it. */
interface LoadFailure {
  url: string;
  error: string;
}

const failures = new Map<number, LoadFailure>();

/**
 * A load the user or the page replaced by another one (a redirect, a new goto) ends with this
 * error; it is not a failure of the page the tab shows.
 */
const SUPERSEDED = 'net::ERR_ABORTED';

/**
 * Remembers why each tab's page failed to load (webNavigation.onErrorOccurred carries the net
 * error, e.g. `net::ERR_NAME_NOT_RESOLVED`; getAllFrames only says `errorOccurred`). Registered
 * at the worker's top level; a worker started after the failure has no record, and the error
 * then says that the load failed without the net error.
 */
export function watchLoadErrors(): void {
  browser.webNavigation.onErrorOccurred.addListener((details) => {
    // Chrome sends `error` (the net error's name); webextension-polyfill's types leave it out.
    // https://developer.chrome.com/docs/extensions/reference/api/webNavigation#event-onErrorOccurred
    const { error } = details as { error?: string };
    if (details.frameId === 0 && error && error !== SUPERSEDED) {
      failures.set(details.tabId, { url: details.url, error });
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => failures.delete(tabId));
}

/** The answer to an observe of a tab whose top frame shows Chrome's error page. */
export function pageLoadFailedError(tabId: number, frameUrl: string): TabsightError {
  // Only a failure of the URL the frame shows explains it (the tab may have loaded others since).
  const recorded = failures.get(tabId);
  const failure = recorded?.url === frameUrl ? recorded : undefined;
  const url = frameUrl;
  const what = failure ? `${failure.error} at ${url}` : `Chrome shows its error page for ${url}`;
  return new TabsightError(
    'page-load-failed',
    `the page failed to load: ${what}`,
    'check the URL and that the site is reachable from this browser, then goto it again',
    true,
  );
}
