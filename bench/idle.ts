// Idle cost: what the extension costs on pages nobody observes. Two Chromiums with the same flags,
// one with the built extension and one without, load the same pages in turns (alternating which
// goes first); each load is read after `load` from the page's own navigation timing and from
// Chromium's main-thread counters (CDP Performance.getMetrics: TaskDuration, ScriptDuration).
// The per-frame figure comes from a page with FRAMES same-origin frames (one renderer, so its
// counters include every frame) against a page without frames.
//
//   IDLE_RUNS=15 IDLE_PAGES=20 npm run bench:idle
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import {
  CHROMIUM_PATH,
  HOST_RESOLVER_RULES,
  launchChromiumWithExtension,
} from '../e2e/support/launch';
import { serveFolder } from '../e2e/support/static-server';
import { corpusOrSkip, loopbackOnly, median, printTable } from './support';

const RUNS = Number(process.env.IDLE_RUNS ?? 15);
const PAGE_LIMIT = Number(process.env.IDLE_PAGES ?? 20);
const FRAMES = 20;
/** After `load`, for the document_idle work of scripts to run and be counted. */
const SETTLE_MS = 300;

interface Load {
  /** loadEventEnd of the navigation, ms from its start. */
  loadMs: number;
  /** Main-thread task and script time of the renderer, ms. */
  taskMs: number;
  scriptMs: number;
  frames: number;
}

async function plainChromium(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    headless: true,
    executablePath: CHROMIUM_PATH,
    // The e2e launcher's flags, without the extension.
    args: [
      HOST_RESOLVER_RULES,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

async function loadOnce(context: BrowserContext, url: string): Promise<Load> {
  const page: Page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    const loadMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return nav.loadEventEnd - nav.startTime;
    });
    return {
      loadMs,
      taskMs: metric('TaskDuration'),
      scriptMs: metric('ScriptDuration'),
      frames: page.frames().length,
    };
  } finally {
    await page.close();
  }
}

function framesPage(count: number): string {
  const frames = Array.from(
    { length: count },
    (_, i) => `<iframe src="child.html?${i}" width="200" height="80"></iframe>`,
  ).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>frames</title></head><body>${frames}</body></html>`;
}

const CHILD = `<!doctype html><html><head><meta charset="utf-8"><title>child</title></head><body><p>A small frame with a <a href="#">link</a> and a <button>button</button>.</p></body></html>`;

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tabsight-idle-'));
  const site = path.join(scratch, 'site');
  mkdirSync(path.join(site, 'gen'), { recursive: true });
  writeFileSync(path.join(site, 'gen', 'frames.html'), framesPage(FRAMES));
  writeFileSync(path.join(site, 'gen', 'no-frames.html'), framesPage(0));
  writeFileSync(path.join(site, 'gen', 'child.html'), CHILD);
  const homepages = corpusOrSkip('homepages');
  const corpusFiles = homepages
    ? readdirSync(path.join(homepages, 'files'))
        .filter((f) => f.endsWith('.html'))
        .sort()
        .slice(0, PAGE_LIMIT)
    : [];
  const generated = await serveFolder(site, 'gen.test');
  const corpus = homepages ? await serveFolder(path.join(homepages, 'files'), 'home.test') : null;

  const withExt = await launchChromiumWithExtension(path.join(scratch, 'with'));
  const without = await plainChromium(path.join(scratch, 'without'));
  // Corpus pages reference hosts we cannot reach: only loopback goes through, for both.
  await loopbackOnly(withExt.context);
  await loopbackOnly(without);
  const browsers = { with: withExt.context, without } as const;

  const pages: { name: string; url: string }[] = [
    { name: 'no frames', url: generated.url('gen/no-frames.html') },
    { name: `${FRAMES} frames`, url: generated.url('gen/frames.html') },
    ...corpusFiles.map((f) => ({ name: f.slice(0, 8), url: corpus!.url(f) })),
  ];
  const results = new Map<string, { with: Load[]; without: Load[] }>();
  try {
    for (const { url } of pages) {
      // A first load of each page in each browser warms caches and compiles; it is not counted.
      await loadOnce(browsers.with, url);
      await loadOnce(browsers.without, url);
    }
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
      for (const { url } of pages) {
        const entry = results.get(url) ?? { with: [], without: [] };
        for (const which of order) {
          entry[which].push(await loadOnce(browsers[which], url));
        }
        results.set(url, entry);
      }
    }
  } finally {
    await withExt.context.close();
    await without.close();
    await generated.close();
    await corpus?.close();
    rmSync(scratch, { recursive: true, force: true });
  }

  const field = (loads: Load[], key: keyof Load) => median(loads.map((l) => l[key]));
  const rows = pages.map(({ name, url }) => {
    const r = results.get(url)!;
    return {
      page: name,
      frames: field(r.with, 'frames'),
      'load ms without': field(r.without, 'loadMs'),
      'load ms with': field(r.with, 'loadMs'),
      'task ms without': field(r.without, 'taskMs'),
      'task ms with': field(r.with, 'taskMs'),
      'script ms without': field(r.without, 'scriptMs'),
      'script ms with': field(r.with, 'scriptMs'),
    };
  });
  const generatedRows = rows.slice(0, 2);
  const corpusRows = rows.slice(2);
  console.log(`\nIdle cost, medians of ${RUNS} alternating runs per page and browser\n`);
  printTable(generatedRows);
  const extra = (row: (typeof rows)[number]) => row['task ms with'] - row['task ms without'];
  const perFrame = (extra(rows[1]!) - extra(rows[0]!)) / FRAMES;
  console.log(
    `\nextra main-thread ms: ${extra(rows[0]!).toFixed(2)} on a page without frames, ` +
      `${extra(rows[1]!).toFixed(2)} with ${FRAMES} frames: ${perFrame.toFixed(2)} ms per frame`,
  );
  if (corpusRows.length > 0) {
    const loadExtra = corpusRows.map((r) => r['load ms with'] - r['load ms without']);
    const taskExtra = corpusRows.map(extra);
    console.log(
      `\n${corpusRows.length} corpus homepages: median load ${median(corpusRows.map((r) => r['load ms without'])).toFixed(1)} ms without, ` +
        `${median(corpusRows.map((r) => r['load ms with'])).toFixed(1)} ms with the extension ` +
        `(median difference ${median(loadExtra).toFixed(1)} ms); median extra main-thread ${median(taskExtra).toFixed(2)} ms per page`,
    );
  }
}

await main();
