/**
 * The Chrome-only call in-page code needs, behind a plain function so that DOM modules stay
 * testable under happy-dom (where `chrome` does not exist).
 */

// Only these and custom elements can host a shadow root (DOM spec, attachShadow step 3:
// https://dom.spec.whatwg.org/#dom-element-attachshadow). The extension call costs as much as
// the rest of an element's visit, so it is skipped for every other tag.
const SHADOW_HOST_TAGS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

const canHostShadow = (tag: string): boolean => SHADOW_HOST_TAGS.has(tag) || tag.includes('-');

/**
 * The element's shadow root, open or closed; `null` when it has none. `tag` is its `localName`,
 * for callers that have it (each read is a call into the browser).
 */
export function shadowRootOf(element: Element, tag = element.localName): ShadowRoot | null {
  const open = element.shadowRoot;
  if (open) {
    return open;
  }
  if (!canHostShadow(tag)) {
    return null;
  }
  // chrome.dom is only defined in extension content scripts (Chrome 88+).
  const api = (globalThis as { chrome?: typeof chrome }).chrome?.dom;
  if (!api?.openOrClosedShadowRoot || !(element instanceof HTMLElement)) {
    return null;
  }
  try {
    return api.openOrClosedShadowRoot(element) ?? null;
  } catch {
    return null;
  }
}
