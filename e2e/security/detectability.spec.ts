import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame } from '@playwright/test';
import { DIST } from '../support/launch';
import { expect, shopUrl, test } from './sites';

/** Every file of the built extension, as `chrome-extension://<id>/` paths. */
const distFiles = (): string[] =>
  readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(DIST, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join('/'));

/**
 * What any page can try, in its own script: fetch each of our files, and load each as a script
 * and as an image (a load event tells a page the file exists even without reading it).
 */
const probe = (frame: Frame, urls: string[]) =>
  frame.evaluate(async (list) => {
    const found: string[] = [];
    const loads = (tag: 'script' | 'img', url: string) =>
      new Promise<boolean>((resolve) => {
        const element = document.createElement(tag);
        element.addEventListener('load', () => resolve(true));
        element.addEventListener('error', () => resolve(false));
        element.setAttribute('src', url);
        document.body.append(element);
        setTimeout(() => resolve(false), 2_000);
      });
    for (const url of list) {
      const fetched = await fetch(url).then(
        () => true,
        () => false,
      );
      if (fetched || (await loads('script', url)) || (await loads('img', url))) {
        found.push(url);
      }
    }
    return found;
  }, urls);

test.describe('pages cannot detect the extension by its files', () => {
  test('the build has one classic content script and no web-accessible resources', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
      web_accessible_resources?: unknown;
      content_scripts: { js: string[] }[];
    };
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_scripts).toHaveLength(1);
    const [script] = manifest.content_scripts[0]!.js;
    expect(manifest.content_scripts[0]!.js).toHaveLength(1);
    const code = readFileSync(path.join(DIST, script!), 'utf8');
    // A classic script: no module syntax, and nothing it loads by URL at run time.
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toContain('chrome.runtime.getURL');
  });

  test('a page and its cross-site frames fetch none of our files; observe reads every frame', async ({
    ext,
    client,
    sites,
  }) => {
    const { session_id } = await client.start({ url: shopUrl(sites, '/security/login.html') });
    const observed = await client.observe(session_id, { scope: 'page' });
    // The honest use: the top frame, the ad frame and the card frame are all perceived.
    expect(observed.space.description).toContain('Sign in');
    expect(observed.space.description).toContain('Win a prize');
    expect(observed.space.description).toContain('Card number');
    expect(observed.skipped_frames).toBeUndefined();

    const page = ext.context.pages().find((p) => p.url().startsWith(sites.shop.origin))!;
    const urls = distFiles().map((file) => `chrome-extension://${ext.extensionId}/${file}`);
    expect(urls.length).toBeGreaterThan(3);
    const frames = page.frames();
    expect(frames.map((f) => new URL(f.url()).hostname).sort()).toEqual([
      'ads.test',
      'pay.test',
      'shop.test',
    ]);
    for (const frame of frames) {
      expect(await probe(frame, urls), frame.url()).toEqual([]);
    }
    // Probing changed nothing for the agent.
    const again = await client.observe(session_id, { scope: 'page' });
    expect(again.space.description).toContain('Win a prize');
    await client.stop(session_id);
  });
});
