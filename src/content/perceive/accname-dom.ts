import { getRole } from 'dom-accessibility-api';

/** Computed styles, plus whether they resolve ::before/::after (DOM emulators do not). */
export interface StyleReader {
  style: (element: Element, pseudo?: string) => CSSStyleDeclaration;
  pseudoElements: boolean;
}

export const roleOf = (element: Element): string | null => getRole(element);

const hasRole = (element: Element, roles: readonly string[]): boolean =>
  roles.includes(roleOf(element) ?? '');

const RANGE_ROLES = ['meter', 'progressbar', 'scrollbar', 'slider', 'spinbutton'];
const CONTROL_ROLES = ['button', 'combobox', 'listbox', 'textbox', 'searchbox', ...RANGE_ROLES];

/** Step 2C: controls whose aria-label is skipped when they are embedded in another's label. */
export const isEmbeddedControl = (element: Element): boolean => hasRole(element, CONTROL_ROLES);

/**
 * Step 2A: excluded with its whole subtree. `visibility` is not here: it is inherited and can be
 * overridden by a descendant (`visibility: visible` inside `hidden`), so it hides text only.
 */
// Source or inert copies, never rendered (a <noscript> only shows with scripting off).
const UNRENDERED = new Set(['script', 'style', 'template', 'noscript']);

export function isExcluded(element: Element, styles: StyleReader): boolean {
  if (UNRENDERED.has(element.localName)) {
    return true;
  }
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') {
    return true;
  }
  return styles.style(element).getPropertyValue('display') === 'none';
}

/** `visibility: hidden | collapse` hides the element's own text and name, not its subtree. */
export function isInvisible(element: Element, styles: StyleReader): boolean {
  const visibility = styles.style(element).getPropertyValue('visibility');
  return visibility === 'hidden' || visibility === 'collapse';
}

/** Step 2A for the root: hidden by itself or by a `display: none` ancestor in the flat tree. */
export function isHiddenRoot(element: Element, styles: StyleReader): boolean {
  if (isExcluded(element, styles) || isInvisible(element, styles)) {
    return true;
  }
  // Not checkVisibility(): it calls the options of a closed <select> hidden, yet they are exposed.
  for (let node = flatParent(element); node; node = flatParent(node)) {
    if (styles.style(node).getPropertyValue('display') === 'none') {
      return true;
    }
  }
  return false;
}

/** The parent in the flat tree: the slot a node is assigned to, or a shadow root's host. */
function flatParent(node: Element): Element | null {
  if (node.assignedSlot) {
    return node.assignedSlot;
  }
  const parent = node.parentNode;
  return parent instanceof ShadowRoot ? parent.host : node.parentElement;
}

/**
 * The nodes whose text makes up an element's content, in the flat tree: a shadow host renders
 * its shadow root, a slot its assigned nodes or else its fallback content (accname 2F.iii
 * speaks of "child nodes"; browsers compute it on the rendered, flattened tree).
 */
export function contentNodes(element: Element): Node[] {
  if (element instanceof HTMLSlotElement) {
    const assigned = element.assignedNodes();
    return assigned.length ? assigned : Array.from(element.childNodes);
  }
  const root = element.shadowRoot;
  const children = Array.from(root ? root.childNodes : element.childNodes);
  // aria-owns makes the owned elements children in the accessibility tree.
  return children.concat(idRefs(element, 'aria-owns'));
}

/** Elements an IDREF list points at, resolved in the element's own tree (document or shadow). */
export function idRefs(element: Element, attribute: string): Element[] {
  const value = element.getAttribute(attribute)?.trim();
  if (!value) {
    return [];
  }
  const root = element.getRootNode() as Document | ShadowRoot;
  return value.split(/\s+/).flatMap((id) => {
    const found = root.getElementById?.(id);
    return found ? [found] : [];
  });
}

/** Rendered display, for whether a child's text is separated from its neighbours' by a space. */
export function isInlineLevel(node: Node, styles: StyleReader): boolean {
  if (!(node instanceof Element)) {
    return true;
  }
  const display = styles.style(node).getPropertyValue('display');
  // Inline boxes and boxes that generate none of their own join their neighbours' text; block,
  // flex, grid, table-cell, list-item and inline-block boxes break it, as Chromium does.
  return display === 'inline' || display === 'contents' || display === '';
}

const CSS_STRINGS = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;

/** Step 2F.ii: the text a ::before/::after renders (its CSS strings, spaces kept as written). */
export function pseudoText(element: Element, which: '::before' | '::after', styles: StyleReader) {
  if (!styles.pseudoElements) {
    return '';
  }
  const style = styles.style(element, which);
  const content = style.getPropertyValue('content');
  if (!content || content === 'none' || content === 'normal') {
    return '';
  }
  let text = '';
  for (const match of content.matchAll(CSS_STRINGS)) {
    text += (match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1');
  }
  // A block-level pseudo-element is separated from the content like a block child.
  const display = style.getPropertyValue('display');
  return text && display !== 'inline' && display !== '' ? ` ${text} ` : text;
}

const selectedOf = (element: Element): Element[] => {
  if (element instanceof HTMLSelectElement) {
    return Array.from(element.selectedOptions);
  }
  const owners = [element, ...idRefs(element, 'aria-owns'), ...idRefs(element, 'aria-controls')];
  return owners.flatMap((owner) => Array.from(owner.querySelectorAll('[aria-selected="true"]')));
};

/**
 * Step 2E: an embedded control contributes its value: a textbox its text, a combobox or listbox
 * its chosen option(s), a range its aria-valuetext, aria-valuenow or host value. `null` when
 * the element is not such a control.
 */
export function embeddedValue(
  element: Element,
  optionText: (option: Element) => string,
): string | null {
  const role = roleOf(element) ?? '';
  if (role === 'combobox' || role === 'listbox') {
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
      return element.value;
    }
    const selected = selectedOf(element);
    if (selected.length || role === 'listbox') {
      return selected.map(optionText).join(' ');
    }
    // A non-native combobox shows its current value as its own text.
    return element.textContent ?? '';
  }
  if (RANGE_ROLES.includes(role)) {
    const value = element.getAttribute('aria-valuetext') ?? element.getAttribute('aria-valuenow');
    if (value !== null) {
      return value;
    }
    return element instanceof HTMLInputElement
      ? element.value
      : (element.getAttribute('value') ?? '');
  }
  if (role === 'textbox' || role === 'searchbox') {
    return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
      ? element.value
      : (element.textContent ?? '');
  }
  return null;
}
