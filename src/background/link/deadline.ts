import { TabsightError } from '@shared/schema/errors';

/**
 * Each request from the bridge says how long the bridge waits for its answer (`deadline_ms` on
 * the frame). The worker turns that into a moment, and its waits (a page load, the settle after
 * an action) end before it, so the agent gets an answer that says what happened rather than the
 * bridge's 504 while the worker still works for nobody.
 */
export interface CallContext {
  /** `Date.now()` value after which nobody waits for this call's answer. */
  deadline: number;
}

/** Kept back from the bridge's wait: the answer still has to be built and sent. */
export const REPLY_MARGIN_MS = 500;
/** Used when a frame carries no deadline (a bridge older than protocol 2). */
export const DEFAULT_CALL_MS = 15_000;

export const contextOf = (deadlineMs: number | undefined, now = Date.now()): CallContext => ({
  deadline: now + Math.max(0, (deadlineMs ?? DEFAULT_CALL_MS) - REPLY_MARGIN_MS),
});

export const timeLeft = (deadline: number, now = Date.now()): number => Math.max(0, deadline - now);

/** No time for the call: an action is not started at all (nothing happens, no step is counted). */
export const MIN_TIME_TO_START_MS = 1_000;

export function assertTimeToStart(deadline: number, what: string, now = Date.now()): void {
  const left = timeLeft(deadline, now);
  if (left < MIN_TIME_TO_START_MS) {
    throw new TabsightError(
      'timeout',
      `${what} was not started: only ${left} ms were left of the bridge's wait for this call`,
      'send it again (with a longer TABSIGHT_OBSERVE_TIMEOUT_MS if this keeps happening)',
      true,
    );
  }
}
