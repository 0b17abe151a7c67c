/**
 * The elements the page-world listener probe named (src/background/observe/listener-probe.ts),
 * found again in this world by their paths: reads only, nothing written to the page.
 */
import { SHADOW_STEP, type ElementPath, type ListenerHints } from '@shared/protocol/listeners';

/** At most this many descendants per delegated handler become targets. */
export const MAX_DELEGATED_MATCHES = 5_000;

/**
 * The node a path leads to from `doc` (the document itself for an empty path), or null when a
 * step leads nowhere: the DOM changed between the probe and this read.
 */
export function resolvePath(doc: Document, path: ElementPath): Document | Element | null {
  let parent: ParentNode = doc;
  let element: Element | null = null;
  for (const step of path) {
    if (step === SHADOW_STEP) {
      // The probe saw open shadow roots only (closed ones are hidden from the page's world).
      const shadow = element?.shadowRoot;
      if (!shadow) {
        return null;
      }
      parent = shadow;
      element = null;
      continue;
    }
    element = parent.children[step] ?? null;
    if (!element) {
      return null;
    }
    parent = element;
  }
  // A path that ends in a shadow root names no element.
  return path.length === 0 ? doc : element;
}

/** The path's node when it still is the element the probe saw (same tag), else null. */
function resolveElement(doc: Document, path: ElementPath, tag: string): Element | null {
  const node = resolvePath(doc, path);
  return node instanceof Element && node.localName === tag ? node : null;
}

/**
 * The descendants of `root` a delegated handler's selector matches, as jQuery matches them
 * (`$(root).on('click', selector, fn)` runs for descendants matching the selector). A
 * selector that starts with a combinator (`> li`) is relative to the root; one in jQuery's own
 * extensions (`:visible`, `:eq(2)`) is not CSS and matches nothing here.
 */
export function delegatedMatches(root: Document | Element, selector: string): Element[] {
  const trimmed = selector.trim();
  if (!trimmed) {
    return [];
  }
  const query = (css: string): Element[] | null => {
    try {
      return Array.from(root.querySelectorAll(css)).slice(0, MAX_DELEGATED_MATCHES);
    } catch {
      return null;
    }
  };
  const direct = /^[>+~]/.test(trimmed) ? null : query(trimmed);
  if (direct) {
    return direct;
  }
  // `:scope` is the root element itself; the document has none, its root element stands in.
  return root instanceof Document ? (query(trimmed) ?? []) : (query(`:scope ${trimmed}`) ?? []);
}

/** Every element the probe found a pointer listener for, directly or by delegation. */
export function listenerTargets(doc: Document, hints: ListenerHints): Set<Element> {
  const found = new Set<Element>();
  for (const { path, tag } of hints.targets) {
    const element = resolveElement(doc, path, tag);
    if (element) {
      found.add(element);
    }
  }
  for (const { path, tag, selector } of hints.delegated) {
    const root = path.length === 0 ? doc : resolveElement(doc, path, tag);
    if (root) {
      for (const element of delegatedMatches(root, selector)) {
        found.add(element);
      }
    }
  }
  return found;
}
