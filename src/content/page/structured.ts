/**
 * `data.structured`: the page's own machine-readable metadata without any model: JSON-LD,
 * OpenGraph, Twitter cards, standard meta tags and cheap microdata. Never throws: a malformed
 * JSON-LD block gives `success: false` with an error naming it, and keeps everything else.
 */
import type { StructuredData } from '@shared/schema/observation';
import { isSecretMeta } from '../dom/sensitive-fields';
import { dekOf, leadImage } from './article-fields';
import { joinAuthors } from './authors';
import { toIsoDate } from './dates';
import {
  articleFirst,
  firstString,
  isArticleNode,
  jsonLdNodes,
  mainAuthors,
  namesOf,
} from './json-ld';
import { bylineFromDom, dateFromDom, decodeEntities } from './metadata-fallbacks';
import { microdataAuthors, readMicrodata } from './microdata';
import { chooseTitle, headlineElement } from './title';

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

const AUTHOR_META_NAMES = [
  'author',
  'article:author',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'dcterms.creator',
  'byl',
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
    // Some CMSs wrap the JSON in HTML comments or CDATA (`<![CDATA[`, `//<![CDATA[`, `/*<![CDATA[*/`).
    const source = (script.textContent ?? '')
      .replace(/^\s*(?:<!--|(?:\/\/|\/\*)?\s*<!\[CDATA\[(?:\s*\*\/)?)/, '')
      .replace(/(?:-->|(?:\/\/|\/\*)?\s*\]\]>(?:\s*\*\/)?)\s*$/, '')
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

function hostOf(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
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
    const article = articleFirst(nodes);
    const { openGraph, twitter, meta } = readMeta(doc);
    const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
    const publisher = article
      .flatMap((node) => namesOf(node.publisher, nodes))
      .map((n) => n.name)[0];
    const websiteName = firstString(
      nodes.filter((node) => /Organization|WebSite/.test(String(node['@type']))),
      'name',
    );
    const siteName =
      str(openGraph.site_name) ??
      text(meta['application-name']) ??
      text(publisher) ??
      text(websiteName);
    // Names the site declares for itself; a Twitter handle is left out (it names a brand or a
    // product: `@firefox` on mozilla.org).
    const siteNames = [
      siteName,
      text(meta['application-name']),
      text(meta['apple-mobile-web-app-title']),
      text(publisher),
      text(websiteName),
    ].filter((name): name is string => Boolean(name));
    const host = hostOf(text(canonical?.href) ?? str(openGraph.url) ?? doc.baseURI);
    const headline = prose(firstString(article, 'headline'));
    // Evidence order for the author: the main article's JSON-LD people (then its untyped names),
    // meta tags, microdata, the visible byline, and last an organisation. The outlet's own name
    // is an author only when the page states it as one (a Person, a printed byline); an untyped
    // or organisation author or a meta tag naming the publisher is a CMS default, not a byline.
    const ldNames = mainAuthors(article, nodes);
    const people = ldNames.filter((n) => n.kind === 'person').map((n) => prose(n.name));
    const unnamedKind = ldNames.filter((n) => n.kind === 'unknown').map((n) => prose(n.name));
    const organizations = ldNames
      .filter((n) => n.kind === 'organization')
      .map((n) => prose(n.name));
    const microdata = readMicrodata(doc);
    const heading = headlineElement(doc);
    const title = chooseTitle({
      shared: [
        prose(str(openGraph.title)),
        prose(str(twitter.title)),
        ...TITLE_META_NAMES.map((name) => prose(meta[name])),
      ],
      declared: headline,
      documentTitle: prose(doc.title),
      visible: heading ? text(heading.element.textContent) : null,
      isArticle:
        str(openGraph.type)?.toLowerCase() === 'article' || nodes.some((n) => isArticleNode(n)),
      siteNames,
      host,
    });
    const data = {
      title,
      dek: dekOf(
        doc,
        prose(firstString(article, 'alternativeHeadline')),
        [
          prose(str(openGraph.description)),
          prose(meta.description),
          prose(str(twitter.description)),
          prose(firstString(article, 'description')),
        ],
        title,
      ),
      lead_image: leadImage(
        article.length ? article : nodes,
        [openGraph.image, twitter.image],
        doc.baseURI,
      ),
      // OpenGraph first: it is the summary written for sharing, where `description` is often an
      // SEO line; Readability and metascraper order them the same way.
      description:
        prose(str(openGraph.description)) ??
        prose(meta.description) ??
        prose(str(twitter.description)) ??
        prose(firstString(article, 'description')) ??
        prose(fallbacks.excerpt),
      author:
        joinAuthors(people) ??
        joinAuthors(unnamedKind, siteNames) ??
        AUTHOR_META_NAMES.map((name) => joinAuthors([prose(meta[name])], siteNames)).find(
          Boolean,
        ) ??
        joinAuthors(microdataAuthors(microdata).map(prose)) ??
        bylineFromDom(doc) ??
        joinAuthors(organizations, siteNames),
      published_time:
        toIsoDate(firstString(article, 'datePublished')) ??
        DATE_META_NAMES.map((name) => toIsoDate(meta[name])).find(Boolean) ??
        toIsoDate(str(openGraph.published_time)) ??
        toIsoDate(dateFromDom(doc)) ??
        toIsoDate(firstString(article, 'dateCreated')),
      modified_time:
        toIsoDate(firstString(article, 'dateModified')) ??
        MODIFIED_META_NAMES.map((name) => toIsoDate(meta[name])).find(Boolean) ??
        toIsoDate(str(openGraph.updated_time)),
      canonical: text(canonical?.href) ?? str(openGraph.url),
      lang:
        text(doc.documentElement.getAttribute('lang')) ??
        text(meta['content-language']) ??
        str(openGraph.locale),
      site_name: siteName,
      open_graph: openGraph,
      twitter,
      json_ld: jsonLd,
      microdata,
      meta,
    };
    return { success: errors.length === 0, error: errors.join('; ') || null, data };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { success: false, error: `Reading page metadata failed: ${reason}`, data: null };
  }
}
