/**
 * Is this page an article? Readability on a clone costs tens of milliseconds on a big page, so it
 * runs only when cheap signals say the page reads like one; app, form, list and search pages go
 * straight to the whole visible page.
 */
import { isProbablyReaderable } from '@mozilla/readability';

const ARTICLE_TYPES = /"@type"\s*:\s*"(?:\w*Article|BlogPosting|Report|Recipe|HowTo)"/;
const MAX_FIELDS_FOR_ARTICLE = 6;

/** The page says it is an article (a news page with a login box and a comment form still is). */
function declaresArticle(doc: Document): boolean {
  if (doc.querySelector('meta[property="og:type"]')?.getAttribute('content') === 'article') {
    return true;
  }
  if (doc.querySelector('meta[property="article:published_time"], article')) {
    return true;
  }
  return Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).some((script) =>
    ARTICLE_TYPES.test(script.textContent ?? ''),
  );
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
