import browser from 'webextension-polyfill';
import { TabsightError } from '@shared/schema/errors';
import type { CollectOptions } from '@shared/protocol/runtime';
import { callFrame, injectContentScript } from '../frame-messaging';
import type { CollectedFrame } from './merge-frames';

const RESTRICTED_URL =
  /^(chrome|chrome-extension|devtools|edge|about:(?!blank)|view-source:)|^https:\/\/chrome\.google\.com\/webstore|^https:\/\/chromewebstore\.google\.com/;

export function assertScriptable(url: string | undefined): void {
  if (url && RESTRICTED_URL.test(url)) {
    throw new TabsightError(
      'restricted-url',
      `the browser does not let extensions read ${url}`,
      'navigate the session to a web page (goto) and observe again',
    );
  }
}

interface FrameInfo {
  frameId: number;
  parentFrameId: number;
  documentId?: string;
  url: string;
}

/** Asks every frame of the tab for its snapshot; child frames that fail are left out. */
export async function collectTab(
  tabId: number,
  options: CollectOptions,
): Promise<CollectedFrame[]> {
  const tab = await browser.tabs.get(tabId);
  assertScriptable(tab.url);
  const frames = ((await browser.webNavigation.getAllFrames({ tabId })) ?? []) as FrameInfo[];
  const top = frames.find((f) => f.frameId === 0);
  if (!top) {
    throw new TabsightError(
      'tab-not-found',
      'the tab has no document yet',
      'wait, then observe again',
      true,
    );
  }
  const collectOne = async (frame: FrameInfo): Promise<CollectedFrame> => ({
    frameId: frame.frameId,
    parentFrameId: frame.parentFrameId,
    documentId: frame.documentId ?? String(frame.frameId),
    snapshot: await callFrame(
      { tabId, frameId: frame.frameId, documentId: frame.documentId },
      'content.collect',
      options,
    ),
  });
  const topFrame = await untilContentReady(tabId, () => collectOne(top));
  const children = await Promise.all(
    frames.filter((f) => f.frameId !== 0).map((f) => collectOne(f).catch(() => null)),
  );
  return [topFrame, ...children.filter((c): c is CollectedFrame => c !== null)];
}

/** How long a page that is still starting up may take before its content script answers. */
export const CONTENT_READY_TIMEOUT_MS = 5_000;
const CONTENT_RETRY_MS = 100;

/**
 * Runs `attempt` until the frame's content script answers. Right after a navigation the script
 * may still be loading (it is imported asynchronously); a tab whose page predates the extension
 * has none, so once the page is loaded we inject it, once.
 */
async function untilContentReady<T>(tabId: number, attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + CONTENT_READY_TIMEOUT_MS;
  let injected = false;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      const unreachable = err instanceof TabsightError && err.code === 'content-unreachable';
      if (!unreachable || Date.now() > deadline) {
        throw err;
      }
    }
    if (!injected && (await browser.tabs.get(tabId)).status === 'complete') {
      injected = true;
      await injectContentScript(tabId).catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, CONTENT_RETRY_MS));
  }
}
