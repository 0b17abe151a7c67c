// Page-content eval (`npm run eval:content`): our `data` (markdown, images, structured metadata)
// against the readability and metascraper corpora, loaded in Chromium with the built extension
// (no bridge needed). Prints markdown tables; skips a corpus that is absent.
// EVAL_PAGES=N caps pages per corpus, EVAL_VERBOSE=1 lists the worst pages and misses.
import { readdirSync } from 'node:fs';
import { evalMetascraper, reportMetascraper } from './eval-metascraper';
import { evalReadability, reportReadability } from './eval-readability';
import { corpusOrSkip, launchExtensionOnly, loopbackOnly } from './support';

const PAGE_LIMIT = Number(process.env.EVAL_PAGES ?? 1000);

async function main(): Promise<void> {
  const readability = corpusOrSkip('readability/test/test-pages');
  const metascraper = corpusOrSkip('metascraper');
  if (!readability && !metascraper) {
    return;
  }
  const ext = await launchExtensionOnly();
  try {
    await loopbackOnly(ext.context);
    // One tab for every page keeps the run to a single renderer on a shared machine.
    const tab = await ext.context.newPage();
    if (readability) {
      const cases = await evalReadability(readability, ext.worker, tab, PAGE_LIMIT);
      reportReadability(cases, Math.min(PAGE_LIMIT, readdirSync(readability).length));
    }
    if (metascraper) {
      const cases = await evalMetascraper(metascraper, ext.worker, tab, PAGE_LIMIT);
      const total = readdirSync(metascraper, { withFileTypes: true }).filter((d) =>
        d.isDirectory(),
      );
      reportMetascraper(cases, Math.min(PAGE_LIMIT, total.length));
    }
  } finally {
    await ext.close();
  }
}

await main();
