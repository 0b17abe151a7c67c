import { BridgeHttpError } from '../src/client';
import { expect, test } from './support/fixtures';

test.describe('observe max_tokens: a budget', () => {
  test('keeps the best-ranked elements, says what it left out, and the ids stay valid', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/loop/app.html') });
    const whole = await client.observe(session_id, { scope: 'page' });
    const cut = await client.observe(session_id, { scope: 'page', max_tokens: 100 });
    const kept = cut.space.interaction_actions;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(whole.space.interaction_actions.length);
    // The same ranking as the whole answer, cut: viewport first, then page order.
    expect(kept).toEqual(whole.space.interaction_actions.slice(0, kept.length));
    expect(cut.budget).toMatchObject({
      max_tokens: 100,
      elements_left_out: whole.space.interaction_actions.length - kept.length,
    });
    expect(cut.space.description).toMatch(/\[cut to max_tokens 100: left out \d+ of \d+ elements/);
    // An id from the cut answer acts as any other.
    const first = kept.find((a) => a.type === 'click')!;
    const clicked = await client.execute(session_id, { type: 'click', id: first.id });
    expect(clicked.success).toBe(true);
    const roomy = await client.observe(session_id, { scope: 'page', max_tokens: 100_000 });
    expect(roomy.budget).toBeUndefined();
    await client.stop(session_id);
  });

  test('a budget too small for any page is refused with the least it takes', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/loop/app.html') });
    const refused = await client.observe(session_id, { max_tokens: 5 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BridgeHttpError);
    expect((refused as BridgeHttpError).status).toBe(422);
    expect(JSON.stringify((refused as BridgeHttpError).body)).toContain('ask at least 100');
    await client.stop(session_id);
  });
});
