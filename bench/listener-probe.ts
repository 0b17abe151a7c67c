// Cost of the listener probe (src/background/observe/listener-probe.ts) in a page's main world:
// its own clock over the e2e perception pages, a 1200-row list bound with jQuery (each row a
// handler of its own, plus a trash icon each, as the e2e stand-in stores them), the same list
// delegated from the <ul>, and the 12k-element list of the paired bench (no listeners at all).
// `npm run bench:listeners`. Playwright's page.evaluate runs in the main world as
// executeScript({world: 'MAIN'}) does; the worker's round trip to the frame comes on top.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH, REPO_ROOT } from '../e2e/support/launch';
import { serveFolder } from '../e2e/support/static-server';
import type { ProbeResult } from '../src/background/observe/listener-probe';
import { listPage } from './list-page';
import { LISTENER_PROBE_CALL, median, percentile, printTable } from './support';

const RUNS = 15;
function jqueryList(rows: number, delegated: boolean): string {
  const items = Array.from(
    { length: rows },
    (_, i) => `<li class="row">Message ${i} <span class="trash">x</span></li>`,
  ).join('');
  // The storage jQuery 3 leaves (e2e/pages/perception/listeners/jquery-stand-in.js), in a block:
  // setContent keeps the window, and with it the last page's top-level consts.
  const bind = `{
    const expando = 'jQuery3610' + String(Math.random()).slice(2);
    window.jQuery = { expando };
    const on = (el, ...selectors) => {
      const handlers = selectors.length ? selectors.map((selector) => ({ type: 'click', origType: 'click', selector })) : [{ type: 'click', origType: 'click' }];
      const list = Object.assign(handlers, { delegateCount: selectors.length });
      el[expando + '1'] = { events: { click: list }, handle() {} };
    };
    ${
      delegated
        ? `on(document.getElementById('list'), '.row', '.trash');`
        : `for (const row of document.querySelectorAll('.row')) { on(row); on(row.querySelector('.trash')); }`
    }}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>jQuery list</title></head><body><ul id="list">${items}</ul><script>${bind}</script></body></html>`;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? htmlFiles(file) : name.endsWith('.html') ? [file] : [];
  });
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH });
  const page = await browser.newPage();
  const rows: Record<string, string | number>[] = [];
  const measure = async (label: string): Promise<void> => {
    const times: number[] = [];
    let last: ProbeResult | undefined;
    for (let run = 0; run < RUNS; run++) {
      last = await page.evaluate<ProbeResult>(LISTENER_PROBE_CALL);
      times.push(last.elapsed_ms);
    }
    rows.push({
      page: label,
      elements: last!.scanned,
      targets: last!.targets.length,
      delegations: last!.delegated.length,
      'median ms': median(times),
      'p90 ms': percentile(times, 90),
    });
  };
  const ownPages = path.join(REPO_ROOT, 'e2e', 'pages', 'perception');
  const site = await serveFolder(ownPages);
  for (const file of htmlFiles(ownPages)) {
    const rel = path.relative(ownPages, file).split(path.sep).join('/');
    await page.goto(site.url(`/${rel}`), { waitUntil: 'load' });
    await measure(rel);
  }
  await site.close();
  await page.setContent(jqueryList(1200, false));
  await measure('jQuery list, 1200 rows, handler per row and icon');
  await page.setContent(jqueryList(1200, true));
  await measure('jQuery list, 1200 rows, delegated from the list');
  await page.setContent(listPage(4000));
  await measure('12k-element list, no listeners');
  printTable(rows);
  await browser.close();
}

await main();
