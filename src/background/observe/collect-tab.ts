import browser from 'webextension-polyfill';
import { TabsightError } from '@shared/schema/errors';
import type { CollectOptions } from '@shared/protocol/runtime';
import { assertNavigable } from '@shared/url-policy';
import { callFrame, injectContentScript } from '../frame-messaging';
import { pageLoadFailedError } from '../load-errors';
import { currentUrlPolicy } from '../url-policy-state';
import type { SkippedFrame } from '@shared/schema/observation';
import type { CollectedFrame } from './merge-frames';
import { LISTENER_PROBE_TIMEOUT_MS, probeFrame } from './probe-frame';

const RESTRICTED_URL =
  /^(chrome|chrome-extension|devtools|edge|about:(?!blank)|view-source:)|^https:\/\/chrome\.google\.com\/webstore|^https:\/\/chromewebstore\.google\.com/;

/** What assertScriptable reads of a tab (browser.tabs.Tab has these). */
interface TabState {
  url?: string;
  status?: string;
  discarded?: boolean;
}

/**
 * Refuses to read or act in a tab whose page the browser keeps from extensions, or that the URL
 * policy keeps from agents (file: without the user's opt-in; an adopted tab may show one), or
 * whose page is gone: its renderer crashed, or Chrome discarded it to save memory. No script
 * answers in such a tab, so asking its frames would only wait out their timeout.
 */
export function assertScriptable(tab: TabState): void {
  const { url } = tab;
  // Chrome marks a tab whose renderer crashed (its "Aw, Snap!" page) `unloaded`, as it marks a
  // discarded one; neither runs scripts until it is loaded again.
  if (tab.status === 'unloaded') {
    throw new TabsightError(
      'page-crashed',
      tab.discarded
        ? `the tab's page was discarded by Chrome to save memory: ${url ?? 'no URL'}`
        : `the tab's page crashed (Chrome shows "Aw, Snap!"): ${url ?? 'no URL'}`,
      'load it again (goto its URL), then observe again',
      true,
    );
  }
  if (url?.startsWith('file:')) {
    assertNavigable(url, currentUrlPolicy());
  }
  if (url && RESTRICTED_URL.test(url)) {
    throw new TabsightError(
      'restricted-url',
      `the browser does not let extensions read ${url}`,
      'navigate the session to a web page (goto) and observe again',
    );
  }
}

/** Frames nested deeper than this are left out (ad stacks nest a few levels, no more). */
const MAX_FRAME_DEPTH = 8;

interface FrameInfo {
  frameId: number;
  parentFrameId: number;
  documentId?: string;
  url: string;
  /** Set when the frame's load failed: it shows an error page (under its own URL). */
  errorOccurred?: boolean;
}

/** How long an observe waits for a tab that is still loading (a session opened a moment ago). */
const LOAD_WAIT_MS = 5_000;
/** Longer for a tab with no document at all (a busy machine commits a new tab's page late). */
const FIRST_DOCUMENT_WAIT_MS = 10_000;
const LOAD_POLL_MS = 50;

// A tab opened a moment ago lists no frames until its first navigation commits, and its
// iframes appear while it loads: wait for the load, but never longer than LOAD_WAIT_MS (a
// page with a hanging resource is observed as it is).
async function framesOf(tabId: number): Promise<FrameInfo[]> {
  const started = Date.now();
  for (;;) {
    const [tab, frames] = await Promise.all([
      browser.tabs.get(tabId),
      browser.webNavigation.getAllFrames({ tabId }),
    ]);
    const list = (frames ?? []) as FrameInfo[];
    const top = list.find((f) => f.frameId === 0);
    // A new window's tab is complete at about:blank before its URL starts to load.
    const loaded = tab.status === 'complete' && !tab.pendingUrl && top?.url === tab.url;
    const waited = Date.now() - started;
    if (loaded || (waited > LOAD_WAIT_MS && (top || waited > FIRST_DOCUMENT_WAIT_MS))) {
      return list;
    }
    await new Promise((resolve) => setTimeout(resolve, LOAD_POLL_MS));
  }
}

/**
 * A frame whose load failed shows Chrome's error page, where no extension script runs; waiting for
 * one would spend the child-frame budget on every observe of a page with a blocked ad frame.
 */
const mayHaveContentScript = (frame: FrameInfo): boolean =>
  !frame.errorOccurred && !frame.url.startsWith('chrome-error:') && !RESTRICTED_URL.test(frame.url);

/**
 * One deadline for every descendant frame of an observation, counted from the moment the top
 * frame answered: an ad with slow nested frames costs this once, not once per level.
 */
export const CHILD_FRAMES_BUDGET_MS = 1_500;
const CONTENT_READY_POLL_MS = 50;

const isUnreachable = (err: unknown): boolean =>
  err instanceof TabsightError && err.code === 'content-unreachable';

