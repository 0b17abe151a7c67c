/**
 * The two Chrome-only calls in-page code needs, behind plain functions so that DOM modules stay
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

/** The extension frame id of an `<iframe>`/`<frame>` element's document, or -1 when unknown. */
export function frameIdOf(frameElement: Element): number {
  // runtime.getFrameId (Chrome 106+) is missing from @types/chrome.
  const runtime = (globalThis as { chrome?: { runtime?: { getFrameId?: (e: Element) => number } } })
    .chrome?.runtime;
  if (!runtime?.getFrameId) {
    return -1;
  }
  try {
    return runtime.getFrameId(frameElement);
  } catch {
    return -1;
  }
}
