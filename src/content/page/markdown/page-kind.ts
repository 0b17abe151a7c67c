/**
 * Is this page an article? Readability on a clone costs tens of milliseconds on a big page, so it
 * runs only when cheap signals say the page reads like one; app, form, list and search pages go
 * straight to the whole visible page.
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

export function looksLikeArticle(doc: Document, isShown: (element: Element) => boolean): boolean {
  const readerable = isProbablyReaderable(doc, {
    visibilityChecker: (node) => !(node instanceof Element) || isShown(node),
  });
  if (!readerable) {
    return false;
  }
  if (declaresArticle(doc)) {
    return true;
  }
  const fields = doc.querySelectorAll(
    'input:not([type=hidden]):not([type=search]):not([type=submit]):not([type=button]), select, textarea',
  ).length;
  return fields <= MAX_FIELDS_FOR_ARTICLE && !doc.querySelector('input[type=password]');
}
