import type { TabsightClient } from '../src/client';
import type { Observation, ObserveRequestInput } from '../src/shared/schema/observation';
import { expect, test } from './support/fixtures';

// Page categories that depend on layout: what a captcha or a payment form looks like on screen.
test.describe('page categories', () => {
  const scopes: ObserveRequestInput[] = [{}, { scope: 'page' }];

  async function observeAt(
    client: TabsightClient,
    url: string,
    request: ObserveRequestInput,
  ): Promise<Observation> {
    const { session_id } = await client.start({ url });
    try {
      return await client.observe(session_id, request);
    } finally {
      await client.stop(session_id);
    }
  }

  for (const request of scopes) {
    const scope = request.scope ?? 'viewport';

    test(`captcha markers without a challenge in view are no captcha (${scope})`, async ({
      client,
      site,
    }) => {
      const o = await observeAt(client, site.url('/categories/captcha-markers.html'), request);
      expect(o.space.category).not.toBe('captcha');
    });

    test(`a challenge frame of real size is a captcha (${scope})`, async ({ client, site }) => {
      const o = await observeAt(client, site.url('/categories/captcha-frame.html'), request);
      expect(o.space.category).toBe('captcha');
    });

    test(`a box marked as a captcha of real size is a captcha (${scope})`, async ({
      client,
      site,
    }) => {
      const o = await observeAt(client, site.url('/categories/captcha-box.html'), request);
      expect(o.space.category).toBe('captcha');
    });

    test(`card fields make a checkout page a payment page (${scope})`, async ({ client, site }) => {
      const o = await observeAt(client, site.url('/categories/checkout.html'), request);
      expect(o.space.category).toBe('payment');
      // An unlabelled select, whose options a script writes, is not named after them; as a card
      // expiry field (`exp_month`) its chosen value is masked like the other card fields.
      const select = o.space.interaction_actions.find((a) => a.description.startsWith('combobox'));
      expect(select?.description).toBe('combobox (selected="(hidden: 2 chars)"; options: 01, 02)');
    });
  }

  test('card fields far below the fold count only where the scope lists them', async ({
    client,
    site,
  }) => {
    const url = site.url('/categories/subscribe-below.html');
    expect((await observeAt(client, url, {})).space.category).not.toBe('payment');
    expect((await observeAt(client, url, { scope: 'page' })).space.category).toBe('payment');
  });
});
