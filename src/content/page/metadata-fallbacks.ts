/**
 * Cleaning of the human-facing metadata strings (title, description, author): CMSs often escape
 * HTML twice, write "By Jane Doe", or put a profile URL where a name belongs.
 */

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

/** A profile URL, a domain or a social handle is no person's name. */
const NOT_A_NAME = /^(?:@|https?:|www\.)|^[\w.-]+\.(?:com|org|net)\//i;

/** "By Jane Doe" → "Jane Doe"; null for URLs and handles. */
export function cleanAuthor(value: string | null | undefined): string | null {
  const name = value
    ?.replace(/\s+/g, ' ')
    .trim()
    // "By Jane", "BY JANE", "ByJane" (a byline whose space was markup), not "Byron".
    .replace(/^by(?:[:\s]+|(?=[A-Z]))/i, '')
    // "Jane Doe -" or "Jane Doe |": the separator before a role or date the template dropped.
    .replace(/[\s\-–—|,:·]+$/, '')
    .trim();
  return name && !NOT_A_NAME.test(name) ? name : null;
}

const BYLINE_SELECTOR = [
  '[itemprop~="author"]',
  '[rel~="author"]:not(link)',
  '[class~="byline"]',
  '[class~="author"]',
  '[class*="author-name"]',
  '[class*="byline__name"]',
].join(', ');

/** The author as the page prints it: microdata, rel=author links, byline classes. */
export function bylineFromDom(doc: Document): string | null {
  for (const element of doc.querySelectorAll(BYLINE_SELECTOR)) {
    if (element.closest('head, script, style, template')) {
      continue;
    }
    const named = element.querySelector('[itemprop~="name"]');
    const raw =
      named?.getAttribute('content') ??
      named?.textContent ??
      element.getAttribute('content') ??
      element.textContent;
    const name = cleanAuthor(raw);
    // A long text is a bio or a whole block, not a byline.
    if (name && name.length <= 80) {
      return name;
    }
  }
  return null;
}

/** A `<time>` the page shows, by its machine-readable value or a parseable text. */
export function dateFromDom(doc: Document): string | null {
  for (const time of doc.querySelectorAll('time')) {
    const value = (time.getAttribute('datetime') ?? time.textContent ?? '').trim();
    if (value && !Number.isNaN(Date.parse(value))) {
      return value;
    }
  }
  return null;
}
