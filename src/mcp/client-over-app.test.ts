// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { KNOWN_SESSION, TEST_TOKEN, createTestApp } from '../bridge/test-app';
import { BridgeHttpError, createTabsightClient } from '../client';

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
});
