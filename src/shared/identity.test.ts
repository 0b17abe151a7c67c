import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkIdentity, identityMessage, portOfUrl } from './identity';

const hmacHex = (key: string, message: string) =>
  createHmac('sha256', key).update(message).digest('hex');
const CHALLENGE = 'ab'.repeat(16);

/** A server that answers /identity as a bridge holding `token` and listening on `port` would. */
function bridgeAt(token: string, port: number) {
  return (url: string) => {
    const challenge = /challenge=([0-9a-f]+)/.exec(url)?.[1] ?? '';
    const proof = hmacHex(token, identityMessage(port, challenge));
    return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({ proof }) });
  };
}

describe('portOfUrl', () => {
  it.each([
    ['http://127.0.0.1:7410', 7410],
    ['http://127.0.0.1:7410/', 7410],
    ['http://127.0.0.1', 80],
    ['https://bridge.test', 443],
    ['HTTPS://bridge.test/x', 443],
    ['http://[::1]:9000/', 9000],
  ])('%s → %i', (url, port) => expect(portOfUrl(url)).toBe(port));

  it('refuses what is not an http(s) URL, saying what to give', () => {
    expect(() => portOfUrl('127.0.0.1:7410')).toThrow(/not an http\(s\) URL: give the bridge URL/);
  });
});

describe('checkIdentity', () => {
  const deps = { hmacHex, challenge: CHALLENGE };

  it('accepts a proof for the token and the port the client reaches', async () => {
    const fetch = bridgeAt('secret', 7410);
    expect(await checkIdentity('http://127.0.0.1:7410/', 'secret', { ...deps, fetch })).toEqual({
      ok: true,
    });
  });

  it('refuses a proof made for another port (a relay to the real bridge)', async () => {
    const fetch = bridgeAt('secret', 7411);
    expect(await checkIdentity('http://127.0.0.1:7410', 'secret', { ...deps, fetch })).toEqual({
      ok: false,
      reason: 'impostor',
      detail: 'its proof does not match the token',
    });
  });

  it('takes the scheme default port when the URL names none', async () => {
    const fetch = bridgeAt('secret', 80);
    expect((await checkIdentity('http://bridge.test', 'secret', { ...deps, fetch })).ok).toBe(true);
  });

  it('refuses a server that answers without a proof, and reports one that does not answer', async () => {
    const noProof = () =>
      Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({ hello: 1 }) });
    expect(await checkIdentity('http://127.0.0.1:7410', 's', { ...deps, fetch: noProof })).toEqual({
      ok: false,
      reason: 'impostor',
      detail: 'GET /identity answered 200 without a proof',
    });
    const down = () => Promise.reject(new Error('ECONNREFUSED'));
    const check = await checkIdentity('http://127.0.0.1:7410', 's', { ...deps, fetch: down });
    expect(check).toMatchObject({ ok: false, reason: 'unreachable' });
  });
});
