// Perception benchmark: our in-page perception and end-to-end observe through the bridge, side by
// side with Playwright's `page.ariaSnapshot({mode: 'ai'})` in the same Chromium, on generated list
// pages and on the real pages of the readability corpus. Prints markdown tables.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createTabsightClient } from '../src/client';
import { launchWithExtension } from '../e2e/support/launch';
import { serveFolder } from '../e2e/support/static-server';
import {
  approxTokens,
  collectInPage,
  corpusOrSkip,
  loopbackOnly,
  median,
  percentile,
  printTable,
} from './support';
import { listPage } from './list-page';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGE_LIMIT = Number(process.env.BENCH_PAGES ?? 1000);

interface Measure {
  ours: number[];
  observe: number[];
  playwright: number[];
  /** Page content (markdown, images, structured data) time in the page, `data: true`. */
  markdown: number[];
  oursElements: number;
  playwrightRefs: number;
  oursTokens: number;
  playwrightTokens: number;
}

async function main(): Promise<void> {
  const generated = mkdtempSync(path.join(os.tmpdir(), 'tabsight-bench-'));
  mkdirSync(path.join(generated, 'gen'));
  writeFileSync(path.join(generated, 'gen', 'list-1200.html'), listPage(400));
  writeFileSync(path.join(generated, 'gen', 'list-12000.html'), listPage(4000));
  const genSite = await serveFolder(generated);
  const corpus = corpusOrSkip('readability/test/test-pages');
  const corpusSite = corpus ? await serveFolder(corpus) : null;

  const ext = await launchWithExtension();
  await loopbackOnly(ext.context);
  const client = createTabsightClient({ url: ext.bridgeUrl, token: ext.token });
  const { session_id } = await client.start({ url: genSite.url('/gen/list-1200.html') });
  const page: Page = await (async () => {
    for (let i = 0; i < 50; i++) {
      const found = ext.context.pages().find((p) => p.url().includes('/gen/list-1200.html'));
      if (found) {
        return found;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the session tab did not appear');
  })();

  // An agent observes the page its last action changed: one node added and removed drops the
  // browser's caches of the DOM (element.labels among them) before each of both tools' runs.
  const touchDom = () =>
    page.evaluate(() => {
      const node = document.createElement('span');
      document.body.append(node);
      node.remove();
    });

  async function measure(url: string, changed = false): Promise<Measure> {
    await page.goto(url, { waitUntil: 'load' });
    const m: Measure = {
      ours: [],
      markdown: [],
      observe: [],
      playwright: [],
      oursElements: 0,
      playwrightRefs: 0,
      oursTokens: 0,
      playwrightTokens: 0,
    };
    for (let run = 0; run <= RUNS; run++) {
      if (changed) {
        await touchDom();
      }
      const snapshot = await collectInPage(ext.worker, page, {
        scope: 'page',
        data: false,
        ids_in_markdown: false,
        selectors: false,
        only_main_content: true,
      });
      if (changed) {
        await touchDom();
      }
      let t = performance.now();
      const observation = await client.observe(session_id, {
        scope: 'page',
        data: false,
        max_nb_actions: 10_000,
      });
      const observeMs = performance.now() - t;
      if (changed) {
        await touchDom();
      }
      t = performance.now();
      const aria = await page.ariaSnapshot({ mode: 'ai' });
      const playwrightMs = performance.now() - t;
      if (changed) {
        await touchDom();
      }
      const content = await collectInPage(ext.worker, page, {
        scope: 'page',
        data: true,
        ids_in_markdown: false,
        selectors: false,
        only_main_content: true,
      });
      if (run === 0) {
        continue; // warm-up
      }
      m.ours.push(snapshot.timings_ms.perceive ?? NaN);
      m.markdown.push(content.timings_ms.page ?? NaN);
      m.observe.push(observeMs);
      m.playwright.push(playwrightMs);
      m.oursElements = observation.space.interaction_actions.length;
      m.playwrightRefs = (aria.match(/\[ref=/g) ?? []).length;
      m.oursTokens = approxTokens(observation.space.description);
      m.playwrightTokens = approxTokens(aria);
    }
    return m;
  }

  const rows: Record<string, string | number>[] = [];
  for (const [name, changed] of [
    ['list-1200', false],
    ['list-12000', false],
    ['list-1200', true],
    ['list-12000', true],
  ] as const) {
    const m = await measure(genSite.url(`/gen/${name}.html`), changed);
    rows.push({
      page: changed ? `${name}, after a DOM change` : name,
      'ours in-page ms': median(m.ours),
      'ours observe ms': median(m.observe),
      'playwright ms': median(m.playwright),
      'ratio pw/ours-in-page': median(m.playwright) / median(m.ours),
      'ours elements': m.oursElements,
      'pw refs': m.playwrightRefs,
      'ours tokens': m.oursTokens,
      'pw tokens': m.playwrightTokens,
    });
  }
  console.log(`\nGenerated list pages (median of ${RUNS} runs after a warm-up):\n`);
  printTable(rows);

  if (corpusSite && corpus && PAGE_LIMIT > 0) {
    const pages = readdirSync(corpus).slice(0, PAGE_LIMIT);
    const perPage: Measure[] = [];
    for (const name of pages) {
      try {
        perPage.push(await measure(corpusSite.url(`/${name}/source.html`)));
      } catch (err) {
        console.log(`  ${name}: ${String(err).slice(0, 120)}`);
      }
    }
    const med = (pick: (m: Measure) => number) => median(perPage.map(pick));
    const p90 = (pick: (m: Measure) => number) => percentile(perPage.map(pick), 90);
    console.log(
      `\nReadability corpus: ${perPage.length} real pages, per-page median of ${RUNS} runs; median and p90 over pages:\n`,
    );
    printTable([
      {
        measure: 'median',
        'ours in-page ms': med((m) => median(m.ours)),
        'ours markdown ms': med((m) => median(m.markdown)),
        'ours observe ms': med((m) => median(m.observe)),
        'playwright ms': med((m) => median(m.playwright)),
        'ours elements': med((m) => m.oursElements),
        'pw refs': med((m) => m.playwrightRefs),
        'ours tokens': med((m) => m.oursTokens),
        'pw tokens': med((m) => m.playwrightTokens),
      },
      {
        measure: 'p90',
        'ours in-page ms': p90((m) => median(m.ours)),
        'ours markdown ms': p90((m) => median(m.markdown)),
        'ours observe ms': p90((m) => median(m.observe)),
        'playwright ms': p90((m) => median(m.playwright)),
        'ours elements': p90((m) => m.oursElements),
        'pw refs': p90((m) => m.playwrightRefs),
        'ours tokens': p90((m) => m.oursTokens),
        'pw tokens': p90((m) => m.playwrightTokens),
      },
    ]);
  }
  await client.stop(session_id).catch(() => undefined);
  await ext.close();
  await genSite.close();
  await corpusSite?.close();
}

await main();
