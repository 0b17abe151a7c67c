/**
 * Article fields of `data.structured` beyond the meta tags: the dek (subtitle, standfirst) and
 * the lead image. The title is chosen in `title.ts`.
 */
import { normalizeSpace } from '@shared/text';
import { fold, headlineElement } from './title';

const DEK_SELECTOR = [
  '[itemprop~="alternativeHeadline"]',
  '[itemprop~="description"]:not(meta)',
  '[class~="dek"]',
  '[class*="subtitle"]',
  '[class*="subheadline"]',
  '[class*="sub-headline"]',
  '[class*="standfirst"]',
  '[class*="strapline"]',
  '[data-testid*="dek"]',
  '[class*="article-summary"]',
  '[class*="__dek"]',
  '[class*="-dek"]',
].join(', ');
const DEK_LENGTH = { min: 20, max: 400 };

/** Elements after the headline read for a dek: a dek sits right under the `<h1>`. */
const DEK_REACH = 3;

/** How many wrappers up from the `<h1>` the walk goes when its siblings run out. */
const DEK_CLIMB = 2;

/**
 * The first non-empty elements after the main `<h1>`: its next siblings, and when they run out
 * its wrapper's next siblings (an `<h1>` and byline in a meta block, the dek after the block):
 * where a subtitle, byline and date sit.
 */
function afterHeadline(doc: Document): Element[] {
  let anchor: Element | null = headlineElement(doc)?.element ?? null;
  const out: Element[] = [];
  for (let climbed = 0; anchor && out.length < DEK_REACH && climbed <= DEK_CLIMB; climbed += 1) {
    for (let next = anchor.nextElementSibling; next && out.length < DEK_REACH;) {
      if (normalizeSpace(next.textContent ?? '')) {
        out.push(next);
      }
      next = next.nextElementSibling;
    }
    anchor = anchor.parentElement === doc.body ? null : anchor.parentElement;
  }
  return out;
}

const BYLINE_OR_DATE = /^(?:by|von|par|por)\s|^(?:published|updated|posted)\b/i;

/**
 * The dek, by evidence order: JSON-LD `alternativeHeadline`; the element the page marks as its
 * subtitle (`itemprop`, dek/standfirst/subtitle classes); a page description (og/meta) the page
 * also shows right under the headline; an `<h2>` straight after the headline. Never the title.
 */
export function dekOf(
  doc: Document,
  alternativeHeadline: string | null,
  descriptions: readonly (string | null)[] = [],
  title: string | null = null,
): string | null {
  // A dek says more than the headline: one that repeats the title is none.
  const fits = (value: string) =>
    value.length >= DEK_LENGTH.min &&
    value.length <= DEK_LENGTH.max &&
    (!title || fold(value) !== fold(title));
  if (alternativeHeadline && fits(normalizeSpace(alternativeHeadline))) {
    return normalizeSpace(alternativeHeadline);
  }
  // A marked subtitle sits with the headline: among the first elements after the `<h1>`.
  // Elsewhere `subtitle` classes name video captions and teaser lines.
  const near = afterHeadline(doc);
  const hasHeadline = headlineElement(doc) !== null;
  const withHeadline = (element: Element) =>
    !hasHeadline || near.some((next) => next === element || next.contains(element));
  for (const element of doc.querySelectorAll(DEK_SELECTOR)) {
    // A caption describes its picture, not the story.
    if (
      element.closest('head, script, style, template, nav, footer, aside, figure, figcaption') ||
      !withHeadline(element)
    ) {
      continue;
    }
    const value = normalizeSpace(element.textContent ?? '');
    if (fits(value) && !BYLINE_OR_DATE.test(value)) {
      return value;
    }
  }
  // Another `<h1>` is a section of the story (pages that mark every section heading as h1).
  const plain = near.filter(
    (element) => !element.matches('h1') && !element.querySelector('time, img, h1'),
  );
  const said = descriptions.filter((d): d is string => Boolean(d)).map(fold);
  for (const element of plain) {
    const value = normalizeSpace(element.textContent ?? '');
    if (fits(value) && said.includes(fold(value))) {
      return value;
    }
  }
  const first = plain[0];
  if (first?.localName === 'h2') {
    const value = normalizeSpace(first.textContent ?? '');
    if (fits(value) && !BYLINE_OR_DATE.test(value) && !first.querySelector('a')) {
      return value;
    }
  }
  return null;
}

/** A JSON-LD `image`: a URL, an ImageObject, or a list of either. */
function imageUrl(value: unknown): string | null {
  if (typeof value === 'string') {
    return value.trim() || null;
  }
  if (Array.isArray(value)) {
    return imageUrl(value[0]);
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return imageUrl(object.url ?? object.contentUrl);
  }
  return null;
}

/** The article's lead image by evidence order (JSON-LD, OpenGraph, Twitter), absolute. */
export function leadImage(
  nodes: readonly Record<string, unknown>[],
  shared: readonly unknown[],
  base: string,
): string | null {
  const found =
    nodes.map((node) => imageUrl(node.image)).find(Boolean) ??
    shared.map(imageUrl).find(Boolean) ??
    null;
  if (!found) {
    return null;
  }
  try {
    return new URL(found, base).href;
  } catch {
    return found;
  }
}
