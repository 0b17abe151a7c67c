import { describe, expect, it, vi } from 'vitest';
import { assertTimeToStart, contextOf, DEFAULT_CALL_MS, REPLY_MARGIN_MS } from './deadline';
import { loadWaitWithin, NAVIGATION_TIMEOUT_MS } from '../navigation';

vi.mock('webextension-polyfill', () => ({ default: {} }));

describe('call deadlines', () => {
  it("is the bridge's wait less the reply margin, or the default for an older bridge", () => {
    expect(contextOf(4_000, 1_000).deadline).toBe(1_000 + 4_000 - REPLY_MARGIN_MS);
    expect(contextOf(undefined, 0).deadline).toBe(DEFAULT_CALL_MS - REPLY_MARGIN_MS);
  });

  it('refuses to start an action with under a second left, saying why and what to do', () => {
    expect(() => assertTimeToStart(10_500, 'the click action', 10_000)).toThrow(
      /the click action was not started: only 500 ms were left/,
    );
    expect(() => assertTimeToStart(12_000, 'the click action', 10_000)).not.toThrow();
  });

  it('bounds a page load by what is left, keeping the reserve, never past the usual timeout', () => {
    expect(loadWaitWithin(10_000, 2_000, 0)).toBe(8_000);
    expect(loadWaitWithin(Infinity, 2_000, 0)).toBe(NAVIGATION_TIMEOUT_MS);
    expect(loadWaitWithin(1_000, 2_000, 0)).toBe(500);
  });
});
