/**
 * `data.structured`: the page's own machine-readable metadata without any model: JSON-LD,
 * OpenGraph, Twitter cards, standard meta tags and cheap microdata. Never throws: a malformed
 * JSON-LD block gives `success: false` with an error naming it, and keeps everything else.
 */
import type { StructuredData } from '@shared/schema/observation';
import { isSecretMeta } from '../dom/sensitive-fields';
import { dekOf, leadImage, titleWithoutSite, visibleHeadline } from './article-fields';
import { bylineFromDom, cleanAuthor, dateFromDom, decodeEntities } from './metadata-fallbacks';
import { readMicrodata } from './microdata';

type Json = Record<string, unknown>;

const DATE_META_NAMES = [
  'article:published_time',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'datepublished',
];

const MODIFIED_META_NAMES = [
  'article:modified_time',
  'datemodified',
  'dc.date.modified',
  'dcterms.modified',
  'last-modified',
];

const TITLE_META_NAMES = ['dc.title', 'dc:title', 'dcterm:title', 'dcterms.title', 'parsely-title'];

const text = (value: string | null | undefined): string | null =>
  value?.replace(/\s+/g, ' ').trim() || null;

/** Text a person reads (title, description, names): also undo a second HTML escaping. */
const prose = (value: string | null | undefined): string | null =>
  value ? text(decodeEntities(value)) : null;

function parseJsonLd(doc: Document, errors: string[]): unknown[] {
  const blocks = Array.from(doc.querySelectorAll('script[type]')).filter((script) =>
    /^application\/ld\+json/i.test(script.getAttribute('type')?.trim() ?? ''),
  );
  const items: unknown[] = [];
  blocks.forEach((script, index) => {
    // Some CMSs wrap the JSON in HTML comments or CDATA.
    const source = (script.textContent ?? '')
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\/\s*\]\]>)\s*$/, '')
      .trim();
    if (!source) {
      return;
    }
    try {
      const value: unknown = JSON.parse(source);
      items.push(...(Array.isArray(value) ? (value as unknown[]) : [value]));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      errors.push(`JSON-LD block ${index + 1} of ${blocks.length} is malformed: ${reason}`);
    }
  });
  return items;
}

/** The items of JSON-LD, flattening `@graph`, for picking title/author/date fallbacks. */
function jsonLdNodes(items: readonly unknown[]): Json[] {
  const nodes: Json[] = [];
  for (const item of items) {
    if (item && typeof item === 'object') {
      const graph = (item as Json)['@graph'];
      nodes.push(...(Array.isArray(graph) ? (graph as Json[]) : [item as Json]));
    }
  }
  return nodes;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') {
    return text(value);
  }
  if (Array.isArray(value)) {
    return value.map(nameOf).filter(Boolean).join(', ') || null;
  }
  return value && typeof value === 'object' ? nameOf((value as Json).name) : null;
}

function firstOf(nodes: readonly Json[], key: string): string | null {
  for (const node of nodes) {
    const value = key === 'author' || key === 'publisher' ? nameOf(node[key]) : node[key];
    if (typeof value === 'string' && value.trim()) {
      return value.trim();
    }
  }
  return null;
}

function readMeta(doc: Document) {
  const openGraph: Json = {};
  const twitter: Json = {};
  const meta: Record<string, string> = {};
  const add = (target: Json, key: string, value: string) => {
    const existing = target[key];
    target[key] =
      existing === undefined
        ? value
        : Array.isArray(existing)
          ? [...(existing as unknown[]), value]
          : [existing, value];
  };
  for (const element of doc.querySelectorAll('meta[content]')) {
    const keys = (
      element.getAttribute('property') ??
      element.getAttribute('name') ??
      element.getAttribute('itemprop') ??
      element.getAttribute('http-equiv') ??
      ''
    )
      .toLowerCase()
      .trim();
    const value = element.getAttribute('content')?.trim() ?? '';
    if (!keys || !value) {
      continue;
    }
    // RDFa lets one tag carry several properties: `property="og:title twitter:title"`.
    for (const key of keys.split(/\s+/)) {
      if (key.startsWith('og:')) {
        add(openGraph, key.slice(3), value);
      } else if (key.startsWith('twitter:')) {
        add(twitter, key.slice(8), value);
      } else if (!isSecretMeta(key)) {
        meta[key] ??= value;
      }
    }
  }
  return { openGraph, twitter, meta };
}

const str = (value: unknown): string | null =>
  typeof value === 'string' ? text(value) : Array.isArray(value) ? str(value[0]) : null;

export interface StructuredFallbacks {
  /** The main content's first paragraph (Readability's excerpt), for pages with no description. */
  excerpt?: string | null;
}

export function extractStructured(
  doc: Document,
  fallbacks: StructuredFallbacks = {},
): StructuredData {
  try {
    const errors: string[] = [];
    const jsonLd = parseJsonLd(doc, errors);
    const nodes = jsonLdNodes(jsonLd);
    const { openGraph, twitter, meta } = readMeta(doc);
    const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
    const siteName =
      str(openGraph.site_name) ??
      text(meta['application-name']) ??
      firstOf(nodes, 'publisher') ??
      firstOf(
        nodes.filter((node) => /Organization|WebSite/.test(String(node['@type']))),
        'name',
      );
    const headline = prose(firstOf(nodes, 'headline'));
    const data = {
      // The shared title, unless it is a headline the page also states plus the site's name.
      title: titleWithoutSite(
        prose(str(openGraph.title)) ??
          prose(str(twitter.title)) ??
          TITLE_META_NAMES.map((name) => prose(meta[name])).find(Boolean) ??
          headline ??
          prose(doc.title) ??
          prose(doc.querySelector('h1')?.textContent),
        [headline, visibleHeadline(doc)],
        siteName,
      ),
      dek: dekOf(doc, prose(firstOf(nodes, 'alternativeHeadline'))),
      lead_image: leadImage(nodes, [openGraph.image, twitter.image], doc.baseURI),
      // OpenGraph first: it is the summary written for sharing, where `description` is often an
      // SEO line; Readability and metascraper order them the same way.
      description:
        prose(str(openGraph.description)) ??
        prose(meta.description) ??
        prose(str(twitter.description)) ??
        prose(firstOf(nodes, 'description')) ??
        prose(fallbacks.excerpt),
      author:
        cleanAuthor(prose(meta.author)) ??
        cleanAuthor(prose(meta['article:author'])) ??
        cleanAuthor(prose(firstOf(nodes, 'author'))) ??
        cleanAuthor(prose(meta['dc.creator'] ?? meta['parsely-author'])) ??
        bylineFromDom(doc) ??
        str(twitter.creator),
      published_time:
        DATE_META_NAMES.map((name) => text(meta[name])).find(Boolean) ??
        str(openGraph.published_time) ??
        firstOf(nodes, 'datePublished') ??
        dateFromDom(doc),
      modified_time:
        MODIFIED_META_NAMES.map((name) => text(meta[name])).find(Boolean) ??
        str(openGraph.updated_time) ??
        firstOf(nodes, 'dateModified'),
      canonical: text(canonical?.href) ?? str(openGraph.url),
      lang:
        text(doc.documentElement.getAttribute('lang')) ??
        text(meta['content-language']) ??
        str(openGraph.locale),
      site_name: siteName,
      open_graph: openGraph,
      twitter,
      json_ld: jsonLd,
      microdata: readMicrodata(doc),
      meta,
    };
    return { success: errors.length === 0, error: errors.join('; ') || null, data };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { success: false, error: `Reading page metadata failed: ${reason}`, data: null };
  }
}
