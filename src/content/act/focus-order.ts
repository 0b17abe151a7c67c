import { composedParent } from './geometry';

const TABBABLE =
  'a[href], area[href], button, input:not([type="hidden"]), select, textarea, iframe, summary, [tabindex], [contenteditable]:not([contenteditable="false"])';

function isTabbable(element: HTMLElement): boolean {
  if (element.tabIndex < 0 || element.matches(':disabled') || element.closest('[inert]')) {
    return false;
  }
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
}

/**
 * Moves focus to the next (or previous) tabbable element in document order, as Tab does.
 * Positive tabindex ordering is ignored: it is rare and discouraged.
 */
export function moveFocus(from: Element, direction: 1 | -1): boolean {
  const root = (from.getRootNode() as Document | ShadowRoot) ?? document;
  const all = [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(isTabbable);
  let index = all.indexOf(from as HTMLElement);
  if (index < 0) {
    // Focus sits on a non-tabbable element: start from its nearest tabbable ancestor position.
    const anchor = composedParent(from);
    index = anchor ? all.findIndex((el) => anchor.contains(el)) - 1 : -1;
  }
  const next = all[index + direction];
  if (!next) {
    return false;
  }
  next.focus();
  return true;
}
