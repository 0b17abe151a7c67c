import type { Page } from '@playwright/test';
import { BridgeHttpError } from '../../src/client';
import { pageAt } from '../support/resilience-helpers';
import { expect, shopUrl, test } from './sites';

const valuesIn = (page: Page, origin: string) => {
  const frame = page.frames().find((f) => f.url().startsWith(origin));
  if (!frame) {
    throw new Error(
      `no frame of ${origin} in ${page
        .frames()
        .map((f) => f.url())
        .join(', ')}`,
    );
  }
  return frame.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll('input'), (input) => [input.name, input.value]),
    ),
  );
};

test.describe('form_fill keeps values to the page the user sees', () => {
  test('an ad frame of another site gets nothing, its hidden fields least of all', async ({
    client,
    ext,
    sites,
  }) => {
    const url = shopUrl(sites, '/security/login.html');
    const { session_id } = await client.start({ url });
    await client.observe(session_id, { scope: 'page' });
    const filled = await client.execute(session_id, {
      type: 'form_fill',
      value: { username: 'ada', password: 'hunter2-secret', email: 'ada@example.com' },
    });
    // Honest use: the shop's visible login fields are filled, and the answer says where.
    expect(filled.success).toBe(true);
    expect(filled.message).toContain(`username → textbox "Username" (${sites.shop.origin})`);
    expect(filled.message).toContain(`password → input "Password" (${sites.shop.origin})`);
    expect(filled.message).not.toContain(sites.ads.origin);
    const page = await pageAt(ext, url);
    expect(await valuesIn(page, sites.shop.origin)).toEqual({
      username: 'ada',
      password: 'hunter2-secret',
      // The shop's own 1 px field is not one perception lists: left empty.
      email: '',
    });
    // The attack: the ad's visible field and its invisible 1 px fields all stay empty.
    expect(await valuesIn(page, sites.ads.origin)).toEqual({
      email: '',
      username: '',
      password: '',
    });
    expect(await valuesIn(page, sites.pay.origin)).toEqual({ cardnumber: '', password: '' });
    await client.stop(session_id);
  });

  test('a frame the agent names fills, but never with a password', async ({
    client,
    ext,
    sites,
  }) => {
    const url = shopUrl(sites, '/security/login.html');
    const { session_id } = await client.start({ url });
    await client.observe(session_id, { scope: 'page' });
    const filled = await client.execute(session_id, {
      type: 'form_fill',
      frame_origin: sites.pay.origin,
      value: { card_number: '4111111111111111', password: 'hunter2-secret' },
    });
    expect(filled.success).toBe(true);
    expect(filled.message).toContain(`card_number → textbox "Card number" (${sites.pay.origin})`);
    expect(filled.message).toMatch(/passwords are filled only in the page's own origin/);
    const page = await pageAt(ext, url);
    expect(await valuesIn(page, sites.pay.origin)).toEqual({
      cardnumber: '4111111111111111',
      password: '',
    });
    expect(await valuesIn(page, sites.shop.origin)).toMatchObject({ password: '' });
    await client.stop(session_id);
  });

  test('a frame origin that is not an origin is refused with what to send', async ({
    client,
    sites,
  }) => {
    const { session_id } = await client.start({ url: shopUrl(sites, '/security/login.html') });
    const refused = await client
      .execute(session_id, {
        type: 'form_fill',
        frame_origin: `${sites.pay.origin}/card`,
        value: { card_number: '4111111111111111' },
      })
      .catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(BridgeHttpError);
    expect((refused as BridgeHttpError).status).toBe(422);
    expect(JSON.stringify((refused as BridgeHttpError).body)).toMatch(
      /an origin is a scheme and a host/,
    );
    await client.stop(session_id);
  });
});
