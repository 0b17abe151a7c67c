import type { BrowserContext, Page, Worker } from '@playwright/test';

export interface ExtensionHandle {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

export interface ToolbarPopup {
  /**
   * Runs `fn(popupDocument, arg)` in the open popup and answers its result. `fn` is sent as
   * source, so it must use nothing from the test's scope; `arg` must be JSON.
   */
  run<R, A = null>(fn: (doc: Document, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Closes the popup, as a click elsewhere does (its port disconnects). */
  close(): Promise<void>;
}

export const popupPageUrl = (extensionId: string): string =>
  `chrome-extension://${extensionId}/src/popup/index.html`;

/**
 * Opens the real toolbar popup over `page`, as a click on the toolbar button does
 * (`chrome.action.openPopup` for the page's window). The popup only ever shows the tab in front
 * of its window and the worker answers no popup page loaded in a tab, so tests cannot use the
 * popup page in a tab. Playwright does not attach to extension popups
 * (https://github.com/microsoft/playwright/issues/5593): the popup's document is reached from
 * another page of the extension through `chrome.extension.getViews({type: 'popup'})`, and
 * events are dispatched to its elements there (no real pointer, no screenshots of the popup).
 */
export async function openToolbarPopup(ext: ExtensionHandle, page: Page): Promise<ToolbarPopup> {
  // Opened first, so that `page` is the tab in front when the popup opens.
  const driver = await ext.context.newPage();
  await driver.goto(popupPageUrl(ext.extensionId));
  await page.bringToFront();
  const windowId = await ext.worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({ active: true });
    return tabs.find((t) => (t.url ?? t.pendingUrl) === url)?.windowId ?? -1;
  }, page.url());
  if (windowId < 0) {
    throw new Error(`no window shows ${page.url()} in front`);
  }
  await ext.worker.evaluate((id) => chrome.action.openPopup({ windowId: id }), windowId);
  const views = 'chrome.extension.getViews({ type: "popup" })';
  for (let waited = 0; (await driver.evaluate(`${views}.length`)) !== 1; waited += 50) {
    if (waited > 5_000) {
      throw new Error('the toolbar popup did not open');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // An expression, not a function: the driver page's CSP forbids eval, which the DevTools
  // protocol's evaluation is not subject to.
  const run = <R, A>(fn: (doc: Document, arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
    driver.evaluate<R>(`(${fn.toString()})(${views}[0].document, ${JSON.stringify(arg ?? null)})`);
  return {
    run,
    close: async () => {
      await driver.evaluate(`${views}[0]?.close()`);
      await driver.close();
    },
  };
}
