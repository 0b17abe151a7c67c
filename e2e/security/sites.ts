import { test as base } from '../support/fixtures';
import { PAGES_DIR } from '../support/fixtures';
import { serveFolder, type StaticServer } from '../support/static-server';

/** Hostile and honest sites for the security suites: plain http, one site each, on loopback. */
export interface Sites {
  /** The site the user means to use. */
  shop: StaticServer;
  /** An ad network framed by the shop: another site, and an adversary. */
  ads: StaticServer;
  /** A payment provider the shop frames for its card fields. */
  pay: StaticServer;
}

export const test = base.extend<object, { sites: Sites }>({
  sites: [
    async ({}, use) => {
      const [shop, ads, pay] = await Promise.all(
        ['shop.test', 'ads.test', 'pay.test'].map((host) => serveFolder(PAGES_DIR, host)),
      );
      await use({ shop: shop!, ads: ads!, pay: pay! });
      await Promise.all([shop!.close(), ads!.close(), pay!.close()]);
    },
    { scope: 'worker' },
  ],
});

export const expect = test.expect;

/** `path` on the shop, told where the other sites are (pages frame them by query parameters). */
export const shopUrl = (sites: Sites, path: string): string => {
  const url = new URL(sites.shop.url(path));
  url.searchParams.set('ads', sites.ads.origin);
  url.searchParams.set('pay', sites.pay.origin);
  return url.href;
};
