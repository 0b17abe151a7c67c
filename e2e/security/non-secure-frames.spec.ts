import { expect, shopUrl, test } from './sites';

test.describe('plain-http pages with frames', () => {
  test('a non-secure page with a cross-site frame is observed, frame included', async ({
    client,
    sites,
  }) => {
    const { session_id } = await client.start({ url: shopUrl(sites, '/security/login.html') });
    const observed = await client.observe(session_id, { scope: 'page' });
    expect(observed.metadata.url.startsWith(sites.shop.origin)).toBe(true);
    expect(observed.space.description).toContain('Sign in');
    // The ad frame's and the card frame's elements are merged in.
    expect(observed.space.description).toContain('Card number');
    expect(observed.skipped_frames).toBeUndefined();
    await client.stop(session_id);
  });

  test('a frame that does not answer is left out and reported, the page still observed', async ({
    client,
    sites,
  }) => {
    const { session_id } = await client.start({ url: shopUrl(sites, '/security/slow-ads.html') });
    // Let the ad load and start spinning.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const observed = await client.observe(session_id, { scope: 'page' });
    expect(observed.space.description).toContain('Add to basket');
    expect(observed.space.description).not.toContain('Ad button');
    expect(observed.skipped_frames).toEqual([
      { url: new URL('/security/busy-ad.html', sites.ads.origin).href, reason: 'timeout' },
    ]);
    await client.stop(session_id);
  });
});
