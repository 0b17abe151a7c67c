import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeMethods } from '@shared/protocol/bridge-link';
import type { Handlers } from '@shared/protocol/method';
import type { CallContext } from './deadline';
import { createNativeLink, type LinkStatus } from './native-link';

type Listener = (message?: unknown) => void;

/** A stand-in for the port `chrome.runtime.connectNative` returns. */
class FakePort {
  sent: unknown[] = [];
  closed = false;
  private messageListeners: Listener[] = [];
  private disconnectListeners: Listener[] = [];
  onMessage = { addListener: (l: Listener) => void this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: Listener) => void this.disconnectListeners.push(l) };
  postMessage(message: unknown) {
    if (this.closed) {
      throw new Error('Attempting to use a disconnected port object');
    }
    this.sent.push(message);
  }
  receive(message: unknown) {
    this.messageListeners.forEach((l) => l(message));
  }
  drop() {
    this.closed = true;
    this.disconnectListeners.forEach((l) => l());
  }
}

let ports: FakePort[];
let statuses: LinkStatus[];
const hello = { extension_id: 'ext', version: '0.1.0', protocol_version: '2.0.0' };

beforeEach(() => {
  ports = [];
  statuses = [];
  vi.stubGlobal('chrome', {
    runtime: {
      lastError: { message: 'Native host has exited.' },
      connectNative: () => {
        const port = new FakePort();
        ports.push(port);
        return port;
      },
    },
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const start = (handlers: Partial<Handlers<BridgeMethods, CallContext>> = {}) => {
  const link = createNativeLink(
    { ping: () => hello, ...handlers } as Handlers<BridgeMethods, CallContext>,
    () => hello,
    (s) => statuses.push(s),
  );
  link.connect();
  return link;
};

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('createNativeLink', () => {
  it('says hello, then answers a request that arrives in chunks', async () => {
    const execute = vi.fn(() => Promise.resolve({ ok: 'big' }));
    start({ 'page.execute': execute as never });
    const port = ports[0]!;
    expect(port.sent[0]).toEqual({ v: 1, event: 'hello', data: hello });
    const base64 = 'QUJD'.repeat(100_000);
    const request = {
      v: 1,
      id: 5,
      method: 'page.execute',
      params: {
        session_id: 's',
        action: { type: 'upload_file', id: 'I1', file: { name: 'a', base64 } },
      },
    };
    const json = JSON.stringify(request);
    const half = Math.ceil(json.length / 2);
    port.receive({ v: 1, chunk: { id: 1, index: 1, count: 2, data: json.slice(half) } });
    port.receive({ v: 1, chunk: { id: 1, index: 0, count: 2, data: json.slice(0, half) } });
    await flush();
    expect(execute).toHaveBeenCalledWith(
      expect.objectContaining({
        action: expect.objectContaining({ file: { name: 'a', base64 } }) as unknown,
      }),
      { deadline: expect.any(Number) as unknown },
    );
    expect(port.sent[1]).toEqual({ id: 5, ok: true, result: { ok: 'big' } });
  });

  it("hands each handler the moment the bridge stops waiting, less the reply's margin", async () => {
    const observe = vi.fn(() => Promise.resolve({}));
    start({ 'page.observe': observe as never });
    const before = Date.now();
    ports[0]!.receive({
      v: 1,
      id: 6,
      method: 'page.observe',
      params: { session_id: 's', request: {} },
      deadline_ms: 4_000,
    });
    await flush();
    const [, ctx] = observe.mock.calls[0] as unknown as [unknown, CallContext];
    expect(ctx.deadline).toBeGreaterThanOrEqual(before + 4_000 - 500);
    expect(ctx.deadline).toBeLessThanOrEqual(Date.now() + 4_000 - 500);
  });

  it('reconnects with exponential backoff, reset once the host reports its status', () => {
    vi.useFakeTimers();
    start();
    ports[0]!.drop();
    expect(statuses.at(-1)).toMatchObject({
      connected: false,
      last_error: 'Native host has exited.',
    });
    vi.advanceTimersByTime(999);
    expect(ports).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(ports).toHaveLength(2);
    ports[1]!.drop();
    vi.advanceTimersByTime(1_999);
    expect(ports).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(ports).toHaveLength(3);
    ports[2]!.receive({
      v: 1,
      event: 'host-status',
      data: { listening: true, url: 'http://127.0.0.1:7410', error: null },
    });
    expect(statuses.at(-1)).toMatchObject({ connected: true });
    ports[2]!.drop();
    vi.advanceTimersByTime(1_000);
    expect(ports).toHaveLength(4);
  });

  it('drops the answer of a request whose port closed meanwhile, without throwing', async () => {
    let finish: (value: unknown) => void = () => {};
    start({ 'session.list': (() => new Promise((r) => (finish = r))) as never });
    const port = ports[0]!;
    port.receive({ v: 1, id: 1, method: 'session.list', params: { only_active: true } });
    await flush();
    port.drop();
    finish([]);
    await flush();
    expect(port.sent).toHaveLength(1);
  });

  it('refuses unknown methods and malformed params with invalid-request', async () => {
    start();
    const port = ports[0]!;
    port.receive({ v: 1, id: 1, method: 'nope', params: {} });
    port.receive({ v: 1, id: 2, method: 'session.get', params: { session_id: 3 } });
    await flush();
    expect(port.sent.slice(1)).toEqual([
      expect.objectContaining({
        id: 1,
        ok: false,
        error: expect.objectContaining({ code: 'invalid-request' }) as unknown,
      }),
      expect.objectContaining({
        id: 2,
        ok: false,
        error: expect.objectContaining({ code: 'invalid-request' }) as unknown,
      }),
    ]);
  });
});
