// Page-content eval (`npm run eval:content`): our `data` (markdown, images, structured metadata)
// against the readability and metascraper corpora, loaded in Chromium with the built extension
// (no bridge needed). Prints markdown tables; skips a corpus that is absent.
// The readability corpus also runs the peer extractors (Readability, Defuddle) in the same pages.
// EVAL_PAGES=N caps pages per corpus, EVAL_ONLY=regex picks page folders by name,
// EVAL_CORPUS=readability|metascraper runs one corpus, EVAL_VERBOSE=1 lists worst pages and misses,
// EVAL_DUMP=<prefix> writes every page's answers to <prefix>-<corpus>.json (to diff two builds),
// EVAL_JSON=file writes the readability corpus's per-page F1 there.
import { readdirSync, writeFileSync } from 'node:fs';
import { evalMetascraper, reportMetascraper } from './eval-metascraper';
import { evalReadability } from './eval-readability';
import { reportReadability } from './eval-readability-report';
import { corpusOrSkip, launchExtensionOnly, loopbackOnly } from './support';

const PAGE_LIMIT = Number(process.env.EVAL_PAGES ?? 1000);
const ONLY = process.env.EVAL_ONLY ? new RegExp(process.env.EVAL_ONLY) : undefined;
const CORPUS = process.env.EVAL_CORPUS;
const DUMP = process.env.EVAL_DUMP;

function dump(corpus: string, cases: unknown): void {
  if (DUMP) {
    writeFileSync(`${DUMP}-${corpus}.json`, JSON.stringify(cases, null, 1));
  }
}

async function main(): Promise<void> {
  const readability = CORPUS === 'metascraper' ? null : corpusOrSkip('readability/test/test-pages');
  const metascraper = CORPUS === 'readability' ? null : corpusOrSkip('metascraper');
  if (!readability && !metascraper) {
    return;
  }
  const ext = await launchExtensionOnly();
  try {
    await loopbackOnly(ext.context);
    // One tab for every page keeps the run to a single renderer on a shared machine.
    const tab = await ext.context.newPage();
    if (readability) {
      const cases = await evalReadability(readability, ext.worker, tab, PAGE_LIMIT, ONLY);
      reportReadability(cases, Math.min(PAGE_LIMIT, readdirSync(readability).length));
      dump('readability', cases);
    }
    if (metascraper) {
      const cases = await evalMetascraper(metascraper, ext.worker, tab, PAGE_LIMIT);
      const total = readdirSync(metascraper, { withFileTypes: true }).filter((d) =>
        d.isDirectory(),
      );
      reportMetascraper(cases, Math.min(PAGE_LIMIT, total.length));
      dump('metascraper', cases);
    }
  } finally {
    await ext.close();
  }
}

await main();
