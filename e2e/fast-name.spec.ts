// The fast naming path (src/content/perceive/fast-name.ts) is a shortcut of the full accname
// computation: on every element of the perception pages it answers for, in real Chromium, it
// must give the same name. A page where it answers for nothing would prove nothing: each page
// is also required to have some elements it answers for, or to be listed as having none.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { expect, test } from './support/fixtures';
import { PAGES_DIR } from './support/fixtures';
import type { NamePair } from './support/name-probe';

const PAGES = ['perception', 'categories'].flatMap((dir) =>
  readdirSync(path.join(PAGES_DIR, dir))
    .filter((name) => name.endsWith('.html'))
    .map((name) => `/${dir}/${name}`),
);

// Pages of only hard cases (every name needs the full computation): the shortcut must answer
// for none of their elements, and for some elements of every other page.
const NO_SHORTCUT = new Set([
  '/perception/names.html',
  '/perception/widgets.html',
  '/categories/captcha-box.html',
]);

// The probe bundle: our naming code as it is in src/, for the page's main world.
async function probeScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@shared': path.join(PAGES_DIR, '..', '..', 'src', 'shared') } },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: path.join(PAGES_DIR, '..', 'support', 'name-probe.ts'),
        formats: ['iife'],
        name: 'tabsightNameProbeBundle',
      },
    },
  });
  const result = Array.isArray(output) ? output[0]! : output;
  if (!('output' in result)) {
    throw new Error('the name probe bundle did not build');
  }
  return result.output[0].code;
}

test.describe('fast names agree with the full accname computation', () => {
  let script = '';
  test.beforeAll(async () => {
    script = await probeScript();
  });

  for (const pagePath of PAGES) {
    test(pagePath, async ({ ext, site }) => {
      const page = await ext.context.newPage();
      try {
        await page.goto(site.url(pagePath), { waitUntil: 'load' });
        await page.addScriptTag({ content: script });
        const { listed, all } = await page.evaluate(() =>
          (
            globalThis as unknown as {
              tabsightNameProbe: () => { listed: NamePair[]; all: NamePair[] };
            }
          ).tabsightNameProbe(),
        );
        const differing = (pairs: NamePair[]) => pairs.filter((p) => p.fast !== p.full);
        expect(differing(listed), 'listed targets named by the shortcut').toEqual([]);
        expect(differing(all), 'elements named by the shortcut').toEqual([]);
        const answered = all.length + listed.length;
        if (NO_SHORTCUT.has(pagePath)) {
          expect(answered, 'elements the shortcut answers for').toBe(0);
        } else {
          expect(answered, 'elements the shortcut answers for').toBeGreaterThan(0);
        }
      } finally {
        await page.close();
      }
    });
  }
});
