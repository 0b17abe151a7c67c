import { expect, test } from './support/fixtures';
import { launchWithExtension, type Launched } from './support/launch';
import { outcomeOf, pageAt, tabIdAt } from './support/resilience-helpers';
import { createTabsightClient, type TabsightClient } from '../src/client';

/** The bridge's call timeout in this browser: short, so a hung page costs seconds, not 15. */
const OBSERVE_TIMEOUT_MS = 4_000;
/** Far below the service worker's own 10 s frame timeout, far above the bridge's. */
const ANSWER_BOUND_MS = 9_000;

// Hung renderers stay out of the shared browser: this file launches its own.
let own: Launched;
let client: TabsightClient;

test.beforeAll(async () => {
  own = await launchWithExtension({
    env: { TABSIGHT_OBSERVE_TIMEOUT_MS: String(OBSERVE_TIMEOUT_MS) },
  });
  client = createTabsightClient({ url: own.bridgeUrl, token: own.token });
});

test.afterAll(async () => {
  await own?.close();
});

/** The same page from another site, so it never shares a renderer with the hung one. */
const otherSiteUrl = (url: string) => {
  const other = new URL(url);
  other.hostname = 'elsewhere.test';
  return other.href;
};

/** Starts a session on the hang page and makes its main thread spin (`hang` or `busy`). */
async function hungSession(url: string, button: 'hang' | 'busy') {
  const session = await client.start({ url });
  await client.observe(session.session_id, { data: false });
  const page = await pageAt(own, url);
  // The click handler starts the loop in a timer, so this evaluate returns first.
  await page.evaluate((id) => document.getElementById(id)!.click(), button);
  return session;
}

test.describe('a page that stops answering', () => {
  test('a hung main thread gives 504 in time, and other sessions are still served', async ({
    site,
  }) => {
    const healthy = await client.start({ url: otherSiteUrl(site.url('/basic.html')) });
    const hung = await hungSession(site.url('/resilience/hang.html'), 'hang');

    const started = Date.now();
    const [stuck, others] = await Promise.all([
      outcomeOf(client.observe(hung.session_id, {})),
      Promise.all([0, 1, 2].map(() => client.observe(healthy.session_id, {}))),
    ]);
    expect(stuck.status, stuck.message).toBe(504);
    expect(stuck.message).toMatch(/did not answer .* within \d+ ms/);
    expect(Date.now() - started).toBeLessThan(ANSWER_BOUND_MS);
    expect(others.map((o) => o.metadata.title)).toEqual(Array(3).fill('Basic fixture'));

    // Still serving after the timeout, while the hung tab is still hung.
    expect((await client.observe(healthy.session_id, {})).metadata.title).toBe('Basic fixture');
    await Promise.all([client.stop(hung.session_id), client.stop(healthy.session_id)]);
  });

  test('a goto slower than the bridge waits is answered in time, saying so, not with a 504', async ({
    site,
  }) => {
    const session = await client.start({ url: site.url('/basic.html') });
    await client.observe(session.session_id, { data: false });
    const started = Date.now();
    // The page answers after 9 s; the bridge waits 4 s for the call, and says so in the
    // request, so the worker's wait for the load ends first and the agent learns why.
    const result = await client.execute(session.session_id, {
      type: 'goto',
      url: site.url('/basic.html?delay_ms=9000'),
    });
    expect(Date.now() - started).toBeLessThan(OBSERVE_TIMEOUT_MS);
    expect(result.success).toBe(false);
    expect(result.message).toMatch(/did not finish loading within \d+ ms/);
    await client.stop(session.session_id);
  });

  test('a tab closed during observe answers 409 at once, not a timeout', async ({ site }) => {
    const url = `${site.url('/resilience/hang.html')}?close`;
    const hung = await hungSession(url, 'hang');
    const tabId = await tabIdAt(own, url);
    const started = Date.now();
    const pending = outcomeOf(client.observe(hung.session_id, {}));
    await own.worker.evaluate((id) => chrome.tabs.remove(id), tabId);
    const outcome = await pending;
    expect(outcome.status, outcome.message).toBe(409);
    expect(outcome.message).toMatch(/closed/);
    expect(Date.now() - started).toBeLessThan(OBSERVE_TIMEOUT_MS);
  });

  test('a navigation during observe is retried once and observes the new page', async ({
    site,
  }) => {
    const url = `${site.url('/resilience/hang.html')}?ms=3000`;
    const busy = await hungSession(url, 'busy');
    const tabId = await tabIdAt(own, url);
    const next = otherSiteUrl(site.url('/basic.html'));
    const pending = outcomeOf(client.observe(busy.session_id, {}));
    await own.worker.evaluate(([id, to]) => chrome.tabs.update(id, { url: to }), [
      tabId,
      next,
    ] as const);
    const outcome = await pending;
    expect(outcome.status, outcome.message).toBe(200);
    const observation = outcome.value as { metadata: { url: string } };
    // Whether the navigation lands before or during the read, the answer is the new page.
    expect(observation.metadata.url).toBe(next);
    await client.stop(busy.session_id);
  });
});
