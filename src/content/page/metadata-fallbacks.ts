/**
 * Cleaning of the human-facing metadata strings (title, description, author): CMSs often escape
 * HTML twice, write "By Jane Doe", or put a profile URL where a name belongs.
 */
import { toIsoDate } from './dates';

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

/** A profile URL, a domain, an e-mail address or a social handle is no person's name. */
const NOT_A_NAME = /^(?:@|https?:|www\.)|^[\w.-]+\.(?:com|org|net)\/|^[^\s@]+@[^\s@]+\.\w+$/i;

/** Words that introduce a byline: "By", "Written by", "Posted by", "Von", "Par", "Por", "Door". */
const BYLINE_LEAD =
  /^(?:(?:written|posted|words|story|text|reporting|photos?|published|article)\s+by|by|von|par|por|door)[:\s]+/i;
/** "ByJane Doe": a byline whose space was markup (case matters: "Byron" is a name). */
const GLUED_BY = /^By(?=[A-Z])/;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** Where a date or time starts inside a byline: "Jane Doe May 3, 2016", "Jane Doe 03/05/2016". */
const DATE_IN_BYLINE = new RegExp(
  String.raw`(?:^|[\s,|•·–—-]+)(?:(?:updated|published|posted|on)\s+)?(?:${MONTH}\.?\s+\d{1,2}\b|\d{1,2}\s+${MONTH}\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}:\d{2}|\d+\s+(?:minutes?|hours?|days?)\s+ago|(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)[a-z]*,?\s+${MONTH}).*$`,
  'i',
);
const MAX_NAME_CHARS = 100;
const MAX_NAME_WORDS = 12;

/**
 * "By Jane Doe" → "Jane Doe". Null for what is no name: a URL, a handle, an e-mail address, a
 * date, a text too long for a byline, or the publisher (any of `notNames`, compared loosely).
 */
export function cleanAuthor(
  value: string | null | undefined,
  notNames: readonly (string | null)[] = [],
): string | null {
  const name = value
    ?.replace(/\s+/g, ' ')
    .trim()
    // "By Jane", "BY JANE", "ByJane" (a byline whose space was markup), not "Byron".
    .replace(BYLINE_LEAD, '')
    .replace(GLUED_BY, '')
    .replace(DATE_IN_BYLINE, '')
    // "Jane Doe -" or "Jane Doe |": the separator before a role or date the template dropped.
    .replace(/[\s\-–—|,:·•]+$/, '')
    .replace(/^[\s\-–—|,:·•]+/, '')
    .trim();
  if (
    !name ||
    NOT_A_NAME.test(name) ||
    !/\p{L}/u.test(name) ||
    name.length > MAX_NAME_CHARS ||
    name.split(' ').length > MAX_NAME_WORDS
  ) {
    return null;
  }
  const loose = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return notNames.some((other) => other && loose(other) === loose(name)) ? null : name;
}

/** Several names as one byline: each cleaned, repeats dropped, joined with ", ". */
export function joinAuthors(
  names: readonly (string | null | undefined)[],
  notNames: readonly (string | null)[] = [],
): string | null {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of names) {
    const name = cleanAuthor(raw, notNames);
    const key = name?.toLowerCase();
    if (name && key && !seen.has(key)) {
      seen.add(key);
      kept.push(name);
    }
  }
  return kept.join(', ') || null;
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
  const h1 = doc.querySelector('article h1, main h1, [role=main] h1') ?? doc.querySelector('h1');
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
      const name = cleanAuthor(text.replace(/\s+and\s+/gi, ', '), notNames);
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
