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
  let topFrame: CollectedFrame;
  try {
    topFrame = await collectOne(top);
  } catch (err) {
    if (!(err instanceof TabsightError) || err.code !== 'content-unreachable') {
      throw err;
    }
    await injectContentScript(tabId);
    topFrame = await collectOne(top);
  }
  const children = await Promise.all(
    frames.filter((f) => f.frameId !== 0).map((f) => collectOne(f).catch(() => null)),
  );
  return [topFrame, ...children.filter((c): c is CollectedFrame => c !== null)];
}
