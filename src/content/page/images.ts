/**
 * `data.images`: the page's meaningful images with absolute URLs, a category and a description.
 * Body media come from the whole-page walk (so only visible ones, shadow trees included); icons
 * and social images come from `<head>`. Duplicates are merged by URL.
 */
import type { ImageCategory, ImageData } from '@shared/schema/observation';
import { MAX_DATA_URL_CHARS, absoluteUrl, imageSource } from './urls';
import { limitImages } from './image-limits';
import type { StyleCache } from './visibility';

const ICON_MAX_PX = 32;
const BACKGROUND_MIN_PX = 64;
const TRACKER_URL =
  /(?:[/.=_-](?:pixel|track(?:ing)?|beacon|spacer|1x1)[/._?=-])|\/b\/ss\/|doubleclick\.net|facebook\.com\/tr\b/i;

/** Higher wins when the same URL shows up twice (an og:image that is also the hero `<img>`). */
const RANK: Record<ImageCategory, number> = {
  content_image: 6,
  svg_content: 5,
  icon: 4,
  favicon: 3,
  svg_icon: 2,
  decorative: 1,
};

const clean = (text: string | null | undefined): string | null =>
  text?.replace(/\s+/g, ' ').trim() || null;

function sizeOf(element: Element): { width: number; height: number } | null {
  const img = element as HTMLImageElement;
  const width =
    img.naturalWidth || 0 || Number.parseFloat(element.getAttribute('width') ?? '') || 0;
  const height =
    img.naturalHeight || 0 || Number.parseFloat(element.getAttribute('height') ?? '') || 0;
  if (width > 0 && height > 0) {
    return { width, height };
  }
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 ? { width: rect.width, height: rect.height } : null;
}

const inControl = (element: Element) =>
  element.closest('a, button, [role=button], [role=link], label') !== null;

function describe(element: Element): string | null {
  const figure = element.closest('figure');
  return (
    clean(element.getAttribute('alt')) ??
    clean(figure?.querySelector('figcaption')?.textContent) ??
    clean(element.getAttribute('aria-label')) ??
    clean(element.getAttribute('title'))
  );
}

