// @vitest-environment jsdom
/**
 * Main-content choice in jsdom (a real HTML parser; still no layout), plus timings on real saved
 * pages from ../shared/corpus/readability when present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MARKS } from '../../dom/marks';
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
      `[more here](${new URL('/more', document.baseURI).href}) {${MARKS.id('L9')}}`,
    );
  });

  const render = (head: string, body: string) => {
    document.head.innerHTML = head;
    document.body.innerHTML = body;
    return extractPage(document, {
      onlyMainContent: true,
      idsInMarkdown: false,
      idOf: () => undefined,
    }).markdown;
  };

  it('keeps a short article under chrome that outweighs it: declared, or holding the prose', () => {
    // About 700 characters of story under five times as much menu text.
    const story = `<div class="story"><h1>Short news</h1>${[1, 2, 3, 4].map(paragraph).join('')}</div>`;
    const menu = `<ul>${Array.from({ length: 150 }, (_, i) => `<li><a href="/s/${i}">Section ${i} of the site</a></li>`).join('')}</ul>`;
    const body = `${menu}${story}<footer>Footer links</footer>`;
    for (const head of ['<meta property="og:type" content="article">', '']) {
      const markdown = render(head, body);
      expect(markdown).toContain('Paragraph 4 of the story');
      expect(markdown).not.toContain('Section 120 of the site');
      // The headline is metadata (structured.data.title), not a line of the body.
      expect(markdown).not.toMatch(/^# /m);
    }
  }, 20_000);

  it('keeps a page of teaser cards whole, menu and all', () => {
    const card = (n: number) =>
      `<article><h2><a href="/story/${n}">Story number ${n} of the feed</a></h2>${paragraph(n)}</article>`;
    const body = `<nav><a href="/">Home</a> <a href="/filters">Filters</a></nav><main>${Array.from({ length: 8 }, (_, i) => card(i)).join('')}</main><footer>Feed footer</footer>`;
    const markdown = render('', body);
    expect(markdown).toContain('Story number 7 of the feed');
    expect(markdown).toContain('Filters');
    expect(markdown).toContain('Feed footer');
  }, 20_000);

  it('drops related links, share bars, newsletter boxes and comments from an article', () => {
    const story = Array.from({ length: 8 }, (_, i) => paragraph(i)).join('');
    const body = `<article><h1>Big story</h1>${story.slice(0, story.length / 2)}
      <div class="newsletter-signup"><h3>Get our newsletter</h3><form><input type="email" name="email"></form></div>
      ${story.slice(story.length / 2)}
      <div class="share-bar"><a href="/s/tw">Twitter</a> <a href="/s/fb">Facebook</a></div>
      <section><h2>Related stories</h2><ul>${[1, 2, 3].map((n) => `<li><a href="/r/${n}">Related headline ${n}</a></li>`).join('')}</ul></section>
      <p>Sign up for our weekly newsletter <a href="/nl">here</a>.</p>
      <div id="comments"><h2>3 comments</h2><p>First!</p></div>
    </article>`;
    const markdown = render('', body);
    expect(markdown).toContain('Paragraph 0 of the story');
    expect(markdown).toContain('Paragraph 7 of the story');
    for (const gone of [
      'Get our newsletter',
      'Facebook',
      'Related headline 2',
      'weekly newsletter',
      'First!',
    ]) {
      expect(markdown).not.toContain(gone);
    }
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

  it('drops the text of the elements it is told, whatever was removed before them', () => {
    load(ARTICLE);
    const paragraphs = document.querySelectorAll('article p');
    // A hidden element removed from the clone shifts the index of every later one.
    const hidden = [document.querySelector('nav') as Element, paragraphs[0]!];
    const main = extractMainContent(document, hidden, undefined, [paragraphs[5]!]);
    const text = main?.root.textContent ?? '';
    expect(text).not.toContain('Paragraph 0 of');
    expect(text).not.toContain('Paragraph 5 of');
    for (const kept of [1, 2, 3, 4, 6, 7]) {
      expect(text).toContain(`Paragraph ${kept} of`);
    }
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
