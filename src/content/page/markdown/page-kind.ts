/**
 * Is this page an article? Readability on a clone costs tens of milliseconds on a big page, so it
 * runs only when cheap signals say the page reads like one; app, form, list and search pages go
 * straight to the whole visible page.
 */
import { isProbablyReaderable } from '@mozilla/readability';

const ARTICLE_TYPES = /"@type"\s*:\s*"(?:\w*Article|BlogPosting|Report|Recipe|HowTo)"/;
const MAX_FIELDS_FOR_ARTICLE = 6;

export function looksLikeArticle(doc: Document, isShown: (element: Element) => boolean): boolean {
  const fields = doc.querySelectorAll(
    'input:not([type=hidden]):not([type=search]):not([type=submit]):not([type=button]), select, textarea',
  ).length;
  if (doc.querySelector('input[type=password]')) {
    return false;
  }
  const readerable = isProbablyReaderable(doc, {
    visibilityChecker: (node) => !(node instanceof Element) || isShown(node),
  });
  if (!readerable) {
    return false;
  }
  if (fields <= MAX_FIELDS_FOR_ARTICLE) {
    return true;
  }
  // Many fields: still an article when the page declares itself one (a long post with a comment
  // form and a newsletter box).
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content');
  if (ogType === 'article') {
    return true;
  }
  return Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).some((script) =>
    ARTICLE_TYPES.test(script.textContent ?? ''),
  );
}
