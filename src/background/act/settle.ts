import browser from 'webextension-polyfill';
import { callFrame, type FrameTarget } from '../frame-messaging';

/** The DOM counts as settled after this long without a mutation… */
export const DOM_QUIET_MS = 300;
/** …or after this long in any case (animations, tickers and live feeds never go quiet). */
export const DOM_SETTLE_CAP_MS = 3_000;
/** A navigation an action started must load within this, or we answer anyway (under the bridge's 15 s). */
export const NAVIGATION_SETTLE_CAP_MS = 10_000;

interface NavigationDetails {
  tabId: number;
  frameId: number;
}

/**
 * Watches a tab's top frame for a navigation from before an action runs until it has settled, so
 * a link click, a form submit or history.back is waited for even when it starts a little late.
 */
export function watchNavigation(tabId: number) {
  let started = false;
  let finished = false;
  let onStart!: () => void;
  let onFinish!: () => void;
  const whenStarted = new Promise<void>((resolve) => (onStart = resolve));
  const whenFinished = new Promise<void>((resolve) => (onFinish = resolve));
  const isTop = (d: NavigationDetails) => d.tabId === tabId && d.frameId === 0;
  const begin = (d: NavigationDetails) => {
    if (isTop(d)) {
      started = true;
      finished = false;
      onStart();
    }
  };
  const end = (d: NavigationDetails) => {
    if (isTop(d) && started) {
      finished = true;
      onFinish();
    }
  };
  browser.webNavigation.onBeforeNavigate.addListener(begin);
  browser.webNavigation.onCommitted.addListener(begin);
  browser.webNavigation.onCompleted.addListener(end);
  browser.webNavigation.onErrorOccurred.addListener(end);
  return {
    started: () => started,
    finished: () => finished,
    whenStarted,
    whenFinished,
    stop() {
      browser.webNavigation.onBeforeNavigate.removeListener(begin);
      browser.webNavigation.onCommitted.removeListener(begin);
      browser.webNavigation.onCompleted.removeListener(end);
      browser.webNavigation.onErrorOccurred.removeListener(end);
    },
  };
}
export type NavigationWatch = ReturnType<typeof watchNavigation>;

const sleep = (ms: number) => new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms));

/**
 * Waits until the page has settled after an action: a navigation it started has loaded, or else
 * the acted-on frame's DOM has been quiet for a moment. Returns a note for the agent when the page
 * did not settle in time, or null.
 */
export async function settle(
  watch: NavigationWatch,
  frame: FrameTarget | null,
): Promise<string | null> {
  const quiet: Promise<'quiet' | 'gone'> = frame
    ? callFrame(frame, 'content.settle', {
        quiet_ms: DOM_QUIET_MS,
        max_ms: DOM_SETTLE_CAP_MS,
      }).then(
        () => 'quiet' as const,
        // The frame went away mid-wait: most likely it is navigating.
        () => 'gone' as const,
      )
    : Promise.resolve('quiet' as const);
  const first = await Promise.race([quiet, watch.whenStarted.then(() => 'navigation' as const)]);
  if (first === 'quiet' && !watch.started()) {
    return null;
  }
  if (first === 'gone' && !watch.started()) {
    // Give a navigation that has not been reported yet a moment to show up.
    const late = await Promise.race([watch.whenStarted.then(() => 'navigation'), sleep(250)]);
    if (late === 'timeout') {
      return null;
    }
  }
  const loaded = await Promise.race([
    watch.whenFinished.then(() => 'loaded'),
    sleep(NAVIGATION_SETTLE_CAP_MS),
  ]);
  return loaded === 'loaded'
    ? null
    : `the new page was still loading after ${NAVIGATION_SETTLE_CAP_MS / 1000} s; observe again`;
}

/** Resolves once the tab reports `complete` (checked after subscribing, so no event is missed). */
export function whenTabComplete(
  tabId: number,
  timeoutMs = NAVIGATION_SETTLE_CAP_MS,
): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      resolve(value);
    };
    const onUpdated = (id: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
      if (id === tabId && change.status === 'complete') {
        done(true);
      }
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.get(tabId).then(
      (tab) => {
        if (tab.status === 'complete' && tab.url !== 'about:blank') {
          done(true);
        }
      },
      () => done(false),
    );
  });
}
