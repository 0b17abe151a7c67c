/**
 * Form controls as inline markdown text, so a form-heavy page stays readable:
 *
 * - text-like fields, textareas: `[Email: a@b.c]`; empty: `[Email: ___]`, with a placeholder that
 *   is not already the label: `[Email: ___ (you@example.com)]`;
 * - passwords never show their value: `[Password: •••]` when filled;
 * - selects: `[Country: France ▾]` (selected options, comma-separated);
 * - checkboxes `[x]` / `[ ]`, radios `(x)` / `( )`; their `<label>` text follows where it sits;
 * - submit/reset/button inputs: `[Sign in]` (button elements are rendered by the walk, whose
 *   content the converter wraps in the same brackets).
 */
import { normalizeSpace } from '@shared/text';
import { labelsOf } from '../../dom/labels';
import { shownValue } from '../../dom/sensitive-fields';

const NO_TEXT_INPUT_TYPES = new Set(['hidden']);
const BUTTON_INPUT_TYPES = new Set(['submit', 'reset', 'button', 'image']);
const MAX_VALUE_CHARS = 200;

/** Label text, value and option texts all go through this: one line, no markdown brackets. */
export function cleanInline(text: string, max = MAX_VALUE_CHARS): string {
  const flat = normalizeSpace(text).replace(/\[/g, '(').replace(/\]/g, ')');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Text of a label without the text of controls nested in it (a wrapped select's options). */
function labelText(label: Element): string {
  let text = '';
  for (const node of label.childNodes) {
    if (node.nodeType === 3) {
      text += node.textContent ?? '';
    } else if (node instanceof Element && !isControl(node)) {
      text += labelText(node);
    }
  }
  return text;
}

export function isControl(element: Element): boolean {
  const tag = element.localName;
  return tag === 'input' || tag === 'select' || tag === 'textarea' || tag === 'button';
}

/** Controls whose label we fold into the bracketed field, so the `<label>` text is not repeated. */
export function takesLabelInside(control: Element): boolean {
  if (control.localName === 'select' || control.localName === 'textarea') {
    return true;
  }
  if (control.localName !== 'input') {
    return false;
  }
  const type = (control as HTMLInputElement).type;
  return type !== 'checkbox' && type !== 'radio' && !BUTTON_INPUT_TYPES.has(type);
}

function ariaLabel(control: Element): string {
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = control.getRootNode() as Document | ShadowRoot;
    const text = labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById?.(id)?.textContent ?? '')
      .join(' ');
    if (text.trim()) {
      return text;
    }
  }
  return control.getAttribute('aria-label') ?? '';
}

/** The field's name as people read it: `<label>`, then ARIA, then title. */
export function controlLabel(control: Element): string {
  for (const label of labelsOf(control)) {
    const text = cleanInline(labelText(label));
    if (text) {
      return text.replace(/\s*[:*]+$/, '');
    }
  }
  return cleanInline(ariaLabel(control) || control.getAttribute('title') || '');
}

function fieldText(label: string, value: string, placeholder: string): string {
  if (value) {
    return label ? `[${label}: ${value}]` : `[${value}]`;
  }
  if (!label) {
    return placeholder ? `[${placeholder}: ___]` : '[___]';
  }
  return placeholder && placeholder !== label
    ? `[${label}: ___ (${placeholder})]`
    : `[${label}: ___]`;
}

/** Markdown text for an `<input>`, `<select>` or `<textarea>`; null when it shows nothing. */
export function controlText(control: Element): string | null {
  const label = controlLabel(control);
  const placeholder = cleanInline(control.getAttribute('placeholder') ?? '');
  if (control.localName === 'select') {
    const select = control as HTMLSelectElement;
    const chosen = Array.from(select.selectedOptions ?? [], (option) => cleanInline(option.text));
    return `[${label ? `${label}: ` : ''}${chosen.filter(Boolean).join(', ') || '___'} ▾]`;
  }
  if (control.localName === 'textarea') {
    // A text area's value in full: the description cuts it, this is where an agent reads it all.
    const value = cleanInline((control as HTMLTextAreaElement).value, Number.POSITIVE_INFINITY);
    return fieldText(label, value, placeholder);
  }
  const input = control as HTMLInputElement;
  const type = input.type;
  if (NO_TEXT_INPUT_TYPES.has(type)) {
    return null;
  }
  if (type === 'checkbox') {
    return `${input.checked ? '[x]' : '[ ]'}${labelsOf(input).length ? '' : label ? ` ${label}` : ''}`;
  }
  if (type === 'radio') {
    return `${input.checked ? '(x)' : '( )'}${labelsOf(input).length ? '' : label ? ` ${label}` : ''}`;
  }
  if (BUTTON_INPUT_TYPES.has(type)) {
    const text = cleanInline(
      input.value || input.alt || label || (type === 'reset' ? 'Reset' : 'Submit'),
    );
    return `[${text}]`;
  }
  if (type === 'password') {
    return fieldText(label, input.value ? '•••' : '', placeholder);
  }
  if (type === 'file') {
    const names = Array.from(input.files ?? [], (file) => file.name).join(', ');
    return fieldText(label, cleanInline(names), 'file');
  }
  return fieldText(label, cleanInline(shownValue(input, input.value)), placeholder);
}
