/**
 * Metadata the page shows rather than declares (the visible byline, `<time>` elements), and the
 * undoing of a second HTML escaping in metadata strings. Names are cleaned in `authors.ts`.
 */
import { joinAuthors, cleanAuthor } from './authors';
import { toIsoDate } from './dates';
import { headlineElement } from './title';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Entities left in an attribute value that was escaped twice (`&amp;quot;` → `&quot;`). */
export function decodeEntities(value: string): string {
  return value.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#')) {
      const point =
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    }
    return NAMED[code.toLowerCase()] ?? whole;
  });
}

const BYLINE_SELECTOR = [
  '[itemprop~="author"]',
  '[rel~="author"]:not(link)',
  '[class~="byline"]',
  '[class*="byline"]',
  '[class~="author"]',
  '[class*="author-name"]',
  '[class*="authorName"]',
  '[data-testid*="byline"]',
  'article address',
].join(', ');

const SKIP =
  'head, script, style, template, aside, footer, nav, [class*="comment"], [id*="comment"]';

/** The author as the page prints it: microdata, rel=author links, byline classes, "By X" lines. */
export function bylineFromDom(
  doc: Document,
  notNames: readonly (string | null)[] = [],
): string | null {
  for (const element of doc.querySelectorAll(BYLINE_SELECTOR)) {
    if (element.closest(SKIP)) {
      continue;
    }
    const named = element.querySelectorAll('[itemprop~="name"]');
    const names = named.length
      ? Array.from(named, (n) => n.getAttribute('content') ?? n.textContent)
      : [element.getAttribute('content') ?? spacedText(element)];
    const name = joinAuthors(names, notNames);
    if (name) {
      return name;
    }
  }
  return byLineUnderHeadline(doc, notNames);
}

/**
 * An element's text with a space where one element's text ends and another's begins: a byline
 * `<span>Mic</span><span>Updated 3 May</span>` reads "Mic Updated 3 May", not "MicUpdated".
 */
export function spacedText(element: Element): string {
  const doc = element.ownerDocument;
  const walker = doc.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let out = '';
  let parent: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    out += (parent && node.parentNode !== parent ? ' ' : '') + (node.nodeValue ?? '');
    parent = node.parentNode;
  }
  return out;
}

/** How many elements after the headline are read for a "By Jane Doe" line. */
const BYLINE_REACH = 8;

/** A short "By Jane Doe" line among the first elements after the main `<h1>`. */
function byLineUnderHeadline(doc: Document, notNames: readonly (string | null)[]): string | null {
  const h1 = headlineElement(doc)?.element;
  if (!h1) {
    return null;
  }
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = h1;
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < BYLINE_REACH * 4; node = walker.nextNode()) {
    seen += 1;
    if (h1.contains(node)) {
      continue;
    }
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 0 && text.length <= 120 && /^by\s+\S/i.test(text)) {
      const name = cleanAuthor(text, notNames);
      if (name) {
        return name;
      }
    }
  }
  return null;
}

/** `<time>` and microdata dates in the article, nearest the headline first, as ISO 8601. */
export function dateFromDom(doc: Document): string | null {
  const candidates = [
    ...doc.querySelectorAll('[itemprop~="datePublished"]'),
    ...doc.querySelectorAll('time[pubdate], [class*="publish"] time, [class*="date"] time'),
    ...doc.querySelectorAll('article time, header time, main time'),
    ...doc.querySelectorAll('time'),
  ];
  for (const element of candidates) {
    if (element.closest(SKIP)) {
      continue;
    }
    const value = (
      element.getAttribute('datetime') ??
      element.getAttribute('content') ??
      element.textContent ??
      ''
    ).trim();
    const iso = toIsoDate(value);
    if (iso) {
      return iso;
    }
  }
  return null;
}
