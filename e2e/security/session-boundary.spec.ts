import type { Worker } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { openToolbarPopup, popupPageUrl } from '../support/toolbar-popup';
import { bridgeCall, serveHostileSite, type HostileSite } from './support/hostile-site';

const SECRET = 'SECRET-INBOX-7731';

// The agent's page, green, with a button that sends its own tab to our viewer page (whose
// address the test passes in, `?viewer=`: the extension id is public, fixed by the manifest key).
const SHOP = `<!doctype html><html lang="en"><head><title>Shop</title>
<style>html, body { margin: 0; height: 100%; background: rgb(0, 160, 0); }</style></head><body>
<h1>Shop</h1><button id="viewer">Open the viewer</button>
<script>
document.getElementById('viewer').addEventListener('click', () => {
  location.href = new URLSearchParams(location.search).get('viewer');
});
</script></body></html>`;

// The user's private tab, red.
const INBOX = `<!doctype html><html lang="en"><head><title>Private inbox</title>
<style>html, body { margin: 0; height: 100%; background: rgb(200, 0, 0); }</style></head><body>
<h1>Private inbox</h1><p>${SECRET}</p></body></html>`;

let site: HostileSite;
test.beforeAll(async () => {
  site = await serveHostileSite({ '/shop': SHOP, '/inbox': INBOX });
});
test.afterAll(async () => {
  await site.close();
});

const tabOf = (worker: Worker, url: string) =>
  worker.evaluate(async (u) => {
    const tab = (await chrome.tabs.query({})).find((t) => (t.url ?? t.pendingUrl) === u);
    return { id: tab?.id ?? -1, windowId: tab?.windowId ?? -1, active: tab?.active ?? false };
  }, url);

/** A tab the user opens in a window, in front; the worker's word for "the user clicked it". */
const openTab = (worker: Worker, windowId: number, url: string) =>
  worker.evaluate(
    async ([w, u]) => {
      const tab = await chrome.tabs.create({ windowId: w, url: u, active: true });
      for (let i = 0; i < 100 && (await chrome.tabs.get(tab.id!)).status !== 'complete'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return tab.id!;
    },
    [windowId, url] as const,
  );

const activate = (worker: Worker, tabId: number) =>
  worker.evaluate((id) => chrome.tabs.update(id, { active: true }).then(() => undefined), tabId);

/** The colour at the centre of a base64 JPEG, decoded by the browser. */
const centreColour = (worker: Worker, jpegBase64: string) =>
  worker.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const [r, g, b] = context.getImageData(bitmap.width >> 1, bitmap.height >> 1, 1, 1).data;
    return { r: r!, g: g!, b: b! };
  }, jpegBase64);

const isGreen = ({ r, g }: { r: number; g: number }) => g > 120 && r < 80;

