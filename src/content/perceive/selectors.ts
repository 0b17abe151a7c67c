import type { FrameSelector } from '@shared/protocol/frame-snapshot';

/**
 * One step of an element's path inside its tree (document or shadow root), made while walking
 * the parent's children once, so no selector ever scans siblings again (browser-use's old
 * buildDomTree.js did, which made it quadratic on long lists).
 */
export interface PathNode {
  parent: PathNode | null;
  element: Element;
  /** 1-based position among siblings of the same tag. */
  nth: number;
  /** Tag counts of all siblings, complete once the parent's children were walked. */
  siblingTags: Map<string, number>;
}

/** The path nodes of `parent`'s element children, in order. */
export function childPaths(parent: PathNode | null, children: HTMLCollection): PathNode[] {
  const siblingTags = new Map<string, number>();
  const paths: PathNode[] = [];
  for (const element of children) {
    const nth = (siblingTags.get(element.localName) ?? 0) + 1;
    siblingTags.set(element.localName, nth);
    paths.push({ parent, element, nth, siblingTags });
  }
  return paths;
}

/** Tree a walked node lives in; `host` is the path of its shadow host in the enclosing tree. */
export interface TreeScope {
  root: Document | ShadowRoot;
  parent: TreeScope | null;
  host: PathNode | null;
}

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

function cssStep(node: PathNode): string {
  const tag = cssEscape(node.element.localName);
  return (node.siblingTags.get(node.element.localName) ?? 1) > 1
    ? `${tag}:nth-of-type(${node.nth})`
    : tag;
}

/** A CSS selector for the path's element, relative to its tree root; `#id` anchors when unique. */
export function cssSelector(
  path: PathNode,
  root: Document | ShadowRoot,
  unique: IdIsUnique,
): string {
  const steps: string[] = [];
  for (let node: PathNode | null = path; node; node = node.parent) {
    const id = node.element.id;
    if (id && unique(root, id)) {
      steps.push(`#${cssEscape(id)}`);
      return steps.reverse().join(' > ');
    }
    if (node.parent || node.element.localName !== 'html') {
      steps.push(cssStep(node));
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

function xpathStep(node: PathNode): string {
  const { element } = node;
  // XPath name tests only match HTML elements by name; others need local-name().
  const test =
    element.namespaceURI === HTML_NS ? element.localName : `*[local-name()='${element.localName}']`;
  return `${test}[${node.nth}]`;
}

/** An XPath for the element: absolute in a document, relative (`./…`) to a shadow root. */
export function xpathSelector(path: PathNode, root: Document | ShadowRoot): string {
  const steps: string[] = [];
  for (let node: PathNode | null = path; node; node = node.parent) {
    steps.push(xpathStep(node));
  }
  const joined = steps.reverse().join('/');
  return root.nodeType === DOCUMENT_NODE ? `/${joined}` : `./${joined}`;
}

/** The full selector object of SPEC section 3 for an element at `path` in `scope`. */
export function frameSelector(path: PathNode, scope: TreeScope, unique: IdIsUnique): FrameSelector {
  const hosts: string[] = [];
  for (let s: TreeScope | null = scope; s?.host && s.parent; s = s.parent) {
    hosts.push(cssSelector(s.host, s.parent.root, unique));
  }
  return {
    css_selector: cssSelector(path, scope.root, unique),
    xpath_selector: xpathSelector(path, scope.root),
    in_shadow_root: scope.parent !== null,
    shadow_host_css_selectors: hosts.reverse(),
  };
}

/** A compact positional key for fingerprints (no ids: they may be regenerated on re-render). */
export function pathKey(path: PathNode): string {
  let key = '';
  for (let node: PathNode | null = path; node; node = node.parent) {
    key = `/${node.element.localName}${node.nth}${key}`;
  }
  return key;
}
