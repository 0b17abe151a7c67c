import browser from 'webextension-polyfill';
import { TabsightError } from '@shared/schema/errors';
import { waitForComplete } from './navigation';

/** How long the retry after a navigation waits for the new page to load. */
export const RETRY_LOAD_TIMEOUT_MS = 5_000;

const tabExists = (tabId: number): Promise<boolean> =>
  browser.tabs.get(tabId).then(
    () => true,
    () => false,
  );

/** Whether a document is still loaded in its tab (getFrame takes a documentId since Chrome 106). */
const documentExists = (tabId: number, documentId: string): Promise<boolean> =>
  browser.webNavigation.getFrame({ tabId, documentId }).then(
    (frame) => frame !== null && frame !== undefined,
    () => false,
  );

export const tabClosedError = (): TabsightError =>
  new TabsightError(
    'tab-not-found',
    'the tab was closed while Tabsight was reading it',
    'observe again: the session carries on in its remaining tab, or start a new session if it has none',
  );

/** Retryable, unlike a closed tab: the tab is there, with another page in it. */
export const pageNavigatedError = (): TabsightError =>
  new TabsightError(
    'tab-not-found',
    'the page navigated away while Tabsight was reading it',
    'observe again to see the new page',
    true,
  );

/**
 * Chrome's words when the document a message went to is gone: closed, replaced by a navigation,
 * or put in the back/forward cache. A message to a navigated-away documentId fails like one to a
 * page without a content script ("Receiving end does not exist"), hence the documentId check.
 * https://developer.chrome.com/docs/extensions/develop/concepts/messaging
 */
const DOCUMENT_GONE =
  /message port closed|back\/forward cache|message channel (is|was) closed|No tab with id|No frame with id|Frame with ID \d+ was removed|Invalid document ?id/i;
const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;

/** A closed tab or a replaced document as an error the agent can act on; null otherwise. */
export async function pageGoneError(
  target: { tabId: number; documentId?: string },
  err: unknown,
): Promise<TabsightError | null> {
  if (!(err instanceof Error) || err instanceof TabsightError) {
    return null;
  }
  const gone =
    DOCUMENT_GONE.test(err.message) ||
    (NO_RECEIVER.test(err.message) &&
      target.documentId !== undefined &&
      !(await documentExists(target.tabId, target.documentId)));
  if (!gone) {
    return null;
  }
  return (await tabExists(target.tabId)) ? pageNavigatedError() : tabClosedError();
}

/**
 * Reads a tab once more if the first attempt failed because its page went away (a navigation
 * during observe): the second attempt sees the new page. Anything else that fails in a tab that
 * no longer exists becomes `tab-not-found`; a hung page is not retried (its timeout already ran).
 */
export async function retryOnceIfPageGone<T>(tabId: number, attempt: () => Promise<T>): Promise<T> {
  const explain = async (err: unknown) =>
    err instanceof TabsightError || (await tabExists(tabId)) ? err : tabClosedError();
  try {
    return await attempt();
  } catch (first) {
    const navigated =
      first instanceof TabsightError && first.code === 'tab-not-found' && first.retryable;
    if (!navigated || !(await tabExists(tabId))) {
      throw await explain(first);
    }
    await waitForComplete(tabId, RETRY_LOAD_TIMEOUT_MS).catch(() => undefined);
    try {
      return await attempt();
    } catch (second) {
      throw await explain(second);
    }
  }
}
