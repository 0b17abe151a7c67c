/**
 * Article fields of `data.structured` beyond the meta tags: the title as the page shows it when
 * a shared title carries the site's name, the dek (subtitle, standfirst) and the lead image.
 */
import { normalizeSpace } from '@shared/text';

/** Separators between a headline and a site name: a bar, dash, dot, colon, guillemet or slash. */
const SEPARATOR_SOURCE = String.raw`\s+[|\-–—·•:»/~]\s+|\s*\|\s*|\s+::\s+`;
const SEPARATOR = new RegExp(SEPARATOR_SOURCE, 'g');

/** Case, quotes, dashes and spacing folded, for comparing a title with a headline. */
const fold = (value: string) =>
  normalizeSpace(value)
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .toLowerCase();

/** Letters and digits only: `The Boston Globe` and `bostonglobe.com`'s label compare. */
const squash = (value: string) => fold(value).replace(/[^\p{L}\p{N}]+/gu, '');
/** The same without a leading article: `The Boston Globe` is `bostonglobe.com`. */
const squashBare = (value: string) => squash(fold(value).replace(/^the\s+/, ''));

/** The registrable label of a host: `www.theregister.co.uk` → `theregister`. */
export function hostLabel(host: string | null): string | null {
  const parts = (host ?? '')
    .toLowerCase()
    .replace(/^www\d?\./, '')
    .split('.')
    .filter(Boolean);
  if (parts.length < 2) {
    return null;
  }
  // `co.uk`, `com.au`: a short second-level label before a two-letter country code.
  const country = parts.length >= 3 && parts.at(-1)!.length === 2 && parts.at(-2)!.length <= 3;
  return parts.at(country ? -3 : -2) ?? null;
}

/** Whether a title part names the site: a declared site name, or the host's label. */
export function namesSite(part: string, siteNames: readonly string[], host: string | null) {
  const squashed = squash(part);
  if (!squashed) {
    return false;
  }
  if (
    siteNames.some((name) => squash(name) === squashed || squashBare(name) === squashBare(part))
  ) {
    return true;
  }
  const label = hostLabel(host)?.replace(/[^a-z0-9]/g, '');
  if (!label || label.length < 3 || part.split(/\s+/).length > 4) {
    return false;
  }
  // A part of at most four words that is the host's label, or starts with it (`NYTimes.com`).
  return [squashed, squashBare(part)].some((form) => form === label || form.startsWith(label));
}

