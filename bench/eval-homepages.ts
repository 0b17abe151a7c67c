// Robustness and speed eval (`npm run eval:homepages`): the 258 real homepages (2013) of
// `../shared/corpus/homepages/files`, served from 127.0.0.1 with every other request aborted,
// observed through the real bridge with the default options and with `scope: 'page'`. Each page
// is bounded (PAGE_TIMEOUT_MS) and a failure is recorded, not fatal. Prints markdown tables;
// skips when the corpus is absent. EVAL_PAGES=N caps the pages, EVAL_ONLY=<substring> picks
// files, EVAL_OUT=<file> writes the per-page results as JSON, EVAL_DUMP=<dir> every answer.
import { readdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createTabsightClient, type TabsightClient } from '../src/client';
import { launchWithExtension, type Launched } from '../e2e/support/launch';
import { serveFolder, type StaticServer } from '../e2e/support/static-server';
import { MODES, measurePage, within, type Mode, type PageResult } from './homepages-measure';
import { report } from './homepages-report';
import { corpusOrSkip, loopbackOnly } from './support';

const PAGE_LIMIT = Number(process.env.EVAL_PAGES ?? 1000);
const ONLY = process.env.EVAL_ONLY ?? '';

interface SessionTab {
  id: string;
  tab: Page;
}

let opened = 0;

/** A session in its own window, and Playwright's handle on that window's tab. */
async function openSession(
  ext: Launched,
  client: TabsightClient,
  site: StaticServer,
): Promise<SessionTab> {
  // A unique start URL (a 404 of our server) tells the session's tab apart from earlier ones.
  const marker = site.url(`/session-${++opened}`);
  const { session_id } = await client.start({ url: marker });
  for (let i = 0; i < 100; i++) {
    const tab = ext.context.pages().find((p) => p.url() === marker);
    if (tab) {
      return { id: session_id, tab };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the session tab did not appear');
}

async function closeSession(client: TabsightClient, session: SessionTab): Promise<void> {
  await within(5_000, client.stop(session.id)).catch(() => undefined);
  await within(5_000, session.tab.close()).catch(() => undefined);
}

async function main(): Promise<void> {
  const corpus = corpusOrSkip('homepages/files');
  if (!corpus) {
    return;
  }
  const files = readdirSync(corpus)
    .filter((f) => f.endsWith('.html') && f.includes(ONLY))
    .sort()
    .slice(0, PAGE_LIMIT);
  const site = await serveFolder(corpus);
  const ext = await launchWithExtension();
  const results: PageResult[] = [];
  try {
    await loopbackOnly(ext.context);
    const client = createTabsightClient({ url: ext.bridgeUrl, token: ext.token });
    let session = await openSession(ext, client, site);
    for (const [i, file] of files.entries()) {
      const result = await measurePage(
        client,
        ext.worker,
        session.tab,
        session.id,
        file,
        site.url(`/${file}`),
      );
      results.push(result);
      const line = (Object.keys(MODES) as Mode[])
        .map((m) => {
          const r = result.modes[m];
          return `${m} ${r?.ok ? `${r.observeMs.toFixed(0)} ms ${r.answerChars} ch` : `FAILED ${r?.status}`}`;
        })
        .join(', ');
      console.log(`[${i + 1}/${files.length}] ${file.slice(0, 16)}… ${line}`);
      // A timed-out page may still hold its tab; the next page gets a fresh session and window.
      if (Object.values(result.modes).some((r) => r?.status === 'timeout')) {
        await closeSession(client, session);
        session = await openSession(ext, client, site);
      }
    }
    await closeSession(client, session);
  } finally {
    await ext.close();
    await site.close();
  }
  if (process.env.EVAL_OUT) {
    writeFileSync(process.env.EVAL_OUT, JSON.stringify(results, null, 1));
  }
  report(results, Object.keys(MODES) as Mode[]);
}

await main();
