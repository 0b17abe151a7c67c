import browser from 'webextension-polyfill';
import { callFrame, type FrameTarget } from '../frame-messaging';
import type { RequestWatch } from './requests';

/**
 * The DOM counts as settled after this long without a mutation; the window grows by as much with
 * each batch of mutations while they continue…
 */
export const DOM_QUIET_MS = 30;
/** …up to this window (what every action used to wait)… */
export const DOM_QUIET_MAX_MS = 300;
/**
 * The quiet window once the action's requests have finished: the page still has to read the
 * response and render it, which on a loaded machine can take longer than DOM_QUIET_MS after the
 * browser saw the request end.
 */
export const AFTER_NETWORK_QUIET_MS = 120;
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

/** Why an action's answer came when it did (reported in the effect report). */
export type SettleReason =
  | 'nothing-to-wait'
  | 'dom-quiet'
  | 'network-idle'
  | 'navigation-loaded'
  | 'navigation-slow'
  | 'frame-gone'
  | 'cap';

export interface Settled {
  reason: SettleReason;
  /** A note for the agent when the page did not settle in time, or null. */
  note: string | null;
  waited_ms: number;
  /** Network requests the tab started while the action ran and settled. */
  requests: number;
}

type QuietOutcome = 'quiet' | 'busy' | 'gone';

function quietDom(frame: FrameTarget, maxMs: number, quietMs: number): Promise<QuietOutcome> {
  return callFrame(frame, 'content.settle', {
    quiet_ms: quietMs,
    max_quiet_ms: DOM_QUIET_MAX_MS,
    max_ms: Math.max(0, Math.round(maxMs)),
  }).then(
    (r) => (r.quiet ? 'quiet' : 'busy'),
    // The frame went away mid-wait: most likely it is navigating.
    () => 'gone' as const,
  );
}

async function navigationSettled(
  watch: NavigationWatch,
  deadline: number,
): Promise<Pick<Settled, 'reason' | 'note'>> {
  // Within the call's deadline: the answer must reach the agent before the bridge gives up.
  const capMs = Math.min(NAVIGATION_SETTLE_CAP_MS, Math.max(0, deadline - Date.now()));
  const loaded = await Promise.race([watch.whenFinished.then(() => 'loaded'), sleep(capMs)]);
  return loaded === 'loaded'
    ? { reason: 'navigation-loaded', note: null }
    : {
        reason: 'navigation-slow',
        note: `the new page was still loading after ${(capMs / 1000).toFixed(1)} s; observe again`,
      };
}

/**
 * Waits until the page has settled after an action, and no longer: a navigation it started has
 * loaded; or else no request the action caused is still in flight and the acted-on frame's DOM
 * has been quiet for a short window (growing while mutations continue), all within the cap.
 */
export async function settle(
  watch: NavigationWatch,
  requests: RequestWatch,
  frame: FrameTarget | null,
  deadline = Infinity,
): Promise<Settled> {
  const started = performance.now();
  const done = (reason: SettleReason, note: string | null = null): Settled => ({
    reason,
    note,
    waited_ms: Math.round(performance.now() - started),
    requests: requests.seen(),
  });
  if (!frame) {
    if (!watch.started()) {
      return done('nothing-to-wait');
    }
    const loaded = await navigationSettled(watch, deadline);
    return done(loaded.reason, loaded.note);
  }
  const navigation = watch.whenStarted.then(() => 'navigation' as const);
  let waitedForNetwork = false;
  for (;;) {
    const left = DOM_SETTLE_CAP_MS - (performance.now() - started);
    const quietMs = waitedForNetwork ? AFTER_NETWORK_QUIET_MS : DOM_QUIET_MS;
    const first = await Promise.race([quietDom(frame, left, quietMs), navigation]);
    if (first === 'navigation' || watch.started()) {
      const loaded = await navigationSettled(watch, deadline);
      return done(loaded.reason, loaded.note);
    }
    if (first === 'gone') {
      // Give a navigation that has not been reported yet a moment to show up.
      const late = await Promise.race([navigation, sleep(250)]);
      if (late === 'timeout') {
        return done('frame-gone');
      }
      const loaded = await navigationSettled(watch, deadline);
      return done(loaded.reason, loaded.note);
    }
    if (first === 'busy') {
      return done('cap');
    }
    if (requests.inFlight() === 0) {
      return done(waitedForNetwork ? 'network-idle' : 'dom-quiet');
    }
    waitedForNetwork = true;
    const remaining = DOM_SETTLE_CAP_MS - (performance.now() - started);
    const idle = await Promise.race([
      requests.whenIdle().then(() => 'idle' as const),
      navigation,
      sleep(remaining),
    ]);
    if (idle === 'timeout') {
      return done('cap');
    }
    // 'idle' or a navigation: go round, so the response's DOM work (or the load) is waited for.
  }
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
