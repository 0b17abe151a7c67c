import browser from 'webextension-polyfill';
import { TabsightError } from '@shared/schema/errors';
import type { ParamsInputOf, ResultOf } from '@shared/protocol/method';
import { ContentMethods, RuntimeReply } from '@shared/protocol/runtime';
import { ENGINE_FILE, isEngineMissing } from '@shared/protocol/engine';
import { pageGoneError } from './page-gone';

export const FRAME_REPLY_TIMEOUT_MS = 10_000;

export interface FrameTarget {
  tabId: number;
  frameId: number;
  documentId?: string;
}

const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;

/** Calls a content-script method in one frame; its reply is parsed with the method's schema. */
export async function callFrame<K extends keyof ContentMethods>(
  target: FrameTarget,
  method: K,
  params: ParamsInputOf<ContentMethods, K>,
  timeoutMs = FRAME_REPLY_TIMEOUT_MS,
): Promise<ResultOf<ContentMethods, K>> {
  const options = target.documentId
    ? { documentId: target.documentId }
    : { frameId: target.frameId };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new TabsightError(
            'timeout',
            `the page did not answer ${method} within ${timeoutMs} ms`,
            'the page may be busy or hung; wait, then observe again',
            true,
          ),
        ),
      timeoutMs,
    );
  });
  const ask = (): Promise<unknown> =>
    Promise.race([browser.tabs.sendMessage(target.tabId, { method, params }, options), timeout]);
  try {
    let raw = await ask();
    if (isEngineMissing(raw)) {
      await Promise.race([injectEngine(target), timeout]);
      raw = await ask();
    }
    const reply = RuntimeReply.parse(raw);
    if (!reply.ok) {
      throw TabsightError.from(reply.error);
    }
    return ContentMethods[method].result.parse(reply.result) as ResultOf<ContentMethods, K>;
  } catch (err) {
    const gone = await pageGoneError(target, err);
    if (gone) {
      throw gone;
    }
    if (err instanceof Error && NO_RECEIVER.test(err.message)) {
      throw new TabsightError(
        'content-unreachable',
        'the page has no Tabsight content script',
        'reload the page, or wait until it has loaded',
        true,
      );
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

const injecting = new Map<string, Promise<unknown>>();

/**
 * Injects the engine into one frame whose loader answered that it has none (src/content/README.md):
 * the first request to each document pays for it, pages nobody observes never do. Callers that
 * ask the same frame at once share one injection.
 */
function injectEngine(target: FrameTarget): Promise<unknown> {
  const key = `${target.tabId}:${target.documentId ?? target.frameId}`;
  let pending = injecting.get(key);
  if (!pending) {
    // `chrome.scripting`, not the polyfill's `browser.scripting`: only Chrome's types know
    // `documentIds`, which pins the injection to the document that answered, not to whatever
    // document the frame shows by now.
    pending = chrome.scripting
      .executeScript({
        target: target.documentId
          ? { tabId: target.tabId, documentIds: [target.documentId] }
          : { tabId: target.tabId, frameIds: [target.frameId] },
        files: [ENGINE_FILE],
      })
      .finally(() => injecting.delete(key));
    injecting.set(key, pending);
  }
  return pending;
}

/** Injects the declared content script into a tab whose pages predate the extension. */
export async function injectContentScript(tabId: number): Promise<void> {
  const files = browser.runtime.getManifest().content_scripts?.[0]?.js ?? [];
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files });
}
