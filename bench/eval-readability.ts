/**
 * The readability corpus: real saved pages with Readability's main content and metadata. We load
 * each `source.html` from 127.0.0.1 and compare our `data` with `expected.html` and
 * `expected-metadata.json`. Agreement with Readability, not truth.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { serveFolder } from '../e2e/support/static-server';
import {
  fileName,
  htmlContent,
  markdownText,
  norm,
  textMatch,
  titleMatch,
  tokenF1,
  tokens,
  type F1,
} from './content-metrics';
import { collectPage, pct, structuredField } from './eval-page';
import { median, percentile, printTable } from './support';

interface Expected {
  title?: string | null;
  byline?: string | null;
  excerpt?: string | null;
}

export interface ReadabilityCase {
  name: string;
  f1: F1;
  title: { exact: boolean; suffix: boolean } | null;
  excerpt: { exact: boolean; partial: boolean } | null;
  author: boolean | null;
  imagesExpected: number;
  imagesFound: number;
  pageMs: number;
  ours: { title: string | null; excerpt: string | null };
  expected: Expected;
}

/** Readability's tests ran with this URL as the page's base, so expected.html links carry it. */
const EXPECTED_BASE = 'http://fakehost/test/page.html';

export async function evalReadability(
  dir: string,
  worker: Worker,
  tab: Page,
  limit: number,
): Promise<ReadabilityCase[]> {
  const site = await serveFolder(dir);
  const names = readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'source.html')))
    .sort()
    .slice(0, limit);
  const cases: ReadabilityCase[] = [];
  try {
    for (const name of names) {
      const folder = path.join(dir, name);
      const expected = JSON.parse(
        readFileSync(path.join(folder, 'expected-metadata.json'), 'utf8'),
      ) as Expected;
      const want = htmlContent(
        readFileSync(path.join(folder, 'expected.html'), 'utf8'),
        EXPECTED_BASE,
      );
      try {
        const { page, pageMs } = await collectPage(worker, tab, site.url(`/${name}/source.html`));
        // Hosts differ (fakehost vs 127.0.0.1), so images compare by file name.
        const ours = new Set(
          page.images
            .filter((image) => image.category === 'content_image' && image.url)
            .map((image) => fileName(image.url!)),
        );
        const wanted = [...new Set(want.images.map(fileName).filter(Boolean))];
        const title = structuredField(page, 'title');
        const excerpt = structuredField(page, 'description');
        const author = structuredField(page, 'author');
        cases.push({
          name,
          f1: tokenF1(tokens(markdownText(page.markdown)), tokens(want.text)),
          title: expected.title ? titleMatch(title, expected.title) : null,
          excerpt: expected.excerpt ? textMatch(excerpt, expected.excerpt) : null,
          author: expected.byline
            ? author !== null &&
              (norm(author) === norm(expected.byline) ||
                norm(expected.byline).includes(norm(author)))
            : null,
          imagesExpected: wanted.length,
          imagesFound: wanted.filter((file) => ours.has(file)).length,
          pageMs,
          ours: { title, excerpt },
          expected,
        });
      } catch (error) {
        console.log(`  ${name}: ${String(error).slice(0, 160)}`);
      }
    }
  } finally {
    await site.close();
  }
  return cases;
}

export function reportReadability(cases: readonly ReadabilityCase[], total: number): void {
  const f1 = cases.map((c) => c.f1.f1);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  const titled = cases.filter((c) => c.title);
  const excerpted = cases.filter((c) => c.excerpt);
  const bylined = cases.filter((c) => c.author !== null);
  const imagesExpected = cases.reduce((sum, c) => sum + c.imagesExpected, 0);
  const imagesFound = cases.reduce((sum, c) => sum + c.imagesFound, 0);
  const ms = cases.map((c) => c.pageMs);
  const count = (list: readonly ReadabilityCase[], ok: (c: ReadabilityCase) => boolean) =>
    pct(list.filter(ok).length, list.length);
  console.log(`\nReadability corpus: ${cases.length} of ${total} pages measured\n`);
  printTable([
    {
      measure: 'token F1 mean / median',
      value: `${mean(f1).toFixed(3)} / ${median(f1).toFixed(3)}`,
    },
    {
      measure: 'precision / recall mean',
      value: `${mean(cases.map((c) => c.f1.precision)).toFixed(3)} / ${mean(cases.map((c) => c.f1.recall)).toFixed(3)}`,
    },
    { measure: 'pages with F1 ≥ 0.8', value: count(cases, (c) => c.f1.f1 >= 0.8) },
    { measure: 'title exact', value: count(titled, (c) => c.title!.exact) },
    { measure: 'title after site-suffix strip', value: count(titled, (c) => c.title!.suffix) },
    { measure: 'excerpt exact', value: count(excerpted, (c) => c.excerpt!.exact) },
    { measure: 'excerpt starts-with', value: count(excerpted, (c) => c.excerpt!.partial) },
    { measure: 'author (byline)', value: count(bylined, (c) => c.author === true) },
    { measure: 'content-image recall (by file name)', value: pct(imagesFound, imagesExpected) },
    {
      measure: 'markdown time ms (timings_ms.page) median / p90',
      value: `${median(ms).toFixed(1)} / ${percentile(ms, 90).toFixed(1)}`,
    },
  ]);
  if (process.env.EVAL_VERBOSE) {
    const worst = [...cases].sort((a, b) => a.f1.f1 - b.f1.f1).slice(0, 12);
    console.log('\nLowest F1:');
    for (const c of worst) {
      console.log(
        `  ${c.name}: F1 ${c.f1.f1.toFixed(2)} P ${c.f1.precision.toFixed(2)} R ${c.f1.recall.toFixed(2)}`,
      );
    }
    console.log('\nTitle / excerpt misses:');
    for (const c of cases) {
      if (c.title && !c.title.suffix) {
        console.log(
          `  ${c.name} title: ours ${JSON.stringify(c.ours.title)} want ${JSON.stringify(c.expected.title)}`,
        );
      }
      if (c.excerpt && !c.excerpt.partial) {
        console.log(
          `  ${c.name} excerpt: ours ${JSON.stringify(c.ours.excerpt?.slice(0, 80))} want ${JSON.stringify(c.expected.excerpt?.slice(0, 80))}`,
        );
      }
    }
  }
}
