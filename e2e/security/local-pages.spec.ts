import { expect, test } from '@playwright/test';
import { launchWithExtension, type Launched } from '../support/launch';
import {
  bridgeCall,
  serveHostileSite,
  TEST_HOSTS_FLAG,
  type HostileSite,
} from './support/hostile-site';

const SHOP = `<!doctype html><html lang="en"><head><title>Shop</title></head><body>
<h1>Shop</h1><a href="/">Home</a><button>Add to cart</button></body></html>`;

let site: HostileSite;
let ext: Launched;
test.beforeAll(async () => {
  site = await serveHostileSite({ '/': SHOP });
  ext = await launchWithExtension({ chromiumArgs: [TEST_HOSTS_FLAG] });
});
test.afterAll(async () => {
  await ext.close();
  await site.close();
});

const expectRefused = (res: { status: number; body: Record<string, unknown> }, what: string) => {
  expect(res.status, what).toBe(422);
  expect((res.body.detail as { code: string }).code, what).toBe('restricted-url');
};

test('no route takes a session to local or browser-internal pages; web pages still work', async () => {
  const configListing = `file://${ext.configDir}/`;
  expectRefused(await bridgeCall(ext, 'POST', '/sessions/start', { url: configListing }), 'start');
  const start = await bridgeCall(ext, 'POST', '/sessions/start', {
    url: site.url('shop.test', '/'),
  });
  expect(start.status).toBe(200);
  const sid = start.body.session_id as string;
  const popup = `chrome-extension://${ext.extensionId}/src/popup/index.html?tab=1`;
  const attempts: [string, string, unknown][] = [
    ['observe url file:', 'observe', { url: configListing }],
    ['goto file:', 'execute', { type: 'goto', url: 'file:///etc/passwd' }],
    ['goto our popup', 'execute', { type: 'goto', url: popup }],
    ['new tab chrome:', 'execute', { type: 'goto_new_tab', url: 'chrome://settings' }],
    ['goto devtools:', 'step', { action: { type: 'goto', url: 'devtools://devtools/' } }],
    ['goto view-source:', 'execute', { type: 'goto', url: `view-source:${configListing}` }],
    ['goto javascript:', 'execute', { type: 'goto', url: 'javascript:alert(document.cookie)' }],
    ['goto data:', 'execute', { type: 'goto', url: 'data:text/html,<h1>forged</h1>' }],
  ];
  for (const [what, route, body] of attempts) {
    const res = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/${route}`, body);
    expectRefused(res, what);
    expect(res.body.message as string, what).toMatch(/file|browser-internal|own content/);
  }
  const fileHint = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/observe`, {
    url: configListing,
  });
  expect((fileHint.body.detail as { hint: string }).hint).toMatch(/--allow-file-urls/);
  expect(ext.context.pages().some((p) => p.url().startsWith('file:'))).toBe(false);

  // The honest use: goto an http page on another site and observe it.
  const goto = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/execute`, {
    type: 'goto',
    url: site.url('ads.test', '/'),
  });
  expect(goto.status).toBe(200);
  const observed = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/observe`, {});
  expect(observed.status).toBe(200);
  expect((observed.body.metadata as { url: string }).url).toBe(site.url('ads.test', '/'));
  await bridgeCall(ext, 'DELETE', `/sessions/${sid}/stop`);
});

test('an adopted tab that shows a local file is never read', async () => {
  const page = await ext.context.newPage();
  await page.goto(`file://${ext.configDir}/`);
  await page.bringToFront();
  const start = await bridgeCall(ext, 'POST', '/sessions/start', { attach: 'active_tab' });
  expect(start.status).toBe(200);
  const sid = start.body.session_id as string;
  for (const [route, body] of [
    ['observe', {}],
    ['observe', { screenshot: true }],
    ['scrape', {}],
    ['screenshot', {}],
  ] as const) {
    const res = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/${route}`, body);
    expectRefused(res, route);
    expect(JSON.stringify(res.body)).not.toContain(ext.token);
  }
  // Taking the adopted tab to a web page makes it readable again.
  const goto = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/execute`, {
    type: 'goto',
    url: site.url('shop.test', '/'),
  });
  expect(goto.status).toBe(200);
  expect((await bridgeCall(ext, 'POST', `/sessions/${sid}/page/observe`, {})).status).toBe(200);
  await page.close();
});
