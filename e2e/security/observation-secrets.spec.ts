import { expect, shopUrl, test } from './sites';

const SECRETS = [
  '4111111111111111',
  '737',
  '12/29',
  '482913',
  '078-05-1120',
  'sk_live_51HxQzExampleKey9876',
  'hunter2-secret',
  'csrf-9f8e7d6c5b4a',
];

test.describe('secrets in fields stay out of observations', () => {
  test('card, CVC, expiry, one-time code, SSN, API key, shown password and CSRF token are masked', async ({
    client,
    sites,
  }) => {
    const { session_id } = await client.start({ url: shopUrl(sites, '/security/checkout.html') });
    const observed = await client.observe(session_id, { scope: 'page' });
    const scraped = await client.execute(session_id, { type: 'scrape' });
    const everything = JSON.stringify([observed.space, observed.data, scraped.data]);
    for (const secret of SECRETS) {
      expect(everything, secret).not.toContain(secret);
    }
    // Honest use: the agent still sees that the fields are filled, and an ordinary value.
    expect(observed.space.description).toContain('(hidden: 16 chars, ends 1111)');
    expect(observed.data?.markdown).toContain('Ada Lovelace');
    expect(JSON.stringify(observed.data?.structured)).toContain('Checkout of the test shop');
    await client.stop(session_id);
  });

  test('reveal_secrets shows them on request, except the password', async ({ client, sites }) => {
    const { session_id } = await client.start({ url: shopUrl(sites, '/security/checkout.html') });
    const observed = await client.observe(session_id, { scope: 'page', reveal_secrets: true });
    const text = JSON.stringify([observed.space, observed.data]);
    expect(text).toContain('4111111111111111');
    expect(text).toContain('482913');
    expect(text).toContain('csrf-9f8e7d6c5b4a');
    expect(text).not.toContain('hunter2-secret');
    await client.stop(session_id);
  });
});
