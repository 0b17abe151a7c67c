// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { withIdentity } from '../testing/test-fixtures';
import { waitForExtension } from './wait-for-extension';

const health = (connected: boolean, reason: string | null = null) =>
  Response.json({
    status: connected ? 'ok' : 'degraded',
    version: '0.1.0',
    protocol_version: '2.0.0',
    extension: { connected, id: connected ? 'x' : null, version: connected ? '0.1.0' : null },
    reason,
  });

describe('waitForExtension', () => {
  it('polls until the extension is connected, sending the token', async () => {
    const answers = [
      () => Promise.reject(new Error('ECONNREFUSED')),
      () => Promise.resolve(health(false, 'waiting')),
      () => Promise.resolve(health(true)),
    ];
    const seen: (string | null)[] = [];
    let first = true;
    const fetchImpl = withIdentity('t', (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers).get('authorization'));
      return (answers.shift() ?? answers[0])!();
    });
    // Before the bridge listens, /identity itself is refused.
    const startingUp = ((url: string, init?: RequestInit) => {
      if (first && url.includes('/identity')) {
        first = false;
        return Promise.reject(new Error('ECONNREFUSED'));
      }
      return fetchImpl(url, init);
    }) as typeof fetch;
    const result = await waitForExtension({
      url: 'http://127.0.0.1:7410',
      token: 't',
      fetchImpl: startingUp,
    });
    expect(result).toMatchObject({ ok: true, health: { extension: { connected: true } } });
    expect(seen).toEqual(['Bearer t', 'Bearer t', 'Bearer t']);
  });

  it('gives up after the timeout with the last reason', async () => {
    const fetchImpl = withIdentity('t', () => Promise.resolve(health(false, 'protocol mismatch')));
    const result = await waitForExtension({
      url: 'http://127.0.0.1:7410',
      token: 't',
      timeoutMs: 300,
      fetchImpl,
    });
    expect(result).toEqual({ ok: false, lastReason: 'protocol mismatch' });
  });

  it('stops when told to', async () => {
    const fetchImpl = (() => Promise.reject(new Error('down'))) as typeof fetch;
    const result = await waitForExtension({
      url: 'http://127.0.0.1:7410',
      token: 't',
      fetchImpl,
      aborted: () => 'Chromium exited with code 1',
    });
    expect(result).toEqual({ ok: false, lastReason: 'Chromium exited with code 1' });
  });

  it('never sends the token to a process that cannot prove it is the bridge', async () => {
    const seen: string[] = [];
    const fetchImpl = withIdentity(null, (url) => {
      seen.push(url);
      return Promise.resolve(health(true));
    });
    const result = await waitForExtension({ url: 'http://127.0.0.1:7410', token: 't', fetchImpl });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.lastReason).toMatch(
      /is not the Tabsight bridge .*the token was not sent/,
    );
    expect(seen).toEqual([]);
  });
});
