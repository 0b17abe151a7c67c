import { getRole } from 'dom-accessibility-api';
import type { ElementActionType } from '@shared/protocol/frame-snapshot';

/** Id prefixes of docs/SPEC.md section 4. */
export type IdPrefix = 'L' | 'B' | 'I' | 'F' | 'O' | 'M';

/** How an interactive element is listed: its id prefix, action type and role. */
export interface Classification {
  prefix: IdPrefix;
  type: ElementActionType;
  role: string;
}

const CHECK_ROLES = new Set(['checkbox', 'radio', 'switch']);
const BUTTON_ROLES = new Set([
  'button',
  'tab',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  ...CHECK_ROLES,
]);
const INPUT_ROLES = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'slider',
  'spinbutton',
]);

/** ARIA widget roles that make any element a target on their own (docs/SPEC.md section 4). */
export const WIDGET_ROLES = new Set([
  'link',
  ...BUTTON_ROLES,
  ...INPUT_ROLES,
  'option',
  'treeitem',
  'gridcell',
]);

const CLICK_INPUT_TYPES = new Set(['button', 'submit', 'reset', 'image']);

/** The explicit role (first token) or the implicit one, `null` when there is none. */
export function roleOf(element: Element): string | null {
  // The implicit roles of the commonest targets, without getRole's generic lookup.
  if (!element.hasAttribute('role')) {
    const tag = element.localName;
    if (tag === 'button') {
      return 'button';
    }
    if (tag === 'a' && element.hasAttribute('href')) {
      return 'link';
    }
    if (tag === 'input') {
      const type = (element as HTMLInputElement).type;
      if (type === 'checkbox' || type === 'radio') {
        return type;
      }
    }
  }
  return getRole(element);
}

/** Whether a native element is interactive by itself, whatever its styles. */
export function isNativeControl(element: Element, tag = element.localName): boolean {
  switch (tag) {
    case 'a':
    case 'area':
      return element.hasAttribute('href');
    case 'button':
    case 'select':
    case 'textarea':
      return true;
    case 'input':
      return (element as HTMLInputElement).type !== 'hidden';
    case 'summary':
      return element.parentElement?.localName === 'details';
    default:
      return false;
  }
}

/** Root of an editable region: nested contenteditable children belong to their root. */
export function isEditableRoot(element: Element): boolean {
  if (!(element instanceof HTMLElement) || !element.isContentEditable) {
    return false;
  }
  const parent = element.parentElement;
  return !(parent instanceof HTMLElement && parent.isContentEditable);
}

function inputClassification(input: HTMLInputElement, role: string | null): Classification {
  const type = input.type;
  if (type === 'file') {
    return { prefix: 'I', type: 'upload_file', role: 'file' };
  }
  if (type === 'checkbox' || type === 'radio') {
    return { prefix: 'B', type: 'check', role: role ?? type };
  }
  if (CLICK_INPUT_TYPES.has(type)) {
    return { prefix: 'B', type: 'click', role: role ?? 'button' };
  }
  // Password, date, time and colour inputs have no ARIA role; `type=` in the description tells
  // them apart. An <input role="combobox"> is typed into (autocomplete).
  return { prefix: 'I', type: 'fill', role: role ?? 'textbox' };
}

/**
 * Prefix, action type and role of an element already known to be interactive. `imageOnly` says
 * that the element's only content is an image, which makes a generic clickable an `F`.
 */
export function classify(element: Element, imageOnly: boolean): Classification {
  const role = roleOf(element);
  if (element instanceof HTMLInputElement) {
    return inputClassification(element, role);
  }
  if (element instanceof HTMLSelectElement) {
    return { prefix: 'I', type: 'select_dropdown_option', role: role ?? 'combobox' };
  }
  if (element instanceof HTMLTextAreaElement) {
    return { prefix: 'I', type: 'fill', role: 'textbox' };
  }
  if (role === 'link') {
    return { prefix: 'L', type: 'click', role };
  }
  if (role && CHECK_ROLES.has(role)) {
    return { prefix: 'B', type: 'check', role };
  }
  if (role && BUTTON_ROLES.has(role)) {
    return { prefix: 'B', type: 'click', role };
  }
  if (role === 'combobox' || role === 'listbox') {
    return { prefix: 'I', type: 'select_dropdown_option', role };
  }
  if (role && INPUT_ROLES.has(role)) {
    return { prefix: 'I', type: 'fill', role };
  }
  if (isEditableRoot(element)) {
    return { prefix: 'I', type: 'fill', role: 'textbox' };
  }
  if (role === 'option') {
    return { prefix: 'O', type: 'click', role };
  }
  const imageLike = imageOnly || ['img', 'svg', 'picture'].includes(element.localName);
  if (imageLike) {
    return { prefix: 'F', type: 'click', role: role === 'img' ? 'img' : 'image' };
  }
  const meaningful = role && role !== 'generic' && role !== 'presentation' && role !== 'none';
  return { prefix: 'M', type: 'click', role: meaningful ? role : 'clickable' };
}
