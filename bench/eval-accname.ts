// Accessible-name eval: loads every page of the WPT accname corpus in Chromium with the
// extension and compares names with each `data-expectedlabel` (whitespace-normalised): (a) listed
// in the action space with exactly that name, over all expected elements; (b) exact over the
// listed ones; (c) exact for our naming function over all of them (`content.name`).
// Elements are counted in the loaded DOM: 5 of the 383 in the sources sit inside HTML comments.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { launchWithExtension } from '../e2e/support/launch';
import { serveFolder } from '../e2e/support/static-server';
import { REPO_ROOT } from '../e2e/support/launch';
import { emptyAgreement, measureAgreement, type Agreement } from './chromium-agreement';
import {
  askTopFrame,
  collectInPage,
  probeInPage,
  corpusOrSkip,
  loopbackOnly,
  printTable,
} from './support';

const EXPECTED = '[data-expectedlabel]';
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? htmlFiles(file) : name.endsWith('.html') ? [file] : [];
  });
}

async function namesInPage(worker: Worker, page: Page): Promise<string[]> {
  // The content script is a module that loads a moment after the page: retry until it answers.
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = await askTopFrame(worker, page.url(), {
        method: 'content.name',
        params: { selector: EXPECTED },
      });
      return (reply as { result?: { names: string[] } }).result?.names ?? [];
    } catch (err) {
      if (attempt >= 20) {
        throw err;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function main(): Promise<void> {
  const root = corpusOrSkip('wpt-accname/tests/assets/wpt');
  if (!root) {
    return;
  }
  const files = htmlFiles(path.join(root, 'accname', 'name'));
  const site = await serveFolder(root);
  const ext = await launchWithExtension();
  await loopbackOnly(ext.context);
  const page = await ext.context.newPage();
  let total = 0;
  let listed = 0;
  let listedExact = 0;
  let namedExact = 0;
  const misses: string[] = [];
  const wpt = emptyAgreement();
  for (const file of files) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    await page.goto(site.url(`/${rel}`), { waitUntil: 'load' });
    const expected = await page.evaluate(
      (sel) => Array.from(document.querySelectorAll(sel), (e) => e.getAttribute(sel.slice(1, -1))),
      EXPECTED,
    );
    const names = await namesInPage(ext.worker, page);
    expected.forEach((label, i) => {
      total += 1;
      if (norm(names[i] ?? '') === norm(label ?? '')) {
        namedExact += 1;
      } else {
        misses.push(`${rel}: expected "${norm(label ?? '')}", named "${names[i] ?? ''}"`);
      }
    });
    const snapshot = await collectInPage(ext.worker, page, {
      scope: 'page',
      data: false,
      ids_in_markdown: false,
      selectors: true,
      only_main_content: true,
      // As observe does: listeners only the page's world sees count (src/content/perceive/listeners.ts).
      listeners: await probeInPage(page),
    });
    for (const element of snapshot.elements) {
      if (!element.selector || element.selector.in_shadow_root) {
        continue;
      }
      const label = await page.evaluate(
        (css) => document.querySelector(css)?.getAttribute('data-expectedlabel') ?? null,
        element.selector.css_selector,
      );
      if (label !== null) {
        listed += 1;
        listedExact += norm(label) === norm(element.name) ? 1 : 0;
      }
    }
    await measureAgreement(ext.worker, page, rel, wpt);
  }
  const ownPages = path.join(REPO_ROOT, 'e2e', 'pages', 'perception');
  const own = await serveFolder(ownPages);
  const ours = emptyAgreement();
  for (const file of htmlFiles(ownPages)) {
    const rel = path.relative(ownPages, file).split(path.sep).join('/');
    await page.goto(own.url(`/${rel}`), { waitUntil: 'load' });
    await measureAgreement(ext.worker, page, `perception/${rel}`, ours);
  }
  await own.close();
  const pct = (n: number, of: number) =>
    `${n}/${of} (${((100 * n) / Math.max(of, 1)).toFixed(1)}%)`;
  console.log(`\nWPT accname: ${files.length} pages, ${total} elements with data-expectedlabel\n`);
  printTable([
    {
      '(a) listed with exact name / all': pct(listedExact, total),
      '(b) exact name / listed': pct(listedExact, listed),
      '(c) naming function exact / all': pct(namedExact, total),
    },
  ]);
  console.log("\nAgreement with Chromium's accessibility tree (Accessibility.getFullAXTree)\n");
  const agreement = (set: string, a: Agreement) => ({
    pages: set,
    'naming function exact / all exposed': pct(a.allExact, a.all),
    'listed name exact / listed': pct(a.listedExact, a.listed),
  });
  printTable([agreement('WPT accname', wpt), agreement('e2e perception pages', ours)]);
  if (process.env.EVAL_VERBOSE) {
    console.log(misses.join('\n'));
    console.log('\nlisted, named otherwise than Chromium:');
    console.log([...wpt.misses, ...ours.misses].join('\n'));
    if (process.env.EVAL_VERBOSE === 'all') {
      console.log('\nexposed, named otherwise than Chromium:');
      console.log([...wpt.allMisses, ...ours.allMisses].join('\n'));
    }
  }
  await ext.close();
  await site.close();
}

await main();