function fromImg(img: Element, base: string): ImageData | null {
  const url = imageSource(img, base);
  if (!url) {
    return null;
  }
  const size = sizeOf(img);
  const role = img.getAttribute('role');
  let category: ImageCategory;
  if ((size && size.width <= 2 && size.height <= 2) || TRACKER_URL.test(url)) {
    category = 'decorative';
  } else if (role === 'presentation' || role === 'none' || img.getAttribute('alt') === '') {
    category = 'decorative';
  } else if (/\.svg(?:$|[?#])/i.test(url) || url.startsWith('data:image/svg')) {
    const small = !size || (size.width <= ICON_MAX_PX && size.height <= ICON_MAX_PX);
    category = small || inControl(img) ? 'svg_icon' : 'svg_content';
  } else if (size && size.width <= ICON_MAX_PX && size.height <= ICON_MAX_PX) {
    category = 'icon';
  } else {
    category = 'content_image';
  }
  return { url, category, description: describe(img) };
}

function fromSvg(svg: Element, base: string): ImageData | null {
  const title = Array.from(svg.children).find((child) => child.localName === 'title');
  const description = clean(title?.textContent) ?? clean(svg.getAttribute('aria-label'));
  const use = svg.querySelector('use');
  const href = use?.getAttribute('href') ?? use?.getAttribute('xlink:href') ?? null;
  // A sprite in the same document (`#icon`) is no URL anyone can fetch.
  const url = href && !href.startsWith('#') ? absoluteUrl(href, base) : null;
  const size = sizeOf(svg);
  const small = size !== null && size.width <= ICON_MAX_PX && size.height <= ICON_MAX_PX;
  const category: ImageCategory = small || inControl(svg) ? 'svg_icon' : 'svg_content';
  if (category === 'svg_icon' && !url && !description) {
    return null; // An anonymous inline icon tells an agent nothing.
  }
  return { url, category, description };
}

function fromBackground(element: Element, styles: StyleCache, base: string): ImageData | null {
  const match = /url\(\s*(['"]?)(.*?)\1\s*\)/.exec(styles.styleOf(element)?.backgroundImage ?? '');
  const url = absoluteUrl(match?.[2], base);
  const rect = element.getBoundingClientRect();
  if (!url || rect.width < BACKGROUND_MIN_PX || rect.height < BACKGROUND_MIN_PX) {
    return null;
  }
  const description =
    clean(element.getAttribute('aria-label')) ?? clean(element.getAttribute('title'));
  return { url, category: 'content_image', description };
}

/** `logo` of JSON-LD nodes (publisher, Organization): a URL string or an ImageObject. */
function jsonLdLogos(doc: Document, base: string): string[] {
  const logos: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (!value || typeof value !== 'object' || depth > 6) {
      return;
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'logo') {
        const raw = typeof child === 'string' ? child : (child as { url?: unknown } | null)?.url;
        const url = typeof raw === 'string' ? absoluteUrl(raw, base) : null;
        if (url) {
          logos.push(url);
        }
      } else {
        visit(child, depth + 1);
      }
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // Malformed blocks are reported by the structured data, not here.
    }
  }
  return logos;
}

function fromHead(doc: Document, base: string): ImageData[] {
  const found: ImageData[] = [];
  let favicon = false;
  for (const link of doc.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const url = absoluteUrl(link.getAttribute('href'), base);
    if (!url) {
      continue;
    }
    if (
      rel.some((token) => token.startsWith('apple-touch-icon')) ||
      rel.includes('mask-icon') ||
      rel.includes('fluid-icon')
    ) {
      found.push({ url, category: 'icon', description: clean(link.getAttribute('sizes')) });
    } else if (rel.includes('icon')) {
      favicon = true;
      found.push({ url, category: 'favicon', description: clean(link.getAttribute('sizes')) });
    }
  }
  if (!favicon && /^https?:/.test(doc.URL)) {
    // Browsers fall back to /favicon.ico when a page declares no icon.
    found.push({
      url: new URL('/favicon.ico', doc.URL).href,
      category: 'favicon',
      description: null,
    });
  }
  for (const url of jsonLdLogos(doc, base)) {
    found.push({ url, category: 'icon', description: 'logo' });
  }
  const alts = new Map<string, string>();
  const socials: string[] = [];
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    const content = meta.getAttribute('content');
    if (/^(og:image(:url|:secure_url)?|twitter:image(:src)?)$/.test(key)) {
      const url = absoluteUrl(content, base);
      if (url) {
        socials.push(url);
      }
    } else if (key === 'og:image:alt' || key === 'twitter:image:alt') {
      alts.set(key.split(':')[0] ?? '', content ?? '');
    }
  }
  for (const url of socials) {
    const description = clean(alts.get('og')) ?? clean(alts.get('twitter'));
    found.push({ url, category: 'content_image', description });
  }
  return found;
}

export function collectImages(
  doc: Document,
  media: readonly Element[],
  styles: StyleCache,
  options: { includeHead: boolean },
): ImageData[] {
  const base = doc.baseURI;
  const found: ImageData[] = options.includeHead ? fromHead(doc, base) : [];
  for (const element of media) {
    const tag = element.localName;
    const image =
      tag === 'img'
        ? fromImg(element, base)
        : tag === 'svg'
          ? fromSvg(element, base)
          : fromBackground(element, styles, base);
    if (image) {
      found.push(image);
    }
  }
  return limitImages(mergeByUrl(found));
}

/** One entry per URL, keeping the strongest category and the longest description. */
export function mergeByUrl(images: readonly ImageData[]): ImageData[] {
  const byUrl = new Map<string, ImageData>();
  const merged: ImageData[] = [];
  for (const image of images) {
    const url = image.url && image.url.length > MAX_DATA_URL_CHARS ? null : image.url;
    const entry = { ...image, url };
    const seen = url ? byUrl.get(url) : undefined;
    if (!seen) {
      if (url) {
        byUrl.set(url, entry);
      }
      merged.push(entry);
      continue;
    }
    if (entry.category && (!seen.category || RANK[entry.category] > RANK[seen.category])) {
      seen.category = entry.category;
    }
    if ((entry.description?.length ?? 0) > (seen.description?.length ?? 0)) {
      seen.description = entry.description;
    }
  }
  return merged;
}
