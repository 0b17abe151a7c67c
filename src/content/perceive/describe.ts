import { normalizeSpace } from '@shared/text';
import { computeName } from './accname';
import { textOnlyName, type FastNameOptions } from './fast-name';
import { hintOf } from './hint';
import type { Classification } from './roles';

export const NAME_MAX_CHARS = 200;
const DESCRIPTION_NAME_MAX_CHARS = 100;
const VALUE_MAX_CHARS = 100;
const OPTIONS_MAX = 20;

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const quote = (text: string): string =>
  `"${text.includes('"') ? text.replace(/"/g, '\\"') : text}"`;

export type NameOptions = FastNameOptions;

const isPassword = (element: Element): boolean =>
  element instanceof HTMLInputElement && element.type === 'password';

// A multi-line text field (a text area, or aria-multiline) tells an agent that Enter is a newline.
const isMultiline = (element: Element, attr: AttributeOf): boolean =>
  element instanceof HTMLTextAreaElement || attr('aria-multiline') === 'true';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
// Their text is source or an inert copy, never shown: a <script> inside a <select> (a
// `document.write` of its options) must not become the name of what holds it.
const UNRENDERED_TAGS = new Set(['script', 'style', 'template', 'noscript']);

/**
 * The element's text without what never renders (UNRENDERED_TAGS), up to about `max`
 * characters: a walk over the nodes, no layout read.
 */
export function renderedText(root: Element, max: number): string {
  let text = '';
  const visit = (parent: Node): void => {
    for (let node = parent.firstChild; node && text.length < max; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE) {
        text += node.nodeValue ?? '';
      } else if (
        node.nodeType === ELEMENT_NODE &&
        !UNRENDERED_TAGS.has((node as Element).localName)
      ) {
        visit(node);
      }
    }
  };
  visit(root);
  return text.slice(0, max);
}

// Form controls get no name from their content: a select's options and a text area's text are
// its value, which the description already shows (`selected=…`, `value=…`).
const contentlessControl = (element: Element): boolean =>
  element instanceof HTMLInputElement ||
  element instanceof HTMLSelectElement ||
  element instanceof HTMLTextAreaElement;

/** The W3C accessible name (./accname; the accname eval measures it). */
export function pureAccessibleName(element: Element, options: NameOptions): string {
  // Checked equal to the full computation on the e2e pages (e2e/fast-name.spec.ts), the
  // readability corpus and WPT.
  const fast = textOnlyName(element, options);
  if (fast !== null) {
    return fast;
  }
  return computeName(element, {
    style: (target, pseudo) => options.getComputedStyle(target, pseudo),
    pseudoElements: options.pseudoElements,
  });
}

// HTML-AAM: a text field with no other name is named by its placeholder (Chromium does so).
const placeholderOf = (element: Element): string =>
  element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
    ? normalizeSpace(element.placeholder)
    : '';

/** The accessible name as Chromium exposes it, cut to NAME_MAX_CHARS. */
export function accessibleName(element: Element, options: NameOptions): string {
  const name = pureAccessibleName(element, options) || placeholderOf(element);
  return truncate(name, NAME_MAX_CHARS);
}

/**
 * For an element with no accessible name: what an agent can still go on (./hint). A form
 * control's content is its value, never a hint; a field's own value is no name for it either.
 */
export function nameHint(element: Element, options: NameOptions): string {
  const styles = {
    style: (target: Element, pseudo?: string) => options.getComputedStyle(target, pseudo),
    pseudoElements: options.pseudoElements,
  };
  return hintOf(element, styles, !contentlessControl(element));
}

const optionText = (option: Element): string =>
  normalizeSpace(
    option instanceof HTMLOptionElement ? option.label || option.text : (option.textContent ?? ''),
  );

function ariaOptions(element: Element): Element[] {
  // A combobox's options live in the popup it controls; a listbox owns them.
  const controls = element.getAttribute('aria-controls') ?? element.getAttribute('aria-owns');
  const popup = controls
    ? (element.getRootNode() as Document | ShadowRoot).getElementById?.(
        controls.split(/\s+/)[0] ?? '',
      )
    : element;
  return popup ? Array.from(popup.querySelectorAll('[role="option"]')) : [];
}

function optionsOf(element: Element): { all: Element[]; selected: Element[] } {
  if (element instanceof HTMLSelectElement) {
    const all = Array.from(element.options);
    return { all, selected: all.filter((o) => o.selected) };
  }
  const all = ariaOptions(element);
  return { all, selected: all.filter((o) => o.getAttribute('aria-selected') === 'true') };
}

function listOptions(all: Element[]): string {
  const names = all.slice(0, OPTIONS_MAX).map(optionText);
  const more = all.length > OPTIONS_MAX ? `, … ${all.length - OPTIONS_MAX} more` : '';
  return `options: ${names.join(', ')}${more}`;
}

type AttributeOf = (name: string) => string | null;

/**
 * getAttribute behind one getAttributeNames call: a description asks about fifteen attributes
 * of an element that mostly has one or two (a link's href), each a call into the browser.
 */
function attributesOf(element: Element): AttributeOf {
  if (!element.hasAttributes()) {
    return () => null;
  }
  const names = element.getAttributeNames();
  return (name) => (names.includes(name) ? element.getAttribute(name) : null);
}

function checkedState(
  element: Element,
  attr: AttributeOf = (name) => element.getAttribute(name),
): boolean | 'mixed' {
  if (element instanceof HTMLInputElement) {
    return element.indeterminate ? 'mixed' : element.checked;
  }
  const aria = attr('aria-checked') ?? attr('aria-pressed');
  return aria === 'mixed' ? 'mixed' : aria === 'true';
}

