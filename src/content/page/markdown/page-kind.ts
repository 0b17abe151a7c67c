/**
 * Is this page an article? Readability on a clone costs tens of milliseconds on a big page, so it
 * runs only when cheap signals say the page reads like one (Readability's readerable test, or
 * enough prose in visible paragraphs); app, form and search pages go straight to the whole
 * visible page, and list pages are kept whole after it by main-choice.ts.
 */
import { isProbablyReaderable } from '@mozilla/readability';

const ARTICLE_TYPES = /"@type"\s*:\s*"(?:\w*Article|BlogPosting|Report|Recipe|HowTo)"/;
const MAX_FIELDS_FOR_ARTICLE = 6;

/** Metadata says the page is one article: og:type, a publication time or a JSON-LD Article. */
function declaredByMetadata(doc: Document): boolean {
  if (doc.querySelector('meta[property="og:type"]')?.getAttribute('content') === 'article') {
    return true;
  }
  if (doc.querySelector('meta[property="article:published_time"]')) {
    return true;
  }
  return Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).some((script) =>
    ARTICLE_TYPES.test(script.textContent ?? ''),
  );
}

/** The page says it is an article (a news page with a login box and a comment form still is). */
function declaresArticle(doc: Document): boolean {
  return declaredByMetadata(doc) || doc.querySelector('article') !== null;
}

/**
 * The page says it is a single article, strongly enough to trust a short main content under
 * heavy chrome: metadata, or exactly one `<article>` (a list of cards has many).
 */
export function declaresSingleArticle(doc: Document): boolean {
  return declaredByMetadata(doc) || doc.querySelectorAll('article').length === 1;
}

/**
 * Prose characters (prose.ts) that make a page worth asking Readability about even when its own
 * readerable test says no (it skips paragraphs under unlikely class names, and short ones).
 */
export const MIN_ARTICLE_PROSE_CHARS = 1000;
/** Prose that outweighs any form on the page: a login page never carries this much. */
export const LONG_ARTICLE_PROSE_CHARS = 3000;

export function looksLikeArticle(
  doc: Document,
  isShown: (element: Element) => boolean,
  pageProse = 0,
): boolean {
  const readerable =
    pageProse >= MIN_ARTICLE_PROSE_CHARS ||
    isProbablyReaderable(doc, {
      visibilityChecker: (node) => !(node instanceof Element) || isShown(node),
    });
  if (!readerable) {
    return false;
  }
  // A story long enough that no sign-in or sign-up box beside it makes the page an app.
  if (declaresArticle(doc) || pageProse >= LONG_ARTICLE_PROSE_CHARS) {
    return true;
  }
  const fields = doc.querySelectorAll(
    'input:not([type=hidden]):not([type=search]):not([type=submit]):not([type=button]), select, textarea',
  ).length;
  return fields <= MAX_FIELDS_FOR_ARTICLE && !doc.querySelector('input[type=password]');
}
