/**
 * The readability corpus: real saved pages with Readability's main content and metadata. We load
 * each `source.html` from 127.0.0.1, take our `data`, then run the peer extractors in the same
 * loaded page, and compare each with `expected.html` and `expected-metadata.json`. Agreement with
 * Readability, not truth: Readability itself scores near 1 here by construction.
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
  sameDate,
  shingleF1,
  stripSiteSuffix,
  textMatch,
  titleMatch,
  tokenF1,
  tokens,
  type F1,
  type ShingleScore,
} from './content-metrics';
import { collectPage, structuredField } from './eval-page';
import { runPeers, type PeerName } from './eval-peers';

interface Expected {
  title?: string | null;
  byline?: string | null;
  excerpt?: string | null;
  publishedTime?: string | null;
}

export type Extractor = 'tabsight' | PeerName;
export const EXTRACTORS: readonly Extractor[] = ['tabsight', 'readability', 'defuddle'];

/** One extractor's result on one page. */
export interface Scored {
  token: F1;
  shingle: ShingleScore;
  title: { exact: boolean; suffix: boolean } | null;
  author: boolean | null;
  ms: number;
  ours: { title: string | null; author: string | null };
}

export interface ReadabilityCase {
  name: string;
  by: Partial<Record<Extractor, Scored>>;
  excerpt: { exact: boolean; partial: boolean } | null;
  /** Our published_time is the expected day; null when none is expected. */
  published: boolean | null;
  /** Our title is the expected one once a site suffix is off both. */
  headline: boolean | null;
  oursPublished: string | null;
  imagesExpected: number;
  imagesFound: number;
  oursExcerpt: string | null;
  expected: Expected;
}

/** Readability's tests ran with this URL as the page's base, so expected.html links carry it. */
const EXPECTED_BASE = 'http://fakehost/test/page.html';

/** Readability keeps some `Headline | Site` titles; we return the headline: compare headlines. */
function headlineMatch(ours: string | null, expected: string): boolean {
  return (
    titleMatch(ours, expected).suffix ||
    (ours !== null && norm(stripSiteSuffix(ours)) === norm(stripSiteSuffix(expected)))
  );
}

function authorMatch(ours: string | null, byline: string | null | undefined): boolean | null {
  if (!byline) {
    return null;
  }
  return ours !== null && (norm(ours) === norm(byline) || norm(byline).includes(norm(ours)));
}

function score(
  words: string[],
  want: string[],
  expected: Expected,
  meta: { title: string | null; author: string | null },
  ms: number,
): Scored {
  return {
    token: tokenF1(words, want),
    shingle: shingleF1(words, want),
    title: expected.title ? titleMatch(meta.title, expected.title) : null,
    author: authorMatch(meta.author, expected.byline),
    ms,
    ours: meta,
  };
}

export async function evalReadability(
  dir: string,
  worker: Worker,
  tab: Page,
  limit: number,
  filter?: RegExp,
): Promise<ReadabilityCase[]> {
  const site = await serveFolder(dir);
  const names = readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'source.html')))
    .filter((name) => !filter || filter.test(name))
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
      const wantWords = tokens(want.text);
      try {
        const url = site.url(`/${name}/source.html`);
        const { page, pageMs } = await collectPage(worker, tab, url);
        const peers = await runPeers(tab, name);
        // Hosts differ (fakehost vs 127.0.0.1), so images compare by file name.
        const ours = new Set(
          page.images
            .filter((image) => image.category === 'content_image' && image.url)
            .map((image) => fileName(image.url!)),
        );
        const wanted = [...new Set(want.images.map(fileName).filter(Boolean))];
        const excerpt = structuredField(page, 'description');
        const published = structuredField(page, 'published_time');
        const title = structuredField(page, 'title');
        const by: ReadabilityCase['by'] = {
          tabsight: score(
            tokens(markdownText(page.markdown)),
            wantWords,
            expected,
            { title: structuredField(page, 'title'), author: structuredField(page, 'author') },
            pageMs,
          ),
        };
        for (const [peer, result] of Object.entries(peers) as [PeerName, typeof peers.defuddle][]) {
          if (result) {
            by[peer] = score(
              tokens(htmlContent(result.html, url).text),
              wantWords,
              expected,
              { title: result.title, author: result.author },
              result.ms,
            );
          }
        }
        cases.push({
          name,
          by,
          excerpt: expected.excerpt ? textMatch(excerpt, expected.excerpt) : null,
          published: expected.publishedTime ? sameDate(published, expected.publishedTime) : null,
          headline: expected.title ? headlineMatch(title, expected.title) : null,
          oursPublished: published,
          imagesExpected: wanted.length,
          imagesFound: wanted.filter((file) => ours.has(file)).length,
          oursExcerpt: excerpt,
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
