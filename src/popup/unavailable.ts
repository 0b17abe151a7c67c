import type { ErrorInfo } from '@shared/schema/errors';

export interface Unavailable {
  title: string;
  body: string;
}

const PDF = /\.pdf(?:[?#]|$)/i;
const STORE = /^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore)/;
const BROWSER_PAGE = /^(chrome|edge|about|devtools|view-source|chrome-untrusted):/;

/**
 * Why no observation exists for a tab, in words for a person: pages where the browser lets no
 * content script run, pages whose script has not loaded yet, and pages that failed to load. Null
 * for other errors.
 */
export function explainUnavailable(url: string, error: ErrorInfo): Unavailable | null {
  if (error.code === 'page-load-failed') {
    // The message names the net error and the URL (e.g. net::ERR_NAME_NOT_RESOLVED at …).
    return {
      title: 'The page did not load',
      body: `The browser shows its error page: ${error.message.replace(/^the page failed to load: /, '')}. Check the address and the connection, then reload the tab.`,
    };
  }
  if (error.code === 'page-crashed') {
    return {
      title: 'The page is not running',
      body: "Chrome stopped this tab's page (it crashed, or was discarded to save memory). Reload the tab to see what an agent sees.",
    };
  }
  if (error.code !== 'restricted-url' && error.code !== 'content-unreachable') {
    return null;
  }
  if (STORE.test(url)) {
    return {
      title: 'The Web Store is off limits',
      body: 'Chrome lets no extension read or change Chrome Web Store pages, so agents cannot observe this tab.',
    };
  }
  if (BROWSER_PAGE.test(url)) {
    return {
      title: 'Browser pages cannot be observed',
      body: `Chrome lets no extension run on its own pages (${url.split(/[?#]/)[0]}). Open a web page in this tab to see what an agent sees.`,
    };
  }
  if (url.startsWith('chrome-extension:')) {
    return {
      title: 'Extension pages cannot be observed',
      body: 'Pages of an extension are private to it. Open a web page in this tab.',
    };
  }
  if (PDF.test(url) || error.code === 'restricted-url') {
    return {
      title: PDF.test(url) ? 'PDFs cannot be observed' : 'This page cannot be observed',
      body: 'The browser shows this document in a built-in viewer where no extension can run.',
    };
  }
  return {
    title: 'Tabsight is not running in this tab',
    body: 'The page may still be loading, or the browser blocked the content script here. Reload the page, then reopen this popup.',
  };
}
