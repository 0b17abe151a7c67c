/** Top-level microdata items (`itemscope` without `itemprop`), bounded so a huge catalogue stays cheap. */
import { normalizeSpace } from '@shared/text';
import { isArticleType } from './json-ld';

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

const firstText = (values: unknown[] | undefined): string | null =>
  (values?.find((v) => typeof v === 'string' && v.trim()) as string | undefined) ?? null;

/**
 * The `author` (else `creator`) names of the page's article items, wherever the page prints
 * them (often in an aside or footer of the article): a nested Person's `name` (or given and
 * family names), or the property's text.
 */
export function microdataAuthors(items: readonly MicrodataItem[]): string[] {
  // An article item may sit inside a WebPage item (`itemprop="mainEntity"`).
  const all: MicrodataItem[] = [];
  const visit = (item: MicrodataItem) => {
    all.push(item);
    Object.values(item.properties)
      .flat()
      .forEach((v) => v && typeof v === 'object' && 'properties' in v && visit(v as MicrodataItem));
  };
  items.forEach(visit);
  for (const item of all.filter((i) => isArticleType(i.type))) {
    const values = item.properties.author ?? item.properties.creator ?? [];
    const names = values
      .map((value) => {
        if (typeof value === 'string') {
          return value;
        }
        const person = value as MicrodataItem | null;
        const given = [
          firstText(person?.properties.givenName),
          firstText(person?.properties.familyName),
        ];
        return firstText(person?.properties.name) ?? (given.filter(Boolean).join(' ') || null);
      })
      .filter((name): name is string => Boolean(name?.trim()));
    if (names.length) {
      return names;
    }
  }
  return [];
}
