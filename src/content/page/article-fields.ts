/**
 * Article fields of `data.structured` beyond the meta tags: the title as the page shows it when
 * a shared title carries the site's name, the dek (subtitle, standfirst) and the lead image.
 */
import { normalizeSpace } from '@shared/text';

/** `Head | Tail`, split at the last separator with spaces around it. */
const SUFFIXED = /^(.*\S)\s+[|\-–—·:»/]\s+(\S.*)$/;
/** `Site | Head`: split at the first separator. */
const PREFIXED = /^(.*?\S)\s+[|\-–—·:»/]\s+(\S.*)$/;

const fold = (value: string) =>
  normalizeSpace(value)
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .toLowerCase();

/**
 * The title without the site's name: when the shared title (og:title, `<title>`) is a headline
 * the page also states (its JSON-LD headline, its visible `<h1>`) plus a separator and more, or
 * ends with the declared site name, the headline alone.
 */
export function titleWithoutSite(
  title: string | null,
  headlines: readonly (string | null)[],
  siteName: string | null,
): string | null {
  if (!title) {
    return null;
  }
  const known = headlines.filter((h): h is string => Boolean(h)).map(fold);
  for (const [, head, tail] of [SUFFIXED.exec(title), PREFIXED.exec(title)].filter(
    (match): match is RegExpExecArray => match !== null,
  )) {
    if (known.includes(fold(head!))) {
      return head!.trim();
    }
    // `Site | Headline` only when the head is the declared site name.
    if (siteName && fold(head!) === fold(siteName) && known.includes(fold(tail!))) {
      return tail!.trim();
    }
  }
  const suffix = siteName ? SUFFIXED.exec(title) : null;
  if (suffix && siteName && fold(suffix[2]!) === fold(siteName)) {
    return suffix[1]!.trim();
  }
  return title;
}

const HEADLINE_LENGTH = { min: 3, max: 300 };

/** The page's visible headline: the first `<h1>` of its article or main region, else of the page. */
export function visibleHeadline(doc: Document): string | null {
  const h1 =
    doc.querySelector('article h1, main h1, [role=main] h1, [itemprop~="headline"]') ??
    doc.querySelector('h1');
  const value = normalizeSpace(h1?.textContent ?? '');
  return value.length >= HEADLINE_LENGTH.min && value.length <= HEADLINE_LENGTH.max ? value : null;
}

const DEK_SELECTOR = [
  '[itemprop~="alternativeHeadline"]',
  '[itemprop~="description"]:not(meta)',
  '[class~="dek"]',
  '[class*="subtitle"]',
  '[class*="subheadline"]',
  '[class*="sub-headline"]',
  '[class*="standfirst"]',
  '[class*="article-summary"]',
  '[class*="__dek"]',
  '[class*="-dek"]',
].join(', ');
const DEK_LENGTH = { min: 20, max: 400 };

/** The dek: JSON-LD `alternativeHeadline`, else the element the page marks as its subtitle. */
export function dekOf(doc: Document, alternativeHeadline: string | null): string | null {
  const fits = (value: string) => value.length >= DEK_LENGTH.min && value.length <= DEK_LENGTH.max;
  if (alternativeHeadline && fits(normalizeSpace(alternativeHeadline))) {
    return normalizeSpace(alternativeHeadline);
  }
  for (const element of doc.querySelectorAll(DEK_SELECTOR)) {
    if (element.closest('head, script, style, template, nav, footer')) {
      continue;
    }
    const value = normalizeSpace(element.textContent ?? '');
    if (fits(value)) {
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
