import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, test as base, type BrowserContext, type Worker } from '@playwright/test';
import { CHROMIUM_PATH, DIST } from './support/launch';
import { PAGES_DIR } from './support/fixtures';
import { serveFolder, type StaticServer } from './support/static-server';

interface Unregistered {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/**
 * A browser with the extension but no native host registered in its profile: the service worker's
 * `connectNative` fails with "Specified native messaging host not found.", as on a fresh install.
 */
const test = base.extend<object, { bare: Unregistered; site: StaticServer }>({
  bare: [
    // Depends on the site so that the browser closes first and leaves no keep-alive connection
    // holding the server open at teardown.
    async ({ site }, use) => {
      void site;
      const profileDir = mkdtempSync(path.join(os.tmpdir(), 'tabsight-e2e-bare-'));
      const context = await chromium.launchPersistentContext(profileDir, {
        headless: true,
        executablePath: CHROMIUM_PATH,
        args: [
          `--disable-extensions-except=${DIST}`,
          `--load-extension=${DIST}`,
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      await use({ context, worker, extensionId: new URL(worker.url()).host });
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  site: [
    async ({}, use) => {
      const server = await serveFolder(PAGES_DIR);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
});
const { expect } = test;

test('the popup explains a bridge host that is not registered', async ({
  bare,
  site,
}, testInfo) => {
  const page = await bare.context.newPage();
  await page.goto(site.url('/popup-fixture.html'));
  const tabId = await bare.worker.evaluate(
    async (url) => (await chrome.tabs.query({ url }))[0]?.id,
    page.url(),
  );
  const popup = await bare.context.newPage();
  await popup.setViewportSize({ width: 420, height: 560 });
  await popup.goto(`chrome-extension://${bare.extensionId}/src/popup/index.html?tab=${tabId}`);

  // The page is observed without any bridge: the popup talks to the service worker only.
  await expect(popup.locator('body')).toHaveAttribute('data-state', 'ready');
  await expect(popup.locator('.title')).toHaveText('Popup fixture');
  await expect(popup.locator('.pill-title')).toHaveText('Bridge host not registered');
  await popup.locator('.pill-button').click();
  const status = popup.locator('#panel-bridge');
  await expect(status).toContainText('npm run register');
  await expect(status).toContainText('Specified native messaging host not found.');
  await expect(status).toContainText('not listening');
  await expect(status).toContainText('No agent has a session open.');
  await popup.screenshot({ path: testInfo.outputPath('popup-not-registered.png') });
});
