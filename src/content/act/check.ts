import { clickElement } from './click';
import { nameOf } from './describe-element';
import { fail } from './outcome';

const CHECKABLE_ROLES = new Set([
  'checkbox',
  'switch',
  'radio',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
]);

/** Checked state of a native or ARIA checkable; undefined when the element is not one. */
export function checkedState(element: Element): boolean | 'mixed' | undefined {
  if (
    element instanceof HTMLInputElement &&
    (element.type === 'checkbox' || element.type === 'radio')
  ) {
    return element.indeterminate ? 'mixed' : element.checked;
  }
  const role = element.getAttribute('role') ?? '';
  if (CHECKABLE_ROLES.has(role)) {
    const state = element.getAttribute(role === 'option' ? 'aria-selected' : 'aria-checked');
    return state === 'mixed' ? 'mixed' : state === 'true';
  }
  if (element.hasAttribute('aria-pressed')) {
    const pressed = element.getAttribute('aria-pressed');
    return pressed === 'mixed' ? 'mixed' : pressed === 'true';
  }
  return undefined;
}

const isRadio = (element: Element): boolean =>
  (element instanceof HTMLInputElement && element.type === 'radio') ||
  ['radio', 'menuitemradio'].includes(element.getAttribute('role') ?? '');

const STATE_SETTLE_MS = 100;

/**
 * Puts a checkbox, radio or switch in the requested state with a click, and only when it is not
 * already there, so repeating the action changes nothing.
 */
export async function checkElement(element: Element, id: string, wanted: boolean): Promise<string> {
  const label = `${nameOf(element)} (${id})`;
  const before = checkedState(element);
  if (before === undefined) {
    return fail(`${label} is not a checkbox, radio or switch; use click instead`);
  }
  const word = wanted ? 'checked' : 'unchecked';
  if (before === wanted) {
    return `${label} is already ${word}; nothing to do`;
  }
  if (!wanted && isRadio(element)) {
    return fail(
      `${label} is a radio button and cannot be unchecked; check another option of its group instead`,
    );
  }
  clickElement(element, id);
  // Framework-controlled checkboxes may re-render on the next frame.
  if (checkedState(element) !== wanted) {
    await new Promise((resolve) => setTimeout(resolve, STATE_SETTLE_MS));
  }
  if (checkedState(element) !== wanted) {
    return fail(
      `clicked ${label} but it is still not ${word}; the page refused the change, observe again`,
    );
  }
  return `${word} ${label}`;
}