// Elements that :disabled can match (HTML's "actually disabled"): form controls and groups.
const DISABLEABLE_TAGS = new Set([
  'button',
  'input',
  'select',
  'textarea',
  'optgroup',
  'option',
  'fieldset',
]);

function isDisabled(element: Element, attr: AttributeOf): boolean {
  if (attr('aria-disabled') === 'true') {
    return true;
  }
  // Form-associated custom elements can be disabled too; links and generic targets cannot.
  if (!DISABLEABLE_TAGS.has(element.localName) && !element.localName.includes('-')) {
    return false;
  }
  try {
    return element.matches(':disabled');
  } catch {
    return false;
  }
}

/** The value an action reads or sets; never a password. */
export function valueOf(element: Element, cls: Classification): string | boolean | undefined {
  if (cls.type === 'check') {
    return checkedState(element) === true;
  }
  if (cls.type === 'select_dropdown_option') {
    return optionsOf(element).selected.map(optionText).join(', ');
  }
  if (cls.type !== 'fill' || isPassword(element)) {
    return undefined;
  }
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    return element.value;
  }
  const aria = element.getAttribute('aria-valuetext') ?? element.getAttribute('aria-valuenow');
  return aria ?? truncate(normalizeSpace(element.textContent ?? ''), VALUE_MAX_CHARS * 2);
}

const SILENT_INPUT_TYPES = new Set(['text', 'checkbox', 'radio', 'button', 'submit', 'reset']);

function inputStates(input: HTMLInputElement, attr: AttributeOf, states: string[]): void {
  if (!SILENT_INPUT_TYPES.has(input.type)) {
    states.push(`type=${input.type}`);
  }
  for (const attribute of ['min', 'max', 'step', 'accept', 'maxlength'] as const) {
    const value = attr(attribute);
    if (value !== null) {
      states.push(`${attribute}=${value}`);
    }
  }
  if (input.multiple) {
    states.push('multiple');
  }
}

function ariaStates(attr: AttributeOf, states: string[]): void {
  const expanded = attr('aria-expanded');
  if (expanded !== null) {
    states.push(expanded === 'true' ? 'expanded' : 'collapsed');
  }
  if (attr('aria-selected') === 'true') {
    states.push('selected');
  }
  const current = attr('aria-current');
  if (current && current !== 'false') {
    states.push('current');
  }
  if (attr('aria-invalid') === 'true') {
    states.push('invalid');
  }
  const haspopup = attr('aria-haspopup');
  if (haspopup && haspopup !== 'false') {
    states.push(`haspopup=${haspopup === 'true' ? 'menu' : haspopup}`);
  }
}

/**
 * An unnamed link is told apart by where it goes, which its origin and path say; ad and
 * tracking links add hundreds of characters of query that tell an agent nothing.
 * @example shortHref('https://ads.example/click?id=…400 characters') // 'https://ads.example/click?…'
 */
export function shortHref(href: string): string {
  if (href.length <= VALUE_MAX_CHARS) {
    return href;
  }
  const query = href.search(/[?#]/);
  const kept = query > 0 ? `${href.slice(0, query + 1)}…` : href;
  return truncate(kept, VALUE_MAX_CHARS);
}

/** `role "name" (states)` as docs/SPEC.md section 4 shows, e.g. `button "Pay" (disabled)`. */
export function describe(
  element: Element,
  cls: Classification,
  name: string,
  value: string | boolean | undefined = valueOf(element, cls),
  hint = '',
): string {
  const states: string[] = [];
  const attr = attributesOf(element);
  if (cls.type === 'fill' && isMultiline(element, attr)) {
    states.push('multiline');
  }
  if (element instanceof HTMLInputElement) {
    inputStates(element, attr, states);
  }
  if (isDisabled(element, attr)) {
    states.push('disabled');
  }
  if ((element as HTMLInputElement).readOnly || attr('aria-readonly') === 'true') {
    states.push('readonly');
  }
  if ((element as HTMLInputElement).required || attr('aria-required') === 'true') {
    states.push('required');
  }
  if (cls.type === 'check') {
    const checked = checkedState(element, attr);
    states.push(checked === 'mixed' ? 'mixed' : checked ? 'checked' : 'unchecked');
  } else if (attr('aria-pressed') !== null) {
    states.push(checkedState(element, attr) === true ? 'pressed' : 'not pressed');
  }
  ariaStates(attr, states);
  const placeholder = attr('placeholder');
  if (placeholder && normalizeSpace(placeholder) !== name) {
    states.push(`placeholder=${quote(truncate(placeholder, VALUE_MAX_CHARS))}`);
  }
  if (hint && !name) {
    states.push(`hint=${quote(hint)}`);
  }
  if (element.localName === 'a' && !name) {
    states.push(`href=${shortHref(attr('href') ?? '')}`);
  }
  let options = '';
  if (cls.type === 'select_dropdown_option') {
    const { all } = optionsOf(element);
    states.push(`selected=${quote(truncate(String(value), VALUE_MAX_CHARS))}`);
    options = all.length ? `; ${listOptions(all)}` : '';
  } else if (typeof value === 'string' && value && value !== name) {
    states.push(`value=${quote(truncate(value, VALUE_MAX_CHARS))}`);
  }
  const label = name
    ? `${cls.role} ${quote(truncate(name, DESCRIPTION_NAME_MAX_CHARS))}`
    : cls.role;
  const tail = states.join(', ') + options;
  return tail ? `${label} (${tail})` : label;
}
