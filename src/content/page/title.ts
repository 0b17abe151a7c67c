/**
 * The article's title by evidence: the headline the page shows when a title it shares agrees
 * with it, else a shared title without the site's name. Site names are cut by rule (a declared
 * name, or the host's own label), never by guessing that any short part is a brand.
 */
import { normalizeSpace } from '@shared/text';

/** Separators between a headline and a site name: a bar, dash, dot, colon, guillemet or slash. */
const SEPARATOR = /\s+[|\-–—·•:»/~]\s+|\s*\|\s*|\s+::\s+/g;

/** Case, quotes, dashes and spacing folded, for comparing a title with a headline. */
export const fold = (value: string): string =>
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

/** The registrable label of a host and what follows it: `www.theregister.co.uk` → `theregister`, `co.uk`. */
function hostParts(host: string | null): { label: string; suffix: string } | null {
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
  const at = parts.length - (country ? 3 : 2);
  return { label: parts[at]!, suffix: parts.slice(at + 1).join('') };
}

/** The registrable label of a host: `www.theregister.co.uk` → `theregister`. */
export const hostLabel = (host: string | null): string | null => hostParts(host)?.label ?? null;

/**
 * Whether a title part names the site: a declared site name (og:site_name, application-name,
 * the JSON-LD publisher), or the host's label itself, alone or with its domain (`Engadget`,
 * `NYTimes.com`). A part that only starts with the label (`Transistor Embed`) is not the site.
 */
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
  const parts = hostParts(host);
  const label = parts?.label.replace(/[^a-z0-9]/g, '');
  if (!parts || !label || label.length < 3) {
    return false;
  }
  return [squashed, squashBare(part)].some(
    (form) => form === label || form === label + parts.suffix,
  );
}