interface RetryTiming {
  waitMs: number;
  pollMs: number;
  /** Runs between attempts (the top frame injects the script into an old page there). */
  beforeRetry?: () => Promise<void>;
}

// The content script may register its listener a moment after the document is complete:
// retry while the frame has no receiver.
async function untilReachable<T>(call: () => Promise<T>, timing: RetryTiming): Promise<T> {
  const deadline = Date.now() + timing.waitMs;
  for (;;) {
    try {
      return await call();
    } catch (err) {
      if (!isUnreachable(err) || Date.now() > deadline) {
        throw err;
      }
    }
    await timing.beforeRetry?.();
    await new Promise((resolve) => setTimeout(resolve, timing.pollMs));
  }
}

const skipReason = (err: unknown): SkippedFrame['reason'] => {
  if (err instanceof TabsightError && err.code === 'timeout') {
    return 'timeout';
  }
  return isUnreachable(err) ? 'no-content-script' : 'error';
};

export interface CollectedTab {
  frames: CollectedFrame[];
  /** Child frames whose content is not in the observation, and why. */
  skipped: SkippedFrame[];
}

/** Asks every frame of the tab for its snapshot; child frames that fail are left out. */
export async function collectTab(tabId: number, options: CollectOptions): Promise<CollectedTab> {
  const tab = await browser.tabs.get(tabId);
  assertScriptable(tab);
  const frames = await framesOf(tabId);
  const top = frames.find((f) => f.frameId === 0);
  if (top && !mayHaveContentScript(top) && !RESTRICTED_URL.test(top.url)) {
    throw pageLoadFailedError(tabId, top.url);
  }
  if (!top) {
    throw new TabsightError(
      'tab-not-found',
      'the tab has no document yet',
      'wait, then observe again',
      true,
    );
  }
  const collectOne = async (frame: FrameInfo, timeoutMs?: number): Promise<CollectedFrame> => {
    const target = { tabId, frameId: frame.frameId, documentId: frame.documentId };
    // Listeners only the page's world can see, read right before the frame is perceived.
    const probeMs = Math.min(LISTENER_PROBE_TIMEOUT_MS, (timeoutMs ?? Infinity) / 2);
    const listeners = await probeFrame(target, probeMs);
    return {
      frameId: frame.frameId,
      parentFrameId: frame.parentFrameId,
      documentId: frame.documentId ?? String(frame.frameId),
      snapshot: await callFrame(target, 'content.collect', { ...options, listeners }, timeoutMs),
    };
  };
  const topFrame = await untilContentReady(tabId, () => collectOne(top));
  const deadline = Date.now() + CHILD_FRAMES_BUDGET_MS;
  const skipped: SkippedFrame[] = [];
  const collectChild = async (frame: FrameInfo): Promise<CollectedFrame | null> => {
    try {
      return await untilReachable(() => collectOne(frame, Math.max(1, deadline - Date.now())), {
        waitMs: Math.max(0, deadline - Date.now()),
        pollMs: CONTENT_READY_POLL_MS,
      });
    } catch (err) {
      skipped.push({ url: frame.url, reason: skipReason(err) });
      return null;
    }
  };
  // Level by level: a parent announces its frame elements' tokens while it is collected, so
  // its children have heard them by the time they are asked (src/content/dom/frame-tokens.ts).
  const collected = [topFrame];
  let level = [topFrame];
  for (let depth = 0; level.length > 0; depth++) {
    const parents = new Set(level.map((f) => f.frameId));
    const children = frames.filter((f) => parents.has(f.parentFrameId) && mayHaveContentScript(f));
    if (depth >= MAX_FRAME_DEPTH || Date.now() >= deadline) {
      const reason = depth >= MAX_FRAME_DEPTH ? 'too-deep' : 'timeout';
      skipped.push(...children.map((f) => ({ url: f.url, reason }) as const));
      break;
    }
    const next = await Promise.all(children.map(collectChild));
    level = next.filter((c): c is CollectedFrame => c !== null);
    collected.push(...level);
  }
  return { frames: collected, skipped };
}

/** How long a page that is still starting up may take before its content script answers. */
export const CONTENT_READY_TIMEOUT_MS = 5_000;
const CONTENT_RETRY_MS = 100;

/**
 * Runs `attempt` until the top frame's content script answers. Right after a navigation the
 * script may not have run yet (document_start scripts run once the document exists); a tab whose
 * page predates the extension has none, so once the page is loaded we inject it, once.
 */
function untilContentReady<T>(tabId: number, attempt: () => Promise<T>): Promise<T> {
  let injected = false;
  return untilReachable(attempt, {
    waitMs: CONTENT_READY_TIMEOUT_MS,
    pollMs: CONTENT_RETRY_MS,
    beforeRetry: async () => {
      if (!injected && (await browser.tabs.get(tabId)).status === 'complete') {
        injected = true;
        await injectContentScript(tabId).catch(() => undefined);
      }
    },
  });
}
