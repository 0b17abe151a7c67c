import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import { NATIVE_HOST_NAME } from '../src/shared/protocol/bridge-link';
import { expect, test } from './support/fixtures';
import { openToolbarPopup, type ToolbarPopup } from './support/toolbar-popup';
import { DIST, launchChromiumWithExtension } from './support/launch';
import { extensionIdOfManifest } from '../src/bridge/native/extension-id';

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

async function openPopupOn(bare: Bare, url: string): Promise<ToolbarPopup> {
  const page = await bare.context.newPage();
  await page.goto(url);
  return openToolbarPopup(bare, page);
}

const textOf = (popup: ToolbarPopup, selector: string) =>
  popup.run((doc, s) => doc.querySelector(s)?.textContent ?? '', selector);
const showBridgePanel = (popup: ToolbarPopup) =>
  popup.run((doc) => doc.querySelector<HTMLElement>('.pill-button')!.click());

test.describe('the popup with a disconnected bridge', () => {
  test('explains a host that is not registered', async ({ site }) => {
    const bare = await launchBare();
    try {
      const popup = await openPopupOn(bare, site.url('/popup-fixture.html'));
      // The page is observed without any bridge: the popup talks to the service worker only.
      await expect.poll(() => popup.run((doc) => doc.body.dataset.state)).toBe('ready');
      expect(await textOf(popup, '.title')).toBe('Popup fixture');
      await expect.poll(() => textOf(popup, '.pill-title')).toBe('Bridge host not registered');
      await showBridgePanel(popup);
      const status = await textOf(popup, '#panel-bridge');
      expect(status).toContain('npm run register');
      expect(status).toContain('Specified native messaging host not found.');
      expect(status).toContain('not listening');
      expect(status).toContain('No agent has a session open.');
    } finally {
      await bare.close();
    }
  });

  test('explains a host that exited', async ({ site }) => {
    const bare = await launchBare('#!/bin/sh\nexit 1\n');
    try {
      const popup = await openPopupOn(bare, site.url('/popup-fixture.html'));
      await expect.poll(() => textOf(popup, '.pill-title')).toBe('Bridge host exited');
      await showBridgePanel(popup);
      await expect.poll(() => textOf(popup, '#panel-bridge')).toContain('Native host has exited.');
      expect(await textOf(popup, '#panel-bridge')).toContain('port');
    } finally {
      await bare.close();
    }
  });
});
