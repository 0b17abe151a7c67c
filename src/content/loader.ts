/**
 * The content script declared for every frame (src/content/README.md). It is kept small because
 * it runs in every frame of every page the user opens, observed or not: it names this frame to
 * its parent from `document_start` (frame-tokens.ts), and hands the service worker's requests to
 * the engine, which the worker injects into this frame the first time it asks it anything.
 * `chrome.*` directly, not webextension-polyfill, for the same reason.
 */
import { ENGINE_MISSING } from '@shared/protocol/engine';
import { listenForFrameTokens } from './dom/frame-tokens';
import { engineDispatch } from './engine-slot';

// Early, so that the claims of child frames that start while this document loads are filed.
listenForFrameTokens();

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  // Only our own service worker talks to content scripts; a page cannot reach this listener,
  // but another extension could try.
  if (sender.id !== chrome.runtime.id) {
    return false;
  }
  const dispatch = engineDispatch();
  if (!dispatch) {
    sendResponse(ENGINE_MISSING);
    return false;
  }
  void dispatch(message).then(sendResponse);
  return true; // the answer comes asynchronously
});
