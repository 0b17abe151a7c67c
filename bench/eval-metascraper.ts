/**
 * The metascraper corpus: real pages with the metadata metascraper extracts from them. Each
 * `input.html` is served from 127.0.0.1 with a `<base href>` of its real URL (`url.txt`)
 * injected when it has none, so relative links and icons resolve as they did on the real site.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import type { FramePage } from '../src/shared/protocol/frame-snapshot';
import { serveFolder } from '../e2e/support/static-server';
import { parseAvaSnapshot, type SnapshotValue } from './ava-snapshot';
import { norm, normUrl, sameDate, stripSiteSuffix, textMatch, titleMatch } from './content-metrics';
import { collectPage, pct, structuredField } from './eval-page';
import { median, percentile, printTable } from './support';

const FIELDS = [
  'title',
  'title (site suffix stripped)',
  'title (headline: site suffix off both)',
  'description',
  'description (starts-with)',
  'author',
  'date',
  'date (published or modified)',
  'image (any content_image)',
  'image (first content_image)',
  'logo (among favicon/icon)',
  'lang (primary subtag)',
  'publisher (site_name)',
] as const;
type Field = (typeof FIELDS)[number];

export interface MetascraperCase {
  name: string;
  /** Per field: null when the expectation is null (not counted), else whether we agree. */
  hits: Partial<Record<Field, boolean>>;
  ours: Record<string, string | null>;
  expected: Record<string, SnapshotValue>;
  pageMs: number;
}

/** `<base href>` right after `<head>` (or at the top), unless the page declares its own. */
export function withBase(html: string, url: string): string {
  if (/<base\b[^>]*\bhref\s*=/i.test(html)) {
    return html;
  }
  const tag = `<base href="${url.replace(/"/g, '&quot;')}">`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) {
    return (
      html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length)
    );
  }
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? doctype[0] + tag + html.slice(doctype[0].length) : tag + html;
}

function judge(
  page: FramePage,
  want: Record<string, SnapshotValue>,
  realUrl: string,
  served: string,
) {
  const str = (key: string) => (typeof want[key] === 'string' ? want[key] : null);
  // The browser's /favicon.ico fallback resolves against the document URL, our loopback one.
  const real = (url: string) =>
    url.startsWith(new URL(served).origin) ? new URL(new URL(url).pathname, realUrl).href : url;
  const urls = (categories: string[]) =>
    page.images
      .filter((image) => image.url && image.category && categories.includes(image.category))
      .map((image) => normUrl(real(image.url!)));
  const ours = {
    title: structuredField(page, 'title'),
    description: structuredField(page, 'description'),
    author: structuredField(page, 'author'),
    date: structuredField(page, 'published_time'),
    modified: structuredField(page, 'modified_time'),
    lang: structuredField(page, 'lang'),
    publisher: structuredField(page, 'site_name'),
  };
  const hits: Partial<Record<Field, boolean>> = {};
  const set = (field: Field, key: string, test: (expected: string) => boolean) => {
    const expected = str(key);
    if (expected !== null && expected !== '') {
      hits[field] = test(expected);
    }
  };
  set('title', 'title', (e) => titleMatch(ours.title, e).exact);
  set('title (site suffix stripped)', 'title', (e) => titleMatch(ours.title, e).suffix);
  // metascraper keeps `Headline | Site`; we return the headline: compare headlines.
  set(
    'title (headline: site suffix off both)',
    'title',
    (e) =>
      titleMatch(ours.title, e).suffix ||
      (ours.title !== null && norm(stripSiteSuffix(ours.title)) === norm(stripSiteSuffix(e))),
  );
  set('description', 'description', (e) => textMatch(ours.description, e).exact);
  set('description (starts-with)', 'description', (e) => textMatch(ours.description, e).partial);
  set('author', 'author', (e) => norm(ours.author) === norm(e));
  set('date', 'date', (e) => sameDate(ours.date, e));
  // metascraper's `date` is often the last modification: count either of ours.
  set(
    'date (published or modified)',
    'date',
    (e) => sameDate(ours.date, e) || sameDate(ours.modified, e),
  );
  const images = urls(['content_image']);
  set('image (any content_image)', 'image', (e) => images.includes(normUrl(e)));
  set('image (first content_image)', 'image', (e) => images[0] === normUrl(e));
  set('logo (among favicon/icon)', 'logo', (e) => urls(['favicon', 'icon']).includes(normUrl(e)));
  set('lang (primary subtag)', 'lang', (e) => norm(ours.lang).split(/[-_]/)[0] === norm(e));
  set('publisher (site_name)', 'publisher', (e) => norm(ours.publisher) === norm(e));
  return { hits, ours: { ...ours, image: images[0] ?? null } };
}

export async function evalMetascraper(
  dir: string,
  worker: Worker,
  tab: Page,
  limit: number,
): Promise<MetascraperCase[]> {
  const names = readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'input.html')))
    .sort()
    .slice(0, limit);
  // Served copies with <base> injected; latin1 keeps every byte as it was, whatever the charset.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tabsight-metascraper-'));
  for (const name of names) {
    const realUrl = readFileSync(path.join(dir, name, 'url.txt'), 'utf8').trim();
    const html = readFileSync(path.join(dir, name, 'input.html'), 'latin1');
    mkdirSync(path.join(scratch, name));
    writeFileSync(path.join(scratch, name, 'index.html'), withBase(html, realUrl), 'latin1');
  }
  const site = await serveFolder(scratch);
  const cases: MetascraperCase[] = [];
  try {
    for (const name of names) {
      const realUrl = readFileSync(path.join(dir, name, 'url.txt'), 'utf8').trim();
      const expected = parseAvaSnapshot(readFileSync(path.join(dir, name, 'expected.md'), 'utf8'));
      const served = site.url(`/${name}/index.html`);
      try {
        const { page, pageMs } = await collectPage(worker, tab, served);
        cases.push({ name, ...judge(page, expected, realUrl, served), expected, pageMs });
      } catch (error) {
        console.log(`  ${name}: ${String(error).slice(0, 160)}`);
      }
    }
  } finally {
    await site.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return cases;
}

export function reportMetascraper(cases: readonly MetascraperCase[], total: number): void {
  console.log(
    `\nMetascraper corpus: ${cases.length} of ${total} pages measured; each rate counts the pages whose expected value is not null\n`,
  );
  printTable(
    FIELDS.map((field) => {
      const judged = cases.filter((c) => c.hits[field] !== undefined);
      return { field, match: pct(judged.filter((c) => c.hits[field]).length, judged.length) };
    }),
  );
  const ms = cases.map((c) => c.pageMs);
  console.log(
    `\nmarkdown time ms (timings_ms.page): median ${median(ms).toFixed(1)}, p90 ${percentile(ms, 90).toFixed(1)}`,
  );
  if (process.env.EVAL_VERBOSE) {
    console.log('\nMisses:');
    for (const c of cases) {
      for (const field of [
        'title',
        'description',
        'author',
        'date',
        'image',
        'logo',
        'lang',
      ] as const) {
        const key = FIELDS.find((f) => f.startsWith(field))!;
        if (c.hits[key] === false) {
          console.log(
            `  ${c.name} ${field}: ours ${JSON.stringify((c.ours[field] ?? null)?.slice(0, 90) ?? null)} want ${JSON.stringify(String(c.expected[field]).slice(0, 90))}`,
          );
        }
      }
    }
  }
}
