import type { FrameSelector } from '@shared/protocol/frame-snapshot';

/**
 * Positions of elements among their same-tag siblings, computed per parent on first need by one
 * pass over the parent's children, so no selector ever scans siblings again (browser-use's old
 * buildDomTree.js did, which made it quadratic on long lists), and nothing is built for parents
 * of elements that are never listed.
 */
export interface SiblingIndex {
  /** 1-based position among siblings of the same tag, and how many siblings share the tag. */
  of(element: Element): { nth: number; count: number };
}

export function createSiblingIndex(): SiblingIndex {
  const positions = new Map<Element, { nth: number; tags: Map<string, number> }>();
  const index = (children: HTMLCollection) => {
    const tags = new Map<string, number>();
    for (const child of children) {
      const nth = (tags.get(child.localName) ?? 0) + 1;
      tags.set(child.localName, nth);
      positions.set(child, { nth, tags });
    }
  };
  return {
    of(element) {
      let found = positions.get(element);
      if (!found) {
        const parent = element.parentNode;
        index(parent ? parent.children : ([element] as unknown as HTMLCollection));
        found = positions.get(element) ?? { nth: 1, tags: new Map([[element.localName, 1]]) };
      }
      return { nth: found.nth, count: found.tags.get(element.localName) ?? 1 };
    },
  };
}

/** The element's parent inside its own tree: null at a document's `<html>` or a shadow root. */
const treeParent = (element: Element): Element | null => element.parentElement;

// CSS.escape is in every browser; the fallback keeps DOM emulators without it working.
const cssEscape = (value: string): string =>
  typeof CSS !== 'undefined' && typeof CSS.escape === 'function'
    ? CSS.escape(value)
    : value.replace(/([^\w-])/g, '\\$1').replace(/^(\d)/, '\\3$1 ');

const DOCUMENT_NODE = 9;
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Whether `#id` names exactly one element of the root; cached per pass by the caller. */
export type IdIsUnique = (root: Document | ShadowRoot, id: string) => boolean;

export function createIdUniqueness(): IdIsUnique {
  const cache = new Map<Document | ShadowRoot, Map<string, boolean>>();
  return (root, id) => {
    let perRoot = cache.get(root);
    if (!perRoot) {
      perRoot = new Map();
      cache.set(root, perRoot);
    }
    let unique = perRoot.get(id);
    if (unique === undefined) {
      // An id lookup, not a subtree scan: browsers answer `#id` from their id map.
      unique = root.querySelectorAll(`#${cssEscape(id)}`).length === 1;
      perRoot.set(id, unique);
    }
    return unique;
  };
}

function cssStep(element: Element, siblings: SiblingIndex): string {
  const tag = cssEscape(element.localName);
  const { nth, count } = siblings.of(element);
  return count > 1 ? `${tag}:nth-of-type(${nth})` : tag;
}

/** A CSS selector for the element, relative to its tree root; `#id` anchors when unique. */
export function cssSelector(element: Element, unique: IdIsUnique, siblings: SiblingIndex): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  const steps: string[] = [];
  for (let node: Element | null = element; node; node = treeParent(node)) {
    const id = node.id;
    if (id && unique(root, id)) {
      steps.push(`#${cssEscape(id)}`);
      return steps.reverse().join(' > ');
    }
    if (treeParent(node) || node.localName !== 'html') {
      steps.push(cssStep(node, siblings));
    }
  }
  const top = steps.length - 1;
  if (root.nodeType !== DOCUMENT_NODE && top >= 0) {
    // Children of a shadow root have no parent element, which anchors the path at the root:
    // without it `div > span` would also match deeper pairs.
    steps[top] = `${steps[top]}:not(* > *)`;
  }
  return steps.reverse().join(' > ');
}

function xpathStep(element: Element, siblings: SiblingIndex): string {
  // XPath name tests only match HTML elements by name; others need local-name().
  const test =
    element.namespaceURI === HTML_NS ? element.localName : `*[local-name()='${element.localName}']`;
  return `${test}[${siblings.of(element).nth}]`;
}

/** An XPath for the element: absolute in a document, relative (`./…`) to a shadow root. */
export function xpathSelector(element: Element, siblings: SiblingIndex): string {
  const steps: string[] = [];
  for (let node: Element | null = element; node; node = treeParent(node)) {
    steps.push(xpathStep(node, siblings));
  }
  const joined = steps.reverse().join('/');
  return element.getRootNode().nodeType === DOCUMENT_NODE ? `/${joined}` : `./${joined}`;
}

/** The full selector object of docs/SPEC.md section 3 for an element, shadow hosts included. */
export function frameSelector(
  element: Element,
  unique: IdIsUnique,
  siblings: SiblingIndex,
): FrameSelector {
  const hosts: string[] = [];
  for (let root = element.getRootNode(); root instanceof ShadowRoot;) {
    hosts.push(cssSelector(root.host, unique, siblings));
    root = root.host.getRootNode();
  }
  return {
    css_selector: cssSelector(element, unique, siblings),
    xpath_selector: xpathSelector(element, siblings),
    in_shadow_root: hosts.length > 0,
    shadow_host_css_selectors: hosts.reverse(),
  };
}

/** A compact positional key for fingerprints (no ids: they may be regenerated on re-render). */
export function pathKey(element: Element, siblings: SiblingIndex): string {
  let key = '';
  for (let node: Element | null = element; node; node = treeParent(node)) {
    key = `/${node.localName}${siblings.of(node).nth}${key}`;
  }
  return key;
}
