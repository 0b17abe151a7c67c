/**
 * URL helpers shared by the markdown walk and the image collector: everything leaves the page as
 * an absolute URL, and lazy-loaded images are resolved to the real picture rather than the
 * placeholder the page shows before scrolling.
 */

/** Attributes lazy-loading libraries (lazysizes, lozad, WordPress, …) keep the real URL in. */
const LAZY_SRC_ATTRIBUTES = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
];
const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset'];

/** Longest data: URL we pass on; larger ones are inline blobs that bloat every observation. */
export const MAX_DATA_URL_CHARS = 2048;

/** `raw` resolved against `base`; null for empty, unparsable or script URLs. */
export function absoluteUrl(raw: string | null | undefined, base: string): string | null {
  const value = raw?.trim();
  if (!value) {
    return null;
  }
  try {
    const url = new URL(value, base);
    return url.protocol === 'javascript:' ? null : url.href;
  } catch {
    return null;
  }
}

/** True for the tiny stand-ins pages show until a lazy image scrolls into view. */
export function isPlaceholderSrc(src: string): boolean {
  if (!src || src === 'about:blank') {
    return true;
  }
  if (src.startsWith('data:')) {
    // A 1×1 GIF/PNG or an empty SVG is well under this; a real inline picture is not.
    return src.length < 200;
  }
  return /(?:^|[/_.-])(?:blank|spacer|placeholder|transparent|pixel|lazy|loading|1x1)[^/]*\.(?:gif|png|svg)(?:$|\?)/i.test(
    src,
  );
}

/** The largest candidate of a `srcset` (by width or density descriptor). */
export function bestSrcsetCandidate(srcset: string, base: string): string | null {
  let best: string | null = null;
  let bestScore = -1;
  // Candidates are comma-separated, but URLs may contain commas: split on ", " and "," + space-less
  // descriptors conservatively, which covers what real pages emit.
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = part.trim().split(/\s+/);
    const score = Number.parseFloat(descriptor) * (descriptor.endsWith('w') ? 1 : 1000);
    const resolved = absoluteUrl(url, base);
    if (resolved && (Number.isNaN(score) ? 0 : score) > bestScore) {
      best = resolved;
      bestScore = Number.isNaN(score) ? 0 : score;
    }
  }
  return best;
}

/** The real, absolute URL of an `<img>`, looking past lazy-loading placeholders. */
export function imageSource(img: Element, base: string): string | null {
  const current = (img as HTMLImageElement).currentSrc;
  if (typeof current === 'string' && current && !isPlaceholderSrc(current)) {
    return current;
  }
  const src = absoluteUrl(img.getAttribute('src'), base);
  if (src && !isPlaceholderSrc(src)) {
    return src;
  }
  for (const name of LAZY_SRC_ATTRIBUTES) {
    const lazy = absoluteUrl(img.getAttribute(name), base);
    if (lazy) {
      return lazy;
    }
  }
  for (const name of ['srcset', ...LAZY_SRCSET_ATTRIBUTES]) {
    const srcset = img.getAttribute(name);
    const best = srcset ? bestSrcsetCandidate(srcset, base) : null;
    if (best) {
      return best;
    }
  }
  // <picture><source srcset> without a usable <img src>.
  const picture = img.parentElement?.localName === 'picture' ? img.parentElement : null;
  for (const source of picture?.querySelectorAll('source') ?? []) {
    const srcset = source.getAttribute('srcset') ?? source.getAttribute('data-srcset');
    const best = srcset ? bestSrcsetCandidate(srcset, base) : null;
    if (best) {
      return best;
    }
  }
  return src;
}
