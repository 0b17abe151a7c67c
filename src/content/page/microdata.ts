/** Top-level microdata items (`itemscope` without `itemprop`), bounded so a huge catalogue stays cheap. */
import { normalizeSpace } from '@shared/text';

const MAX_ITEMS = 50;
const MAX_DEPTH = 4;
const MAX_TEXT_CHARS = 500;

export interface MicrodataItem {
  type: string | null;
  properties: Record<string, unknown[]>;
}

function propertyValue(element: Element, depth: number): unknown {
  if (element.hasAttribute('itemscope')) {
    return depth < MAX_DEPTH ? readItem(element, depth + 1) : null;
  }
  const tag = element.localName;
  const attribute =
    tag === 'meta'
      ? 'content'
      : tag === 'a' || tag === 'link' || tag === 'area'
        ? 'href'
        : tag === 'img' ||
            tag === 'audio' ||
            tag === 'video' ||
            tag === 'source' ||
            tag === 'iframe'
          ? 'src'
          : tag === 'time'
            ? 'datetime'
            : tag === 'data' || tag === 'meter'
              ? 'value'
              : null;
  const raw = attribute ? element.getAttribute(attribute) : null;
  if (raw !== null && attribute !== 'href' && attribute !== 'src') {
    return raw;
  }
  if (raw !== null) {
    try {
      return new URL(raw, element.ownerDocument.baseURI).href;
    } catch {
      return raw;
    }
  }
  return normalizeSpace(element.textContent ?? '').slice(0, MAX_TEXT_CHARS);
}

function readItem(item: Element, depth: number): MicrodataItem {
  const properties: Record<string, unknown[]> = {};
  for (const element of item.querySelectorAll('[itemprop]')) {
    // A property belongs to the nearest enclosing item only.
    if (element.parentElement?.closest('[itemscope]') !== item) {
      continue;
    }
    const value = propertyValue(element, depth);
    for (const name of (element.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean)) {
      (properties[name] ??= []).push(value);
    }
  }
  return { type: item.getAttribute('itemtype'), properties };
}

export function readMicrodata(doc: Document): MicrodataItem[] {
  return Array.from(doc.querySelectorAll('[itemscope]:not([itemprop])'))
    .slice(0, MAX_ITEMS)
    .map((item) => readItem(item, 0));
}
