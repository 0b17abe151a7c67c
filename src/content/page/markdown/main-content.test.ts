// @vitest-environment jsdom
/**
 * Main-content choice in jsdom (a real HTML parser; still no layout), plus timings on real saved
 * pages from ../shared/corpus/readability when present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ID_CLOSE, ID_OPEN } from '@shared/protocol/frame-snapshot';
import { extractPage } from '../index';
import { createStyleCache, createVisibility } from '../visibility';
import { extractMainContent } from './main-content';
import { buildVisibleTree } from './whole-page';

const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the story, long enough to count as prose for the reader heuristics, with a few more words so that it clearly passes one hundred and forty characters of text.</p>`;

const ARTICLE = `
  <style>.promo { display: none }</style>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <article><h1>Big story</h1>${Array.from({ length: 8 }, (_, i) => paragraph(i)).join('')}
    <p class="promo">Hidden promo text inside the article</p>
    <p>Read <a href="/more">more here</a> about it, in a paragraph that is long enough to be kept by the extraction, we hope, because it is long.</p>
  </article>
  <footer>Copyright footer</footer>`;

const ids = new WeakMap<Element, string>();

function load(html: string) {
  document.body.innerHTML = html;
}

describe('main content', () => {
  it('uses Readability on an article, without nav, footer or hidden text', () => {
    load(ARTICLE);
    ids.set(document.querySelector('a[href="/more"]') as Element, 'L9');
    const { markdown } = extractPage(document, {
      onlyMainContent: true,
      idsInMarkdown: true,
      idOf: (element) => ids.get(element),
    });
    expect(markdown).toContain('Big story');
    expect(markdown).toContain('Paragraph 7 of the story');
    expect(markdown).not.toContain('Copyright footer');
    expect(markdown).not.toContain('Sport');
    expect(markdown).not.toContain('Hidden promo');
    expect(markdown).toContain(
      `[more here](${new URL('/more', document.baseURI).href}) {${ID_OPEN}L9${ID_CLOSE}}`,
    );
  });

  it('keeps a short declared article under chrome that outweighs it, not an undeclared one', () => {
    // About 700 characters of story under five times as much menu text.
    const story = `<div class="story"><h1>Short news</h1>${[1, 2, 3, 4].map(paragraph).join('')}</div>`;
    const menu = `<ul>${Array.from({ length: 150 }, (_, i) => `<li><a href="/s/${i}">Section ${i} of the site</a></li>`).join('')}</ul>`;
    const page = (head: string) => {
      document.head.innerHTML = head;
      document.body.innerHTML = `${menu}${story}<footer>Footer links</footer>`;
      return extractPage(document, {
        onlyMainContent: true,
        idsInMarkdown: false,
        idOf: () => undefined,
      }).markdown;
    };
    const declared = page('<meta property="og:type" content="article">');
    expect(declared).toContain('Paragraph 4 of the story');
    expect(declared).not.toContain('Section 120 of the site');
    expect(page('')).toContain('Section 120 of the site');
  }, 20_000);

  it('renders the whole page when asked, or when the page is a form', () => {
    load(ARTICLE);
    const whole = extractPage(document, {
      onlyMainContent: false,
      idsInMarkdown: false,
      idOf: () => undefined,
    }).markdown;
    expect(whole).toContain('Copyright footer');
    expect(whole).not.toContain('Hidden promo');
    load(
      `${paragraph(1)}${paragraph(2)}${paragraph(3)}<form>${'<label>F<input></label>'.repeat(8)}</form><p>Form footer</p>`,
    );
    const form = extractPage(document, {
      onlyMainContent: true,
      idsInMarkdown: false,
      idOf: () => undefined,
    }).markdown;
    expect(form).toContain('Form footer');
    expect(form).toContain('[F: ___]');
  });
});

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const corpus = resolve(repoRoot, process.env.TABSIGHT_CORPUS ?? '../shared/corpus');
const pagesDir = join(corpus, 'readability', 'test', 'test-pages');
const SAMPLE = ['nytimes-1', 'bbc-1', 'guardian-1', 'medium-1', 'wikipedia', 'mozilla-1', 'cnn'];
const present = existsSync(pagesDir);

describe.skipIf(!present)('readability corpus timings (TABSIGHT_CORPUS)', () => {
  it('extracts real pages and logs time and kept share', () => {
    const rows: string[] = [];
    for (const name of SAMPLE.filter((page) => existsSync(join(pagesDir, page, 'source.html')))) {
      const html = readFileSync(join(pagesDir, name, 'source.html'), 'utf8');
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const started = performance.now();
      const result = extractPage(doc, {
        onlyMainContent: true,
        idsInMarkdown: false,
        idOf: () => undefined,
      });
      const total = performance.now() - started;
      const styles = createStyleCache();
      const walkStart = performance.now();
      const tree = buildVisibleTree(doc.body, { visibility: createVisibility(styles), styles });
      const walk = performance.now() - walkStart;
      const main = extractMainContent(doc, tree.hidden);
      const expected = new DOMParser()
        .parseFromString(readFileSync(join(pagesDir, name, 'expected.html'), 'utf8'), 'text/html')
        .body.textContent?.replace(/\s+/g, ' ')
        .trim().length;
      rows.push(
        `${name.padEnd(12)} total ${total.toFixed(0).padStart(4)} ms, walk ${walk.toFixed(0).padStart(3)} ms, ` +
          `visible ${tree.textLength} chars, readability ${main?.textLength ?? 0} (expected ${expected}), ` +
          `share ${((main?.textLength ?? 0) / tree.textLength).toFixed(2)}, markdown ${result.markdown.length}`,
      );
      expect(result.markdown.length).toBeGreaterThan(500);
    }
    console.log(`[readability corpus, jsdom: slow styles, no layout]\n${rows.join('\n')}`);
  }, 120_000);
});

if (!present) {
  describe.skip(`readability corpus not found at ${pagesDir} (set TABSIGHT_CORPUS)`, () => {
    it('times real pages', () => {});
  });
}
