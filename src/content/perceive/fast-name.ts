/**
 * Accessible names without the full computation (./accname) for the most common targets: a link
 * or button whose children are only text, a checkbox or radio inside its only label. For those,
 * accname (steps 2A–2F) reduces to the element's own text, but the full computation still pays
 * for role lookups, label queries, a used-node set and pseudo-element styles per element (most
 * of the naming time on a 12k-element list). Anything the shortcut cannot answer exactly falls back to the full
 * computation: a null result means "ask accname".
 */
import { normalizeSpace } from '@shared/text';
import { labelsOf } from '../dom/labels';
import { isExcluded, isHiddenRoot, isInvisible } from './accname-dom';
import type { PseudoContentCheck } from './author-css';

export interface FastNameOptions {
  getComputedStyle: typeof window.getComputedStyle;
  /** Real browsers resolve ::before/::after content; DOM emulators do not. */
  pseudoElements: boolean;
  /** Whether author CSS could give the element pseudo-element content; absent: it could. */
  pseudoContent?: PseudoContentCheck;
  /**
   * The caller knows the element is rendered and shown (the walk listed it: no display:none
   * in its flat-tree ancestry, not visibility:hidden, checkVisibility true), so 2A is settled.
   */
  rendered?: boolean;
  /**
   * With `rendered`: the walk also saw the element's parent shown (not visibility:hidden), so a
   * wrapping label needs no style read of its own. Set per element by the caller.
   */
  parentShown?: boolean;
}

// Attributes that make accname take another step than name from content (2B, 2C, aria-owns
// children, 2A hidden, explicit roles and their presentational conflicts).
const NAMING_ATTRIBUTES = new Set(['role', 'aria-label', 'aria-labelledby', 'aria-owns', 'hidden']);

// Only text (and comments, which accname skips); `control` may be the one element inside.
// In an HTML document the other children are elements: one look at the element children does.
function onlyText(element: Element, control: Element | null = null): boolean {
  const first = element.firstElementChild;
  return first === null || (first === control && first.nextElementSibling === null);
}

// One call for the attribute names instead of a test per naming attribute.
function plain(element: Element): boolean {
  if (!element.hasAttributes()) {
    return true;
  }
  for (const name of element.getAttributeNames()) {
    if (NAMING_ATTRIBUTES.has(name)) {
      return false;
    }
    if (name === 'aria-hidden' && element.getAttribute(name) === 'true') {
      return false;
    }
  }
  return true;
}

// A ::before/::after `content` that adds no text: none, normal or an empty string. Anything
// else (strings, counters, attr(), images with alt text) is left to the full computation.
function addsNoText(style: CSSStyleDeclaration): boolean {
  const content = style.content;
  return content === 'none' || content === 'normal' || content === '""' || content === '';
}

// The element's normalized text, when it renders as is (2A: not hidden; no generated text).
// `shown` is what the caller knows of the element: a listed target, or an ancestor of one.
function ownText(element: Element, options: FastNameOptions, shown: boolean): string | null {
  const text = normalizeSpace(element.textContent ?? '');
  // An empty text leaves the name to other steps (the tooltip, 2I): accname's business.
  if (text === '') {
    return null;
  }
  if (!shown && !notHidden(element, options)) {
    return null;
  }
  if (!options.pseudoElements || options.pseudoContent?.(element) === false) {
    return text;
  }
  // The window's own getComputedStyle: the layout cache's pseudo-element wrapper is for
  // dom-accessibility-api, and a proxy per element would cost what the shortcut saves.
  const view = element.ownerDocument.defaultView;
  const before = () => addsNoText(view!.getComputedStyle(element, '::before'));
  const after = () => addsNoText(view!.getComputedStyle(element, '::after'));
  return !view || (before() && after()) ? text : null;
}

// The style reader ./accname-dom's checks take.
const stylesOf = (options: FastNameOptions) => ({
  style: options.getComputedStyle,
  pseudoElements: options.pseudoElements,
});

// 2A as ./accname decides it (excluded, invisible or under display:none), checkVisibility
// standing in for its walk over the ancestors' styles (it is stricter: content-visibility).
function notHidden(element: Element, options: FastNameOptions): boolean {
  const styles = stylesOf(options);
  if (isExcluded(element, styles) || isInvisible(element, styles)) {
    return false;
  }
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility()
    : !isHiddenRoot(element, styles);
}

/** The name accname would compute, when it is only the element's own text; otherwise null. */
export function textOnlyName(element: Element, options: FastNameOptions): string | null {
  const tag = element.localName;
  if (tag === 'input') {
    return wrappingLabelName(element as HTMLInputElement, options);
  }
  const link = tag === 'a' && element.hasAttribute('href');
  if ((!link && tag !== 'button') || !plain(element) || !onlyText(element)) {
    return null;
  }
  // A <label for> names a button before its content does (2D).
  if (!link && labelsOf(element).length > 0) {
    return null;
  }
  return ownText(element, options, options.rendered === true);
}

// A checkbox or radio inside its only label, next to nothing but text: the label's text (2D).
function wrappingLabelName(input: HTMLInputElement, options: FastNameOptions): string | null {
  if ((input.type !== 'checkbox' && input.type !== 'radio') || !plain(input)) {
    return null;
  }
  const labels = labelsOf(input);
  const label = input.parentElement;
  if (labels.length !== 1 || labels[0] !== label || !label || !plain(label)) {
    return null;
  }
  if (!onlyText(label, input)) {
    return null;
  }
  // The label of a rendered input is rendered too, yet may be visibility:hidden itself.
  const shown =
    options.rendered === true &&
    (options.parentShown === true || !isInvisible(label, stylesOf(options)));
  return ownText(label, options, shown);
}
