import type { Observation } from '@shared/schema/observation';
import type { PageStart } from './budget';

/**
 * The captures a `max_tokens` answer cut, kept so `cursor` can page through the rest without
 * reading the page again. Memory only, on purpose: a capture of a big page is megabytes, and a
 * cursor is worth little once the page has moved on. So a cursor is gone when the service worker
 * is stopped (or the browser restarts), after the session's last few captures, and when the
 * session is released; an observe with a gone cursor is told to observe again.
 */
export type CaptureAnswer = Omit<Observation, 'progress' | 'session' | 'observation_id' | 'budget'>;

export interface Capture {
  observationId: string;
  /** `metadata.timestamp` of the capture: later parts say how old they are. */
  takenAt: string;
  /** The max_tokens the capture was asked with: a later part's default. */
  maxTokens: number;
  /** The whole answer as it was before the budget cut it. */
  answer: CaptureAnswer;
}

export interface CursorPosition {
  capture: Capture;
  start: PageStart;
  /** The part the cursor answers (2 for the first answer's cursor). */
  part: number;
}

/** Like `since`: the session's last few captures are kept, older ones let go. */
const CAPTURES_PER_SESSION = 3;

interface KeptCapture {
  capture: Capture;
  cursors: Map<string, { start: PageStart; part: number }>;
}

const kept = new Map<string, KeptCapture[]>();

/** Keeps a capture whose first page was cut; `cursor` names the rest after `start`. */
export function keepCapture(
  sessionId: string,
  capture: Capture,
  cursor: string,
  start: PageStart,
): void {
  const entry: KeptCapture = { capture, cursors: new Map([[cursor, { start, part: 2 }]]) };
  kept.set(sessionId, [...(kept.get(sessionId) ?? []), entry].slice(-CAPTURES_PER_SESSION));
}

/** A further cursor of a kept capture: the rest after a later part. */
export function keepCursor(
  sessionId: string,
  capture: Capture,
  cursor: string,
  start: PageStart,
  part: number,
): void {
  kept
    .get(sessionId)
    ?.find((k) => k.capture === capture)
    ?.cursors.set(cursor, { start, part });
}

export function findCursor(sessionId: string, cursor: string): CursorPosition | undefined {
  for (const k of kept.get(sessionId) ?? []) {
    const position = k.cursors.get(cursor);
    if (position) {
      return { capture: k.capture, ...position };
    }
  }
  return undefined;
}

export function forgetCursors(sessionId: string): void {
  kept.delete(sessionId);
}