/** The parts of a title between separators, with the separators' positions. */
function splitTitle(title: string): string[] {
  return title
    .split(SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The title without the site's name: a leading or trailing part (one or more, between
 * separators) that names the site is dropped; the rest is kept whole, so a colon or dash inside a
 * headline stays. Never returns the site name alone: a title that is only the site name is null.
 */
export function stripSiteName(
  title: string | null,
  siteNames: readonly string[],
  host: string | null,
): string | null {
  if (!title) {
    return null;
  }
  const whole = normalizeSpace(title);
  const parts = splitTitle(whole);
  if (parts.length === 0 || (parts.length === 1 && namesSite(parts[0]!, siteNames, host))) {
    return null;
  }
  let first = 0;
  let last = parts.length;
  while (last - first > 1 && namesSite(parts[last - 1]!, siteNames, host)) {
    last -= 1;
  }
  while (last - first > 1 && namesSite(parts[first]!, siteNames, host)) {
    first += 1;
  }
  if (first === 0 && last === parts.length) {
    return whole;
  }
  // Cut the original text at the kept parts' ends, so inner separators keep their spacing.
  const start = whole.indexOf(parts[first]!);
  let end = start;
  for (let index = first; index < last; index += 1) {
    end = whole.indexOf(parts[index]!, end) + parts[index]!.length;
  }
  return whole.slice(start, end).trim();
}

/** `Head | anything`: the head, when the head is a headline the page states. */
function headlineHead(title: string, known: readonly string[]): string | null {
  for (const match of title.matchAll(SEPARATOR)) {
    const head = title.slice(0, match.index).trim();
    const tail = title.slice(match.index + match[0].length).trim();
    if (known.includes(fold(head))) {
      return head;
    }
    if (known.includes(fold(tail))) {
      return tail;
    }
  }
  return null;
}

export interface TitleEvidence {
  /** Shared titles, best first: og:title, twitter:title, JSON-LD headline, meta titles. */
  shared: readonly (string | null)[];
  /** The document's `<title>`. */
  documentTitle: string | null;
  /** The main content's visible `<h1>`. */
  visible: string | null;
  siteNames: readonly string[];
  host: string | null;
}

/**
 * The article's title: the visible headline when a shared title or `<title>` agrees with it once
 * the site name is off (or states it plus a separator and more); else the first shared title
 * without its site name; else `<title>` without it; else the visible headline. Never the site
 * name alone.
 */
export function chooseTitle(evidence: TitleEvidence): string | null {
  const { siteNames, host, visible } = evidence;
  const titles = [...evidence.shared, evidence.documentTitle].filter((t): t is string =>
    Boolean(t?.trim()),
  );
  const stripped = titles
    .map((title) => stripSiteName(title, siteNames, host))
    .filter((t): t is string => Boolean(t));
  if (visible && !namesSite(visible, siteNames, host)) {
    const headline = fold(visible);
    if (stripped.some((title) => fold(title) === headline)) {
      return normalizeSpace(visible);
    }
    if (titles.some((title) => headlineHead(title, [headline]))) {
      return normalizeSpace(visible);
    }
  }
  // A shared title that is the JSON-LD headline plus more: the headline.
  const known = evidence.shared.filter((t): t is string => Boolean(t)).map((t) => fold(t));
  for (const title of titles) {
    const head = headlineHead(title, known);
    if (head) {
      return head;
    }
  }
  return stripped[0] ?? (visible ? normalizeSpace(visible) : null);
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
  '[class*="strapline"]',
  '[data-testid*="dek"]',
  '[class*="article-summary"]',
  '[class*="__dek"]',
  '[class*="-dek"]',
].join(', ');
const DEK_LENGTH = { min: 20, max: 400 };

/** Elements after the headline read for a dek: a dek sits right under the `<h1>`. */
const DEK_REACH = 3;

/**
 * The elements right after the main `<h1>` (its next siblings, else its parent's when the `<h1>`
 * is wrapped alone), skipping empty ones: where a subtitle, byline and date sit.
 */
function afterHeadline(doc: Document): Element[] {
  const h1 = doc.querySelector('article h1, main h1, [role=main] h1') ?? doc.querySelector('h1');
  let anchor: Element | null = h1;
  while (anchor && !anchor.nextElementSibling && anchor.parentElement !== doc.body) {
    anchor = anchor.parentElement;
  }
  const out: Element[] = [];
  for (let next = anchor?.nextElementSibling; next && out.length < DEK_REACH;) {
    if (normalizeSpace(next.textContent ?? '')) {
      out.push(next);
    }
    next = next.nextElementSibling;
  }
  return out;
}

const BYLINE_OR_DATE = /^(?:by|von|par|por)\s|^(?:published|updated|posted)\b/i;

/**
 * The dek, by evidence order: JSON-LD `alternativeHeadline`; the element the page marks as its
 * subtitle (`itemprop`, dek/standfirst/subtitle classes); a page description (og/meta) the page
 * also shows right under the headline; an `<h2>` straight after the headline.
 */
export function dekOf(
  doc: Document,
  alternativeHeadline: string | null,
  descriptions: readonly (string | null)[] = [],
): string | null {
  const fits = (value: string) => value.length >= DEK_LENGTH.min && value.length <= DEK_LENGTH.max;
  if (alternativeHeadline && fits(normalizeSpace(alternativeHeadline))) {
    return normalizeSpace(alternativeHeadline);
  }
  for (const element of doc.querySelectorAll(DEK_SELECTOR)) {
    if (element.closest('head, script, style, template, nav, footer, aside')) {
      continue;
    }
    const value = normalizeSpace(element.textContent ?? '');
    if (fits(value) && !BYLINE_OR_DATE.test(value)) {
      return value;
    }
  }
  const near = afterHeadline(doc).filter((element) => !element.querySelector('time, img'));
  const said = descriptions.filter((d): d is string => Boolean(d)).map(fold);
  for (const element of near) {
    const value = normalizeSpace(element.textContent ?? '');
    if (fits(value) && said.includes(fold(value))) {
      return value;
    }
  }
  const first = near[0];
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
