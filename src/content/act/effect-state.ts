import type { EffectProperty } from '@shared/schema/effect';
import type { z } from 'zod';

type Property = z.infer<typeof EffectProperty>;

/** Roles whose elements an observation lists, plus the dialog roles an overlay shows up as. */
const TRACKED_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'checkbox',
  'radio',
  'switch',
  'tab',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'slider',
  'spinbutton',
  'listbox',
  'treeitem',
  'dialog',
  'alertdialog',
]);

const CANDIDATES =
  'a[href], button, input:not([type=hidden]), select, textarea, summary, details, dialog, ' +
  '[role], [contenteditable=""], [contenteditable="true"], [aria-modal="true"]';

/** Whether an element is one an effect report speaks of (interactive, or a dialog). */
export function isTracked(element: Element): boolean {
  const role = element.getAttribute('role')?.trim().split(/\s+/)[0];
  if (role) {
    return TRACKED_ROLES.has(role) || element.getAttribute('aria-modal') === 'true';
  }
  return element.matches(CANDIDATES);
}

/** The tracked elements in and under `root` (a document or an element). */
export function trackedIn(root: ParentNode, limit: number): Element[] {
  const found: Element[] = [];
  if (root instanceof Element && isTracked(root)) {
    found.push(root);
  }
  for (const element of root.querySelectorAll(CANDIDATES)) {
    if (found.length >= limit) {
      break;
    }
    if (isTracked(element)) {
      found.push(element);
    }
  }
  return found;
}

export const isShown = (element: Element): boolean =>
  element.isConnected && element.checkVisibility({ visibilityProperty: true });

export function isDialog(element: Element): boolean {
  const role = element.getAttribute('role')?.trim().split(/\s+/)[0];
  return (
    role === 'dialog' ||
    role === 'alertdialog' ||
    element.getAttribute('aria-modal') === 'true' ||
    (element instanceof HTMLDialogElement && element.open)
  );
}

/** The state an agent cares about, per property; a password's value is never read out. */
export type StateOf = Partial<Record<Property, string | null>>;

export function stateOf(element: Element): StateOf {
  const state: StateOf = {};
  if (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement
  ) {
    const type = element instanceof HTMLInputElement ? element.type : '';
    if (type === 'checkbox' || type === 'radio') {
      state.checked = String((element as HTMLInputElement).checked);
    } else if (type !== 'file') {
      state.value = type === 'password' ? `\u0000${element.value.length}` : element.value;
    }
  } else if (element instanceof HTMLElement && element.isContentEditable) {
    state.value = element.innerText;
  }
  for (const [attribute, property] of [
    ['aria-checked', 'checked'],
    ['aria-expanded', 'expanded'],
    ['aria-selected', 'selected'],
  ] as const) {
    const value = element.getAttribute(attribute);
    if (value !== null && state[property] === undefined) {
      state[property] = value;
    }
  }
  if (element instanceof HTMLDetailsElement || element instanceof HTMLDialogElement) {
    state.open = String(element.open);
  }
  return state;
}

/** A state value as the report shows it: null for a password's (kept only as a length). */
export const shownValue = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.startsWith('\u0000') ? null : value;
