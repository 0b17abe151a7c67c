/**
 * Walking parsed JSON-LD for an article's fields. Pages put the article anywhere: a top-level
 * object, an array of objects, an `@graph`, or under a `WebPage`'s `mainEntity`; an author can be
 * a string, a `Person`/`Organization` object, an `@id` pointing into the graph, or a list of any.
 */

type Json = Record<string, unknown>;

/** Nodes deeper than this are not visited: a page's JSON-LD is shallow, a hostile one need not be. */
const MAX_DEPTH = 6;
const MAX_NODES = 500;

/** Article types of schema.org (`NewsArticle`, `ReportageNewsArticle`, `BlogPosting`, …). */
const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report)$/;
const PAGE_TYPE = /(?:WebPage|ItemPage|AboutPage|ProfilePage|QAPage|CollectionPage)$/;
const PERSON_TYPE = /^Person$/;
const ORGANIZATION_TYPE = /(?:Organization|Corporation|NewsMediaOrganization|WebSite)$/;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The node's types without a schema.org prefix: `"https://schema.org/NewsArticle"` → `NewsArticle`. */
export function typesOf(node: Json): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, '').trim());
}

const hasType = (node: Json, pattern: RegExp) => typesOf(node).some((t) => pattern.test(t));

export const isArticleNode = (node: Json): boolean => hasType(node, ARTICLE_TYPE);

/** Whether a schema.org type (bare or as a URL, as microdata's `itemtype` gives it) is an article. */
export const isArticleType = (type: string | null): boolean =>
  (type ?? '').split(/\s+/).some((t) => ARTICLE_TYPE.test(t.replace(/^.*[/#:]/, '')));

/** Every object node: array items, `@graph` members and `mainEntity` objects, depth-first. */
export function jsonLdNodes(items: readonly unknown[]): Json[] {
  const nodes: Json[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > MAX_DEPTH || nodes.length >= MAX_NODES) {
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item) => visit(item, depth + 1));
      return;
    }
    if (!isObject(value)) {
      return;
    }
    const graph = value['@graph'];
    if (graph !== undefined) {
      visit(graph, depth + 1);
      // A graph wrapper with only `@context` is no node of its own.
      if (Object.keys(value).every((key) => key === '@graph' || key === '@context')) {
        return;
      }
    }
    nodes.push(value);
    for (const key of ['mainEntity', 'mainEntityOfPage']) {
      if (isObject(value[key]) || Array.isArray(value[key])) {
        visit(value[key], depth + 1);
      }
    }
  };
  visit(items, 0);
  return nodes;
}

/**
 * The nodes an article's fields are read from, best first: article nodes, then web-page nodes,
 * then any other node that is not a person, an organisation or a breadcrumb trail.
 */
export function articleFirst(nodes: readonly Json[]): Json[] {
  const articles = nodes.filter(isArticleNode);
  const pages = nodes.filter((node) => !isArticleNode(node) && hasType(node, PAGE_TYPE));
  const rest = nodes.filter(
    (node) =>
      !isArticleNode(node) &&
      !hasType(node, PAGE_TYPE) &&
      !hasType(node, PERSON_TYPE) &&
      !hasType(node, ORGANIZATION_TYPE) &&
      !hasType(node, /BreadcrumbList|ImageObject|SearchAction|ListItem|ItemList|SiteNavigation/),
  );
  return [...articles, ...pages, ...rest];
}

const headlineOf = (node: Json) =>
  typeof node.headline === 'string' ? node.headline.trim().toLowerCase() : null;

/**
 * The authors of the page's main work: `author`, else `creator`, of the first article node (or,
 * on a page with no article, of its first creative work: a video, a recipe, a web page). Another
 * article node counts only when it states the same headline, the same story told twice; an
 * editor, a reviewer, a publisher or a person from any other node is no author.
 */
export function mainAuthors(candidates: readonly Json[], nodes: readonly Json[]): LdName[] {
  const main = candidates[0];
  if (!main) {
    return [];
  }
  const same = candidates.filter(
    (node) =>
      node === main ||
      (isArticleNode(node) && headlineOf(node) !== null && headlineOf(node) === headlineOf(main)),
  );
  for (const node of same) {
    const names = namesOf(node.author ?? node.creator, nodes);
    if (names.length) {
      return names;
    }
  }
  return [];
}

/** The first non-empty string at `key` among the nodes (a list's first string counts). */
export function firstString(nodes: readonly Json[], key: string): string | null {
  for (const node of nodes) {
    const raw = node[key];
    const value = Array.isArray(raw) ? raw.find((v) => typeof v === 'string') : raw;
    if (typeof value === 'string' && value.trim()) {
      return value.trim();
    }
  }
  return null;
}

export interface LdName {
  name: string;
  kind: 'person' | 'organization' | 'unknown';
}

/** Names in an author-like value, `@id` references resolved against the page's nodes. */
export function namesOf(value: unknown, nodes: readonly Json[]): LdName[] {
  const byId = new Map<string, Json>();
  for (const node of nodes) {
    if (typeof node['@id'] === 'string') {
      byId.set(node['@id'], node);
    }
  }
  const out: LdName[] = [];
  const visit = (item: unknown, depth: number) => {
    if (depth > 3) {
      return;
    }
    if (typeof item === 'string') {
      if (item.trim()) {
        out.push({ name: item.trim(), kind: 'unknown' });
      }
      return;
    }
    if (Array.isArray(item)) {
      item.forEach((entry) => visit(entry, depth + 1));
      return;
    }
    if (!isObject(item)) {
      return;
    }
    const ref = typeof item['@id'] === 'string' ? byId.get(item['@id']) : undefined;
    const node = ref && ref !== item && item.name === undefined ? ref : item;
    const kind = hasType(node, PERSON_TYPE)
      ? 'person'
      : hasType(node, ORGANIZATION_TYPE)
        ? 'organization'
        : 'unknown';
    const given = [node.givenName, node.familyName].filter((p) => typeof p === 'string').join(' ');
    const name =
      typeof node.name === 'string'
        ? node.name
        : Array.isArray(node.name)
          ? node.name.find((n) => typeof n === 'string')
          : given || null;
    if (typeof name === 'string' && name.trim()) {
      out.push({ name: name.trim(), kind });
    }
  };
  visit(value, 0);
  return out;
}
