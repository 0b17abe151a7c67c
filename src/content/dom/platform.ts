/**
 * The Chrome-only call in-page code needs, behind a plain function so that DOM modules stay
 * testable under happy-dom (where `chrome` does not exist).
 */

/** The element's shadow root, open or closed; `null` when it has none. */
export function shadowRootOf(element: Element): ShadowRoot | null {
  if (element.shadowRoot) {
    return element.shadowRoot;
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
