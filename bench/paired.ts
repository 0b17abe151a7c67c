// Paired comparison of two builds of the extension: both loaded in one Chromium, taking turns
// (in alternating order) at perceiving the same generated list page. Single benchmark runs on a
// small machine vary by ±30%; pairs taken moments apart share the machine's state, so "B faster
// in n of N pairs" tells a real change from noise where two medians of separate runs cannot.
//
//   PAIRED_A=<built dist of the old tree> PAIRED_B=dist PAIRED_RUNS=40 npm run bench:paired
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from '@playwright/test';
import { launchChromiumWithExtension } from '../e2e/support/launch';
import { serveFolder } from '../e2e/support/static-server';
import { collectInPage, loopbackOnly, median, percentile, printTable } from './support';
import { listPage } from './list-page';

const RUNS = Number(process.env.PAIRED_RUNS ?? 30);
const ROWS = Number(process.env.PAIRED_ROWS ?? 4000);
const NAMES = ['A', 'B'] as const;

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `set ${name} to a built extension folder (e.g. ${name}=dist after npm run build)`,
    );
  }
  return path.resolve(value);
}

// Two copies of one extension need two ids: without the manifest's fixed key, Chrome derives
// each id from the folder. The name tells the service workers apart.
function unpackedCopy(source: string, name: string, into: string): string {
  const target = path.join(into, name);
  cpSync(source, target, { recursive: true });
  const manifestPath = path.join(target, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  delete manifest.key;
  manifest.name = name;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return target;
}

async function main(): Promise<void> {
  const sources = { A: required('PAIRED_A'), B: required('PAIRED_B') };
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tabsight-paired-'));
  const dirs = NAMES.map((name) => unpackedCopy(sources[name], name, scratch));
  mkdirSync(path.join(scratch, 'site'));
  writeFileSync(path.join(scratch, 'site', 'list.html'), listPage(ROWS));
  const site = await serveFolder(path.join(scratch, 'site'));
  const { context } = await launchChromiumWithExtension(
    path.join(scratch, 'profile'),
    undefined,
    dirs,
  );
  try {
    await loopbackOnly(context);
    for (let i = 0; i < 100 && context.serviceWorkers().length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const workers = new Map<string, Worker>();
    for (const worker of context.serviceWorkers()) {
      workers.set(await worker.evaluate(() => chrome.runtime.getManifest().name), worker);
    }
    if (!workers.has('A') || !workers.has('B')) {
      throw new Error('both builds must load as extensions: is each folder a built dist/?');
    }
    const page = await context.newPage();
    await page.goto(site.url('/list.html'), { waitUntil: 'load' });
    const options = {
      scope: 'page' as const,
      data: false,
      ids_in_markdown: false,
      selectors: false,
      only_main_content: true,
    };
    const times = { A: new Map<string, number[]>(), B: new Map<string, number[]>() };
    for (let run = -2; run < RUNS; run++) {
      for (const name of run % 2 === 0 ? NAMES : [...NAMES].reverse()) {
        const snapshot = await collectInPage(workers.get(name)!, page, options);
        if (run < 0) {
          continue; // warm-up
        }
        for (const [phase, ms] of Object.entries(snapshot.timings_ms)) {
          const list = times[name].get(phase) ?? [];
          list.push(ms);
          times[name].set(phase, list);
        }
      }
    }
    console.log(`\n${ROWS * 3} elements, ${RUNS} pairs after 2 warm-up pairs (ms, scope page):\n`);
    printTable(
      [...times.A.keys()].map((phase) => {
        const a = times.A.get(phase)!;
        const b = times.B.get(phase)!;
        return {
          phase,
          'A median': median(a),
          'B median': median(b),
          'B / A': (median(b) / median(a)).toFixed(3),
          'A p25': percentile(a, 25),
          'B p25': percentile(b, 25),
          'B faster in': `${b.filter((x, i) => x < a[i]!).length}/${RUNS}`,
        };
      }),
    );
  } finally {
    await context.close();
    await site.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