/** The parts of a title between separators. */
function splitTitle(title: string): string[] {
  return title
    .split(SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The title without the site's name: a leading or trailing part (one or more, between
 * separators) that names the site is dropped; the rest is kept whole, so a colon or dash inside a
 * headline stays. A part is dropped only when what is left is longer than it (a headline outweighs
 * its site's name).
 * A title that is only the site's name gives null.
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
  // What is kept must be longer than what is dropped: a headline outweighs its site's name.
  const keptLength = (from: number, to: number) =>
    parts.slice(from, to).reduce((sum, part) => sum + part.length, 0);
  let first = 0;
  let last = parts.length;
  while (
    last - first > 1 &&
    namesSite(parts[last - 1]!, siteNames, host) &&
    parts[last - 1]!.length < keptLength(first, last - 1)
  ) {
    last -= 1;
  }
  while (
    last - first > 1 &&
    namesSite(parts[first]!, siteNames, host) &&
    parts[first]!.length < keptLength(first + 1, last)
  ) {
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

/**
 * `Head | rest` (or `rest | Head`): the part a headline the page states agrees with, when what
 * is cut off is shorter than it or names the site. A longer remainder is part of the title
 * (`Linux Engineer's random thoughts - awk driven IoT` stays whole).
 */
function agreedPart(
  title: string,
  known: readonly string[],
  siteNames: readonly string[],
  host: string | null,
): string | null {
  for (const match of title.matchAll(SEPARATOR)) {
    const head = title.slice(0, match.index).trim();
    const tail = title.slice(match.index + match[0].length).trim();
    const cut = (kept: string, rest: string) =>
      known.includes(fold(kept)) &&
      (rest.length < kept.length || splitTitle(rest).every((p) => namesSite(p, siteNames, host)));
    if (cut(head, tail)) {
      return head;
    }
    if (cut(tail, head)) {
      return tail;
    }
  }
  return null;
}

export interface TitleEvidence {
  /** Titles the page shares, best first: og:title, twitter:title, Dublin Core and parsely titles. */
  shared: readonly (string | null)[];
  /** The JSON-LD headline of the main article. */
  declared: string | null;
  /** The document's `<title>`. */
  documentTitle: string | null;
  /** The main content's visible `<h1>`. */
  visible: string | null;
  /** Whether the page says it is an article (og:type `article`, a JSON-LD article node). */
  isArticle?: boolean;
  siteNames: readonly string[];
  host: string | null;
}

/**
 * The article's title. The lead title is the one the page writes for sharing (og:title, else
 * twitter:title or a Dublin Core/parsely title, skipping one that is only the site's name), else
 * `<title>`. The visible headline is returned when it agrees with the lead title once the site's
 * name is off, or with its head before a separator and a shorter rest (`Headline | Section |
 * Site`); the JSON-LD headline cuts the lead title the same way; otherwise the lead title without
 * its site's name. A visible headline that disagrees does not replace it: the shared title is
 * what the page calls itself (a different `<h1>` is often a longer or older variant). A page
 * that is no article and shares only its site's name is a home page: that name.
 */
export function chooseTitle(evidence: TitleEvidence): string | null {
  const { siteNames, host, visible, declared } = evidence;
  const present = (t: string | null): t is string => Boolean(t?.trim());
  const shared = evidence.shared.filter(present);
  const documentTitle = present(evidence.documentTitle) ? evidence.documentTitle : null;
  const sharedFirst = shared[0] ?? documentTitle;
  // A home or landing page calls itself by its site's name, not by the tagline in its `<h1>`.
  if (!evidence.isArticle && sharedFirst && !stripSiteName(sharedFirst, siteNames, host)) {
    return normalizeSpace(sharedFirst);
  }
  const lead =
    shared.find((title) => stripSiteName(title, siteNames, host) !== null) ??
    (documentTitle && stripSiteName(documentTitle, siteNames, host) !== null
      ? documentTitle
      : null);
  if (lead) {
    const cut = stripSiteName(lead, siteNames, host)!;
    if (visible && !namesSite(visible, siteNames, host)) {
      const headline = fold(visible);
      if (fold(cut) === headline || agreedPart(lead, [headline], siteNames, host) !== null) {
        return normalizeSpace(visible);
      }
    }
    const head = declared ? agreedPart(lead, [fold(declared)], siteNames, host) : null;
    return head ?? cut;
  }
  // Every title is only the site's name: an article's visible headline, else that name.
  const named = sharedFirst ?? declared;
  const fallback = evidence.isArticle ? (visible ?? declared ?? named) : (named ?? visible);
  return fallback ? normalizeSpace(fallback) : null;
}

const HEADLINE_LENGTH = { min: 3, max: 300 };
const IN_MAIN = 'article h1, main h1, [role=main] h1, [itemprop~="headline"]:not(meta, link)';

/**
 * A masthead: an `<h1>` whose whole text is a link to the site's (or section's) index page, the
 * way a site's name or logo is marked up, not an article's headline.
 */
function isMasthead(h1: Element): boolean {
  const text = normalizeSpace(h1.textContent ?? '');
  return Array.from(h1.querySelectorAll('a[href]')).some((link) => {
    if (normalizeSpace(link.textContent ?? '') !== text) {
      return false;
    }
    try {
      const url = new URL(link.getAttribute('href')!, h1.ownerDocument.baseURI);
      return /^\/(?:[^?#]*\/)?(?:index\.[a-z]+)?$/i.test(url.pathname) && url.hash === '';
    } catch {
      return false;
    }
  });
}

/**
 * The main `<h1>`: the first of the article or main region, else the first of the page, skipping
 * mastheads and headings too short or too long to be a headline.
 */
export function headlineElement(doc: Document): { element: Element; inMain: boolean } | null {
  const fits = (h1: Element) => {
    const length = normalizeSpace(h1.textContent ?? '').length;
    return length >= HEADLINE_LENGTH.min && length <= HEADLINE_LENGTH.max && !isMasthead(h1);
  };
  const inMain = Array.from(doc.querySelectorAll(IN_MAIN)).find(fits);
  if (inMain) {
    return { element: inMain, inMain: true };
  }
  const any = Array.from(doc.querySelectorAll('h1')).find(fits);
  return any ? { element: any, inMain: false } : null;
}

/** The page's visible headline text (see `headlineElement`). */
export function visibleHeadline(doc: Document): string | null {
  const found = headlineElement(doc);
  return found ? normalizeSpace(found.element.textContent ?? '') : null;
}
