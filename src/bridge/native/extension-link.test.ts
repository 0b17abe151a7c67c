// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TabsightError } from '@shared/schema/errors';
import {
  OBSERVE_TIMEOUT_MS,
  createExtensionLink,
  type ExtensionLink,
  type HostFrame,
} from './extension-link';
import { encodeFrame } from './framing';
import { sampleHello, sampleSession } from '../testing/test-fixtures';

let sent: HostFrame[];
let link: ExtensionLink;

const lastRequest = () => {
  const frame = sent.at(-1);
  if (!frame || !('id' in frame)) {
    throw new Error('no request sent');
  }
  return frame;
};

beforeEach(() => {
  sent = [];
  link = createExtensionLink({ write: (f) => void sent.push(f), log: () => {} });
});

afterEach(() => {
  vi.useRealTimers();
});

const hello = () => link.onFrame({ v: 1, event: 'hello', data: sampleHello });

describe('createExtensionLink', () => {
  it('refuses calls until the extension says hello', async () => {
    await expect(link.call('ping', {})).rejects.toMatchObject({ code: 'extension-not-connected' });
    expect(sent).toEqual([]);
    expect(link.state()).toMatchObject({ connected: false });
    hello();
    expect(link.state()).toEqual({ connected: true, hello: sampleHello });
  });

  it('correlates answers by id, whatever their order', async () => {
    hello();
    const first = link.call('session.get', { session_id: 'a' });
    const second = link.call('session.get', { session_id: 'b' });
    const [req1, req2] = sent as [HostFrame & { id: number }, HostFrame & { id: number }];
    // Each request says how long the bridge waits for it (the worker's waits end before).
    expect(req1).toEqual({
      v: 1,
      id: req1.id,
      method: 'session.get',
      params: { session_id: 'a' },
      deadline_ms: 15_000,
    });
    link.onFrame({ id: req2.id, ok: true, result: sampleSession({ session_id: 'b' }) });
    link.onFrame({ id: req1.id, ok: true, result: sampleSession({ session_id: 'a' }) });
    expect((await first).session_id).toBe('a');
    expect((await second).session_id).toBe('b');
  });

  it('sends params with defaults applied and refuses invalid params', async () => {
    hello();
    const started = link.call('session.start', {});
    expect(lastRequest().params).toMatchObject({ timeout_minutes: 3, attach: 'new_window' });
    link.onFrame({ id: lastRequest().id, ok: true, result: sampleSession() });
    await started;
    await expect(
      link.call('session.get', { session_id: 1 } as unknown as { session_id: string }),
    ).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('rethrows an error frame as a TabsightError with its code', async () => {
    hello();
    const call = link.call('session.get', { session_id: 'x' });
    link.onFrame({
      id: lastRequest().id,
      ok: false,
      error: { code: 'session-not-found', message: 'no session x' },
    });
    const error: unknown = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TabsightError);
    expect(error).toMatchObject({ code: 'session-not-found', message: 'no session x' });
  });

  it('rejects a result that does not match the schema', async () => {
    hello();
    const call = link.call('session.get', { session_id: 'x' });
    link.onFrame({ id: lastRequest().id, ok: true, result: { session_id: 'x' } });
    await expect(call).rejects.toMatchObject({ code: 'internal' });
  });

  it('times out after OBSERVE_TIMEOUT_MS by default, and after a custom timeout', async () => {
    vi.useFakeTimers();
    hello();
    const slow = link.call('ping', {});
    const fast = link.call('ping', {}, { timeoutMs: 100 });
    const fastResult = expect(fast).rejects.toMatchObject({ code: 'timeout' });
    const slowResult = expect(slow).rejects.toMatchObject({ code: 'timeout' });
    await vi.advanceTimersByTimeAsync(100);
    await fastResult;
    await vi.advanceTimersByTimeAsync(OBSERVE_TIMEOUT_MS);
    await slowResult;
  });

  it('fails every pending call at once on close, and later calls fast', async () => {
    hello();
    const calls = [link.call('ping', {}), link.call('session.list', { only_active: true })];
    link.close('stdin ended');
    for (const call of calls) {
      await expect(call).rejects.toMatchObject({ code: 'extension-not-connected' });
    }
    await expect(link.call('ping', {})).rejects.toThrow(/npm start/);
    const state = link.state();
    expect(state.connected).toBe(false);
    expect(!state.connected && state.reason).toMatch(/stdin ended/);
  });

  it('refuses calls when the protocol major differs', async () => {
    link.onFrame({ v: 1, event: 'hello', data: { ...sampleHello, protocol_version: '1.0.0' } });
    await expect(link.call('ping', {})).rejects.toMatchObject({ code: 'protocol-mismatch' });
    expect(link.state().connected).toBe(false);
  });

  it('takes its default timeout from the deps, plus extraMs per call', async () => {
    vi.useFakeTimers();
    link = createExtensionLink({ write: () => {}, log: () => {}, timeoutMs: 50 });
    hello();
    const plain = link.call('ping', {});
    const waiting = link.call('ping', {}, { extraMs: 100 });
    const plainResult = expect(plain).rejects.toThrow(/within 50 ms/);
    const waitingResult = expect(waiting).rejects.toThrow(/within 150 ms/);
    await vi.advanceTimersByTimeAsync(50);
    await plainResult;
    await vi.advanceTimersByTimeAsync(100);
    await waitingResult;
  });

  it('refuses a frame the writer cannot send', async () => {
    link = createExtensionLink({ write: (f) => void encodeFrame(f), log: () => {} });
    hello();
    const action = {
      type: 'upload_file' as const,
      id: 'I1',
      file: { name: 'big.bin', base64: 'A'.repeat(1_000_000) },
    };
    await expect(link.call('page.execute', { session_id: 's', action })).rejects.toThrow(
      /limit of what the bridge sends the browser; send a smaller file/,
    );
  });

  it('ignores unknown frames and answers for unknown ids', () => {
    const log = vi.fn();
    link = createExtensionLink({ write: () => {}, log });
    link.onFrame({ what: 'ever' });
    link.onFrame({ id: 99, ok: true, result: null });
    expect(log).toHaveBeenCalledTimes(2);
  });
});