test.describe('the session boundary', () => {
  test('our viewer page shows no tab but the one in front of the toolbar popup', async ({
    ext,
  }) => {
    const inboxUrl = site.url('mail.test', '/inbox');
    const inbox = await ext.context.newPage();
    await inbox.goto(inboxUrl);
    const privateTab = await tabOf(ext.worker, inboxUrl);
    const viewer = `${popupPageUrl(ext.extensionId)}?tab=${privateTab.id}`;
    const shopUrl = `${site.url('shop.test', '/shop')}?viewer=${encodeURIComponent(viewer)}`;

    const start = await bridgeCall(ext, 'POST', '/sessions/start', { url: shopUrl });
    expect(start.status).toBe(200);
    const sid = start.body.session_id as string;

    // 1. The agent takes its tab to the viewer: refused before anything loads.
    for (const body of [
      { type: 'goto', url: viewer },
      { type: 'goto_new_tab', url: viewer },
    ]) {
      const res = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/execute`, body);
      expect(res.status, body.type).toBe(422);
      expect((res.body.detail as { code: string }).code).toBe('restricted-url');
    }
    expect(
      (await bridgeCall(ext, 'POST', `/sessions/${sid}/page/observe`, { url: viewer })).status,
    ).toBe(422);

    // 2. The page sends its own tab there when the agent clicks: the browser blocks it (no file
    // of ours is web-accessible), and what the tab shows is never read.
    const observed = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/observe`, {});
    const button = (
      observed.body.space as { interaction_actions: { id: string; description: string }[] }
    ).interaction_actions.find((a) => a.description.includes('Open the viewer'))!;
    await bridgeCall(ext, 'POST', `/sessions/${sid}/page/step`, {
      type: 'step',
      action_id: button.id,
    });
    for (const body of [{}, { screenshot: true }]) {
      const after = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/observe`, body);
      const text = JSON.stringify(after.body);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('Private inbox');
      expect(text).not.toContain(inboxUrl);
    }
    // Whatever the tab shows (Chrome's "blocked" page), it is nothing of the inbox.
    for (const page of ext.context.pages().filter((p) => p.url().startsWith('chrome-extension:'))) {
      const text = await page.locator('body').innerText();
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('Private inbox');
    }

    // 3. Loaded in a tab anyway (typed by the user, or a tab an agent adopted), the page shows
    // nothing of any tab, and the worker answers none of its popup calls.
    const inTab = await ext.context.newPage();
    await inTab.goto(viewer);
    await expect(inTab.locator('body')).toHaveAttribute('data-state', 'in-tab');
    await expect(inTab.locator('body')).toContainText('Open Tabsight from the toolbar');
    const shown = await inTab.locator('body').innerText();
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain('Private inbox');
    for (const [method, params] of [
      ['popup.observe', { tab_id: privateTab.id }],
      ['popup.status', {}],
      ['popup.highlight', { tab_id: privateTab.id, id: 'B1' }],
    ] as const) {
      const reply = await inTab.evaluate<{ ok: boolean; error?: { code: string; hint?: string } }>(
        `chrome.runtime.sendMessage(${JSON.stringify({ method, params })})`,
      );
      expect(reply, method).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(reply.error?.hint).toMatch(/toolbar/);
      expect(JSON.stringify(reply)).not.toContain(SECRET);
    }
    await inTab.close();
    await bridgeCall(ext, 'DELETE', `/sessions/${sid}/stop`);

    // The honest use: the user opens the toolbar popup over their own inbox and sees it.
    const popup = await openToolbarPopup(ext, inbox);
    await expect.poll(() => popup.run((doc) => doc.body.dataset.state)).toBe('ready');
    expect(await popup.run((doc) => doc.querySelector('.head .title')?.textContent)).toBe(
      'Private inbox',
    );
    expect(
      await popup.run((doc) => doc.querySelector('#panel-markdown pre')?.textContent ?? ''),
    ).toContain(SECRET);
    await popup.close();
    await inbox.close();
  });

  test('a screenshot shows the session tab, never the tab the user has in front', async ({
    ext,
  }) => {
    // The user's window: a shop tab the session adopts, then the user's inbox in front of it.
    const shopUrl = site.url('shop.test', '/shop');
    const shop = await ext.context.newPage();
    await shop.goto(shopUrl);
    await shop.bringToFront();
    const start = await bridgeCall(ext, 'POST', '/sessions/start', { attach: 'active_tab' });
    expect(start.status).toBe(200);
    const sid = start.body.session_id as string;
    const shopTab = await tabOf(ext.worker, shopUrl);
    const inboxTab = await openTab(ext.worker, shopTab.windowId, site.url('mail.test', '/inbox'));

    for (const [route, body] of [
      ['observe', { screenshot: true }],
      ['screenshot', undefined],
    ] as const) {
      const res = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/${route}`, body);
      expect(res.status, route).toBe(409);
      expect((res.body.detail as { code: string }).code).toBe('tab-not-visible');
      expect((res.body.detail as { hint: string }).hint).toMatch(/switch_tab/);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    }
    // Tabsight took nothing from the user's view.
    expect((await tabOf(ext.worker, site.url('mail.test', '/inbox'))).active).toBe(true);

    // The honest use: with the session's tab in front again, both capture it.
    await activate(ext.worker, shopTab.id);
    const observed = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/observe`, {
      screenshot: true,
    });
    expect(observed.status).toBe(200);
    expect(isGreen(await centreColour(ext.worker, observed.body.screenshot as string))).toBe(true);
    // Or the agent brings it forward itself, as the hint says.
    await activate(ext.worker, inboxTab);
    const tabs = (observed.body.metadata as { tabs: { tab_id: number; url: string }[] }).tabs;
    const index = tabs.find((t) => t.url === shopUrl)!.tab_id;
    const switched = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/execute`, {
      type: 'switch_tab',
      tab_index: index,
    });
    expect(switched.status).toBe(200);
    const res = await fetch(`${ext.bridgeUrl}/sessions/${sid}/page/screenshot`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ext.token}` },
    });
    expect(res.status).toBe(200);
    const jpeg = Buffer.from(await res.arrayBuffer()).toString('base64');
    expect(isGreen(await centreColour(ext.worker, jpeg))).toBe(true);
    await bridgeCall(ext, 'DELETE', `/sessions/${sid}/stop`);
    await ext.worker.evaluate((id) => chrome.tabs.remove(id), inboxTab);
    await shop.close();
  });

  test("in the session's own window, a tab a page opened is moved behind the session's tab", async ({
    ext,
  }) => {
    const shopUrl = site.url('shop.test', '/shop');
    const start = await bridgeCall(ext, 'POST', '/sessions/start', { url: shopUrl });
    const sid = start.body.session_id as string;
    const shopTab = await tabOf(ext.worker, shopUrl);
    // Something opens a tab in front of the session's tab in its window.
    const opened = await openTab(ext.worker, shopTab.windowId, site.url('mail.test', '/inbox'));
    expect((await tabOf(ext.worker, shopUrl)).active).toBe(false);
    const observed = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/observe`, {
      screenshot: true,
    });
    expect(observed.status, JSON.stringify(observed.body)).toBe(200);
    expect(isGreen(await centreColour(ext.worker, observed.body.screenshot as string))).toBe(true);
    expect((await tabOf(ext.worker, shopUrl)).active).toBe(true);
    await ext.worker.evaluate((id) => chrome.tabs.remove(id), opened);
    await bridgeCall(ext, 'DELETE', `/sessions/${sid}/stop`);
  });
});
