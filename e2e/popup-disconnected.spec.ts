import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { NATIVE_HOST_NAME } from '../src/shared/protocol/bridge-link';
import { expect, test } from './support/fixtures';
import { DIST, launchChromiumWithExtension } from './support/launch';
import { extensionIdOfManifest } from '../src/bridge/extension-id';

const extensionIdOfKey = (): string => extensionIdOfManifest(path.join(DIST, 'manifest.json'));

interface Bare {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * A browser with the extension but not the real bridge. Without `hostScript` no native host is
 * registered in the profile, as on a fresh install; with it, the registered host is that script.
 */
async function launchBare(hostScript?: string): Promise<Bare> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tabsight-e2e-bare-'));
  const profileDir = path.join(scratch, 'profile');
  if (hostScript) {
    const host = path.join(scratch, 'host.sh');
    writeFileSync(host, hostScript);
    chmodSync(host, 0o755);
    mkdirSync(path.join(profileDir, 'NativeMessagingHosts'), { recursive: true });
    writeFileSync(
      path.join(profileDir, 'NativeMessagingHosts', `${NATIVE_HOST_NAME}.json`),
      JSON.stringify({
        name: NATIVE_HOST_NAME,
        description: 'a host that exits at once',
        path: host,
        type: 'stdio',
        allowed_origins: [`chrome-extension://${extensionIdOfKey()}/`],
      }),
    );
  }
  const { context, worker } = await launchChromiumWithExtension(profileDir);
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    close: async () => {
      await context.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

async function openPopupOn(bare: Bare, url: string): Promise<{ page: Page; popup: Page }> {
  const page = await bare.context.newPage();
  await page.goto(url);
  const tabId = await bare.worker.evaluate(
    async (u) => (await chrome.tabs.query({ url: u }))[0]?.id,
    page.url(),
  );
  const popup = await bare.context.newPage();
  await popup.setViewportSize({ width: 420, height: 560 });
  await popup.goto(`chrome-extension://${bare.extensionId}/src/popup/index.html?tab=${tabId}`);
  return { page, popup };
}

test.describe('the popup with a disconnected bridge', () => {
  test('explains a host that is not registered', async ({ site }, testInfo) => {
    const bare = await launchBare();
    try {
      const { popup } = await openPopupOn(bare, site.url('/popup-fixture.html'));
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
    } finally {
      await bare.close();
    }
  });

  test('explains a host that exited', async ({ site }, testInfo) => {
    const bare = await launchBare('#!/bin/sh\nexit 1\n');
    try {
      const { popup } = await openPopupOn(bare, site.url('/popup-fixture.html'));
      await expect(popup.locator('.pill-title')).toHaveText('Bridge host exited');
      await popup.locator('.pill-button').click();
      await expect(popup.locator('#panel-bridge')).toContainText('Native host has exited.');
      await expect(popup.locator('#panel-bridge')).toContainText('port');
      await popup.screenshot({ path: testInfo.outputPath('popup-host-exited.png') });
    } finally {
      await bare.close();
    }
  });
});
