import { briefOf, nameOf } from './describe-element';
import { composedContains, deepElementFromPoint, visiblePoint, type Point } from './geometry';
import { fail } from './outcome';
import { dispatchClick } from './pointer-events';

export function isDisabled(element: Element): boolean {
  if (element.matches(':disabled')) {
    return true;
  }
  return element.closest('[aria-disabled="true"]') !== null;
}

function labelsOf(element: Element): HTMLLabelElement[] {
  return 'labels' in element && element.labels instanceof NodeList
    ? [...(element.labels as NodeListOf<HTMLLabelElement>)]
    : [];
}

/** Whether a click landing on `hit` reaches `target`, as a person's click would. */
function reaches(target: Element, hit: Element): boolean {
  if (composedContains(target, hit)) {
    return true;
  }
  // A label forwards its click to its control (custom checkboxes hide the input under one).
  if (labelsOf(target).some((label) => composedContains(label, hit))) {
    return true;
  }
  // An inner part with pointer-events:none: the click lands on the interactive ancestor.
  const interactive = target.closest('a, button, label, [role="button"], [role="link"]');
  return interactive !== null && composedContains(interactive, hit);
}

/**
 * What to name as the blocker: the dialog or fixed overlay the hit element belongs to (a cookie
 * banner's paragraph means little to an agent; the banner does), else the hit element itself.
 */
function blockerOf(hit: Element): Element {
  const dialog = hit.closest('[role="dialog"], [role="alertdialog"], dialog, [aria-modal="true"]');
  if (dialog) {
    return dialog;
  }
  let overlay: Element | undefined;
  for (let el: Element | null = hit; el && el !== document.body; el = el.parentElement) {
    if (getComputedStyle(el).position === 'fixed') {
      overlay = el;
    }
  }
  return overlay ?? hit;
}

/**
 * Where to click: the element's visible centre, or that of its first visible label when the
 * control itself is visually hidden (the common custom checkbox/radio pattern).
 */
function pointFor(element: Element): { point: Point; via: Element } | undefined {
  const point = visiblePoint(element);
  if (point) {
    return { point, via: element };
  }
  for (const label of labelsOf(element)) {
    const labelPoint = visiblePoint(label);
    if (labelPoint) {
      return { point: labelPoint, via: label };
    }
  }
  return undefined;
}

/**
 * Clicks like a person: into view, refuse when disabled or covered (naming what covers it), then
 * the full pointer/mouse sequence on whatever is on top at that point.
 */
export function clickElement(element: Element, id: string): void {
  if (isDisabled(element)) {
    fail(`${nameOf(element)} (${id}) is disabled; wait until it is enabled, or observe again`);
  }
  const target = pointFor(element);
  if (!target) {
    fail(
      `${nameOf(element)} (${id}) has no visible box (hidden or zero size); observe again to find a visible element`,
    );
    return;
  }
  const hit = deepElementFromPoint(target.point);
  if (!hit) {
    fail(`${nameOf(element)} (${id}) is outside the page's viewport; scroll, then observe again`);
    return;
  }
  if (!reaches(element, hit)) {
    fail(
      `${nameOf(element)} (${id}) is covered by ${briefOf(blockerOf(hit))}; close or dismiss it first, then observe again`,
    );
  }
  dispatchClick(hit, target.point);
}
