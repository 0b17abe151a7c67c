import path from 'node:path';
import { test as base } from '@playwright/test';
import { createTabsightClient, type TabsightClient } from '../../src/client';
import { launchWithExtension, REPO_ROOT, type Launched } from './launch';
import { serveFolder, type StaticServer } from './static-server';

export const PAGES_DIR = path.join(REPO_ROOT, 'e2e', 'pages');

interface WorkerFixtures {
  ext: Launched;
  /** The test pages on a real-looking site (http://site.test:<port>, a non-secure context). */
  site: StaticServer;
  /** A second site serving the same pages, for cross-origin frames. */
  otherSite: StaticServer;
  client: TabsightClient;
}

/**
 * Worker-scoped: one browser, one bridge and two static sites for all specs of a worker. The
 * sites have `*.test` host names the browser maps to loopback, so every suite runs in the
 * non-secure, cross-site conditions of the web.
 */
export const test = base.extend<object, WorkerFixtures>({
  ext: [
    async ({}, use) => {
      const launched = await launchWithExtension();
      await use(launched);
      await launched.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  site: [
    async ({}, use) => {
      const server = await serveFolder(PAGES_DIR, 'site.test');
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  otherSite: [
    async ({}, use) => {
      const server = await serveFolder(PAGES_DIR, 'other.test');
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  client: [
    async ({ ext }, use) => {
      await use(createTabsightClient({ url: ext.bridgeUrl, token: ext.token }));
    },
    { scope: 'worker' },
  ],
});

export const expect = test.expect;
