// The listener probe runs in the page's own world during an observe (README "What pages can
// and cannot detect"). What a page that watches for it sees, measured: no DOM change and no
// event, ever; nothing at all while nobody observes; during an observe, calls of the built-ins
// and globals the probe uses, if the page replaced them beforehand. A page that makes those
// calls fail costs only its handler-only targets.
import type { Page } from '@playwright/test';
import { expect, shopUrl, test } from './sites';
import { pageAt } from '../support/resilience-helpers';

interface Traps {
  mutations: number;
  events: string[];
  keysCalls: number;
  jqueryReads: number;
}

// As a string: Playwright's own serialiser of an object calls the page's Object.keys.
const trapsOf = async (page: Page): Promise<Traps> =>
  JSON.parse(
    await page.evaluate(() => JSON.stringify((window as unknown as { traps: Traps }).traps)),
  ) as Traps;

test.describe('listener probe: what a page can see of it', () => {
  test('nothing written, no event; only patched built-ins see the probe, and only during an observe', async ({
    ext,
    client,
    sites,
  }) => {
    const url = shopUrl(sites, '/security/listener-traps.html');
    const { session_id } = await client.start({ url });
    const page = await pageAt(ext, url);
    await page.waitForLoadState('load');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Loaded, with the content script's loader in place: nothing of the probe has run.
    expect(await trapsOf(page)).toEqual({ mutations: 0, events: [], keysCalls: 0, jqueryReads: 0 });

    const observed = await client.observe(session_id, { scope: 'page' });
    // The probe found the jQuery-bound box (and the page's trap fed it the real Object.keys).
    expect(observed.space.interaction_actions.map((a) => a.description)).toEqual([
      'button "Pay now"',
      'clickable',
    ]);
    const traps = await trapsOf(page);
    expect(traps.mutations).toBe(0);
    expect(traps.events).toEqual([]);
    // The detection surface: a page that replaced Object.keys, or put a getter on a global
    // the probe reads, learns that an observe is running (see README).
    expect(traps.keysCalls).toBeGreaterThan(0);
    expect(traps.jqueryReads).toBeGreaterThan(0);
    await client.stop(session_id);
  });

  test('a page that makes the probe fail is observed without its handler-only targets', async ({
    client,
    sites,
  }) => {
    const url = shopUrl(sites, '/security/listener-traps.html?hostile');
    const { session_id } = await client.start({ url });
    const observed = await client.observe(session_id, { scope: 'page' });
    expect(observed.space.interaction_actions.map((a) => a.description)).toEqual([
      'button "Pay now"',
    ]);
    expect(observed.space.description).toContain('Checkout');
    await client.stop(session_id);
  });
});
