// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { KNOWN_SESSION, TEST_TOKEN, createTestApp } from '../bridge/testing/test-app';
import { BridgeHttpError, BridgeImpostorError, createTabsightClient } from '../client';

// The typed client against the real app (src/mcp may import both; src/client may not import src/bridge).
describe('typed client over createApp', () => {
  const bridge = createTestApp();
  const client = createTabsightClient({ url: bridge.url, token: TEST_TOKEN, fetch: bridge.fetch });

  it('reads health with the reason field, and the OpenAPI document', async () => {
    expect(await client.health()).toMatchObject({
      status: 'ok',
      extension: { connected: true },
      reason: null,
    });
    const doc = await client.openapi();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toContain('/sessions/{session_id}/page/step');
  });

  it('steps by element id', async () => {
    const result = await client.step(KNOWN_SESSION, { type: 'step', action_id: 'I2', value: 'x' });
    expect(result.action).toMatchObject({ type: 'fill', id: 'I2', value: 'x' });
  });

  it('throws BridgeHttpError with the error body', async () => {
    const err = await client.get('nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BridgeHttpError);
    expect((err as BridgeHttpError).status).toBe(404);
  });

  it('sends the token only after the server proved it holds it', async () => {
    const sent: (string | null)[] = [];
    const recording: typeof fetch = (input, init) => {
      sent.push(new Headers(init?.headers).get('authorization'));
      return bridge.fetch(input, init);
    };
    // A client holding another token: the server's proof cannot match, so nothing is sent.
    const wrong = createTabsightClient({
      url: bridge.url,
      token: 'another-token',
      fetch: recording,
    });
    await expect(wrong.list()).rejects.toBeInstanceOf(BridgeImpostorError);
    expect(sent).toEqual([null]);
    sent.length = 0;
    const right = createTabsightClient({ url: bridge.url, token: TEST_TOKEN, fetch: recording });
    await right.list();
    await right.list();
    // One proof per client, then the calls.
    expect(sent).toEqual([null, `Bearer ${TEST_TOKEN}`, `Bearer ${TEST_TOKEN}`]);
  });

  it('answers a malformed challenge with a 422 naming it', async () => {
    const res = await bridge.fetch(`${bridge.url}/identity?challenge=xyz`);
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('challenge');
  });
});
