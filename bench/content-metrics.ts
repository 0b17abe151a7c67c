/**
 * Comparisons the content eval makes between our page data and another library's expectations:
 * token F1 of texts, normalised strings, site-suffix stripping, dates as instants, URLs.
 */
import { Window } from 'happy-dom';

export interface F1 {
  precision: number;
  recall: number;
  f1: number;
}

/** Lower-cased word tokens: runs of letters and digits in any script. */
export const tokens = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Precision and recall of the multiset overlap of two token lists. */
export function tokenF1(ours: readonly string[], expected: readonly string[]): F1 {
  const counts = new Map<string, number>();
  for (const token of expected) {
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  let overlap = 0;
  for (const token of ours) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      overlap += 1;
      counts.set(token, left - 1);
    }
  }
  const precision = ours.length ? overlap / ours.length : 0;
  const recall = expected.length ? overlap / expected.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Overlap counts of one page, so a corpus figure can pool them (the benchmark's way). */
export interface ShingleScore extends F1 {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

export const SHINGLE_SIZE = 4;

function shingleCounts(words: readonly string[], size: number): Map<string, number> {
  const counts = new Map<string, number>();
  // A text shorter than one shingle is one shingle of what it has.
  const last = Math.max(words.length - size, words.length ? 0 : -1);
  for (let start = 0; start <= last; start += 1) {
    const key = words.slice(start, start + size).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Precision and recall over word 4-gram shingles counted as multisets: the metric of the
 * published article-extraction benchmark. Word order matters, so text kept twice or out of
 * place costs precision where bag-of-words F1 would not see it.
 */
export function shingleF1(
  ours: readonly string[],
  expected: readonly string[],
  size = SHINGLE_SIZE,
): ShingleScore {
  const want = shingleCounts(expected, size);
  const got = shingleCounts(ours, size);
  let truePositive = 0;
  let predicted = 0;
  let wanted = 0;
  for (const count of want.values()) {
    wanted += count;
  }
  for (const [key, count] of got) {
    predicted += count;
    truePositive += Math.min(count, want.get(key) ?? 0);
  }
  return fromCounts(truePositive, predicted - truePositive, wanted - truePositive);
}

export function fromCounts(tp: number, fp: number, fn: number): ShingleScore {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePositive: tp, falsePositive: fp, falseNegative: fn };
}

/**
 * The reading text of markdown: images dropped (their alt is no text of the page), links reduced
 * to their text, autolinks and bare URLs dropped, then the syntax characters blanked. Tokenising
 * drops the remaining punctuation anyway; URLs are what would otherwise add words.
 */
export function markdownText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/<https?:[^>]*>/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/[#*|[\]_`>~\\]/g, ' ');
}

// Block boundaries become spaces, so `</p><p>` never glues two words into one token.
const BLOCK_TAG =
  /<(\/?)(p|div|li|h[1-6]|br|hr|tr|td|th|dt|dd|blockquote|pre|section|article|figure|figcaption|ul|ol|table|header|footer)\b/gi;

/** Text and image URLs of an HTML fragment, URLs resolved against `base`. */
export function htmlContent(html: string, base: string): { text: string; images: string[] } {
  // A DOM without script or subresource loading: expected.html is data to read.
  const window = new Window({
    url: base,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  const doc = new window.DOMParser().parseFromString(
    html.replace(BLOCK_TAG, ' <$1$2'),
    'text/html',
  );
  const images = Array.from(doc.querySelectorAll('img'))
    .map((img) => img.getAttribute('src') ?? '')
    .filter((src) => src && !src.startsWith('data:'))
    .map((src) => new URL(src, base).href);
  const text = doc.body?.textContent ?? '';
  void window.happyDOM.close();
  return { text, images };
}

/** Whitespace collapsed, lower case, typographic quotes and dashes folded. */
export const norm = (value: string | null | undefined): string =>
  (value ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** `Title - Site`, `Title | Site`, `Title · Site` → `Title` (the last separator only). */
export const stripSiteSuffix = (title: string): string =>
  title.replace(/\s+[-|·:»–—]\s+[^-|·:»–—]*$/, '').trim();

export function titleMatch(
  ours: string | null | undefined,
  expected: string,
): { exact: boolean; suffix: boolean } {
  const exact = norm(ours) === norm(expected) && norm(expected) !== '';
  const suffix = exact || (ours ? norm(stripSiteSuffix(ours)) === norm(expected) : false);
  return { exact, suffix };
}

export function textMatch(
  ours: string | null | undefined,
  expected: string,
): { exact: boolean; partial: boolean } {
  const a = norm(ours);
  const b = norm(expected);
  const exact = a !== '' && a === b;
  // One is the start of the other: a truncated excerpt, or a first paragraph that runs on.
  const partial = exact || (a !== '' && b !== '' && (a.startsWith(b) || b.startsWith(a)));
  return { exact, partial };
}

const UTC_DAY = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Same instant, or the same calendar day (either in UTC or as written in our string). */
export function sameDate(ours: string | null | undefined, expected: string): boolean {
  if (!ours) {
    return false;
  }
  const a = Date.parse(ours);
  const b = Date.parse(expected);
  if (Number.isNaN(a) || Number.isNaN(b)) {
    return false;
  }
  return a === b || UTC_DAY(a) === UTC_DAY(b) || ours.trim().slice(0, 10) === UTC_DAY(b);
}

/** URL for comparison: no scheme, no `www.`, no fragment, no trailing slash, decoded. */
export function normUrl(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  let out = value.trim();
  try {
    out = decodeURI(new URL(out).href);
  } catch {
    // Keep the raw text: expectations sometimes hold malformed URLs.
  }
  return out
    .replace(/^https?:\/\/(?:www\.)?/i, '')
    .replace(/#.*$/, '')
    .replace(/\/+$/, '');
}

/** The last path segment of a URL: compares images when the two sides used different hosts. */
export function fileName(value: string): string {
  try {
    const segments = new URL(value).pathname.split('/').filter(Boolean);
    return decodeURIComponent(segments.at(-1) ?? '').toLowerCase();
  } catch {
    return '';
  }
}
