// The accessible name computation, https://w3c.github.io/accname/#computation-steps, where
// dom-accessibility-api's falls short of what Chromium exposes: spacing decided by layout
// (inline vs block) instead of trimming at every level, shadow roots and slots, aria-labelledby
// over hidden nodes, embedded controls in labels and the tooltip of a presentational image.
import { normalizeSpace } from '@shared/text';
import { labelsOf } from '../dom/labels';
import {
  contentNodes,
  embeddedValue,
  idRefs,
  isEmbeddedControl,
  isExcluded,
  isHiddenRoot,
  isInlineLevel,
  isInvisible,
  pseudoText,
  roleOf,
  type StyleReader,
} from './accname-dom';

export type { StyleReader } from './accname-dom';

interface Step {
  /** Part of an aria-labelledby traversal (2B): no further aria-labelledby is followed. */
  referenced: boolean;
  /** A descendant visited while computing another node's name from content (2F.iii). */
  recursion: boolean;
  /** The labelledby target was hidden, so its hidden descendants count too (2A). */
  hiddenAllowed: boolean;
}

// https://w3c.github.io/aria/#namefromprohibited
const PROHIBITED = new Set(
  'caption code deletion emphasis generic insertion none paragraph presentation strong subscript superscript'.split(
    ' ',
  ),
);

// https://w3c.github.io/aria/#namefromcontent (roles whose name may come from their content).
const FROM_CONTENT = new Set(
  'button cell checkbox columnheader gridcell heading label legend link menuitem menuitemcheckbox menuitemradio option radio row rowheader switch tab tooltip treeitem'.split(
    ' ',
  ),
);

const attr = (element: Element, name: string): string => element.getAttribute(name)?.trim() ?? '';

class Computation {
  private readonly used = new Set<Node>();

  constructor(private readonly styles: StyleReader) {}

  text(node: Node, step: Step): string {
    if (this.used.has(node)) {
      return '';
    }
    if (!(node instanceof Element)) {
      return node.nodeType === Node.TEXT_NODE ? this.textNode(node, step) : '';
    }
    const result = this.element(node, step);
    this.used.add(node);
    return result;
  }

  // 2G: a text node's own text, unless its parent hides it with `visibility` (2A).
  private textNode(node: Node, step: Step): string {
    const parent = node.parentElement;
    if (!step.hiddenAllowed && parent && isInvisible(parent, this.styles)) {
      return '';
    }
    return node.textContent ?? '';
  }

  private element(element: Element, step: Step): string {
    // 2A: hidden nodes count only inside an aria-labelledby traversal of a hidden target.
    if (!step.hiddenAllowed && isExcluded(element, this.styles)) {
      return '';
    }
    if (element instanceof HTMLSlotElement) {
      // A slot has no role of its own: it renders its assigned (or fallback) content.
      return this.content(element, step);
    }
    if (!step.hiddenAllowed && isInvisible(element, this.styles)) {
      // Its own name is hidden, but a `visibility: visible` descendant is not.
      return this.content(element, step);
    }
    // 2B
    if (!step.referenced) {
      const targets = idRefs(element, 'aria-labelledby');
      if (targets.length) {
        const joined = targets
          .map((target) =>
            this.text(target, {
              referenced: true,
              recursion: false,
              hiddenAllowed: step.hiddenAllowed || isHiddenRoot(target, this.styles),
            }),
          )
          .join(' ')
          .trim();
        // An empty result (all targets hidden from it) falls through to aria-label and on.
        if (joined) {
          return joined;
        }
      }
    }
    const embedded = (step.recursion || step.referenced) && isEmbeddedControl(element);
    // 2C: aria-label, except on a control embedded in another widget's label.
    const label = attr(element, 'aria-label');
    if (label && !(step.recursion && embedded)) {
      return label;
    }
    // 2E: an embedded control gives its value.
    if (embedded) {
      const value = embeddedValue(element, (option) => this.nested(option, step));
      if (value !== null) {
        return value;
      }
    }
    const role = roleOf(element) ?? '';
    // 2D: native text alternatives (labels, alt, legend, caption, ...).
    if (role !== 'presentation' && role !== 'none') {
      const native = this.native(element);
      if (native) {
        return native;
      }
    }
    if (role === 'menu' && step.recursion) {
      return '';
    }
    // 2F: name from content, for roles that allow it and for any node inside a traversal.
    let content = '';
    if (FROM_CONTENT.has(role) || step.recursion || step.referenced || isNamedByContent(element)) {
      content = this.content(element, step);
      if (content.trim()) {
        return content;
      }
    }
    // 2I: the tooltip attribute is the last resort; else keep whitespace-only content, which
    // still separates the text around it (`a<span> </span>b` is "a b").
    return attr(element, 'title') || content;
  }

  private nested(node: Node, step: Step): string {
    return this.text(node, { ...step, recursion: true });
  }

  // 2F.ii-iv: ::before, each child (spaced when it is not inline-level), ::after.
  private content(element: Element, step: Step): string {
    let text = pseudoText(element, '::before', this.styles);
    for (const child of contentNodes(element)) {
      const part = this.nested(child, step);
      text += isInlineLevel(child, this.styles) ? part : ` ${part} `;
    }
    return text + pseudoText(element, '::after', this.styles);
  }

  // 2D, host language rules from HTML-AAM.
  private native(element: Element): string {
    if (element instanceof HTMLInputElement) {
      const fromInput = this.input(element);
      if (fromInput !== null) {
        return fromInput;
      }
    }
    const labels = labelsOf(element);
    if (labels.length > 0) {
      // The control is inside its own label: it must not name itself from there.
      this.used.add(element);
      const step = { referenced: false, recursion: true, hiddenAllowed: false };
      const names = Array.from(labels, (label) => this.text(label, step).trim());
      return names.filter(Boolean).join(' ');
    }
    if (element instanceof HTMLInputElement && element.type === 'image') {
      return attr(element, 'alt') || attr(element, 'title') || 'Submit Query';
    }
    if (element.localName === 'img' || element.localName === 'area') {
      return attr(element, 'alt');
    }
    if (element.localName === 'optgroup') {
      return attr(element, 'label');
    }
    const captioned = firstChild(element);
    if (captioned) {
      this.used.add(element);
      return this.text(captioned, { referenced: false, recursion: false, hiddenAllowed: false });
    }
    if (element.localName === 'svg') {
      return element.querySelector(':scope > title')?.textContent ?? '';
    }
    return '';
  }

  private input(input: HTMLInputElement): string | null {
    if (input.type === 'button' || input.type === 'submit' || input.type === 'reset') {
      const value = attr(input, 'value');
      if (value) {
        return value;
      }
      return input.type === 'submit' ? 'Submit' : input.type === 'reset' ? 'Reset' : null;
    }
    return null;
  }
}

// HTML-AAM: a fieldset is named by its legend, a table by its caption.
function firstChild(element: Element): Element | undefined {
  const wanted = { fieldset: 'legend', table: 'caption' }[element.localName];
  return wanted ? Array.from(element.children).find((c) => c.localName === wanted) : undefined;
}

// HTML-AAM names a table caption from its content.
const isNamedByContent = (element: Element): boolean => element.localName === 'caption';

// HTML-AAM maps these to the generic role (dom-accessibility-api gives them none): their title
// or text is no name, as in Chromium's tree. An author's aria-label(ledby) is still kept, as
// Chromium keeps it, and an editable one is a textbox.
const GENERIC_TAGS = new Set('b bdi bdo data div i pre q samp small span u'.split(' '));

const plainGeneric = (element: Element): boolean =>
  GENERIC_TAGS.has(element.localName) &&
  !element.hasAttribute('aria-label') &&
  !element.hasAttribute('aria-labelledby') &&
  !(element instanceof HTMLElement && element.isContentEditable);

/** Whether the element's role forbids naming it (https://w3c.github.io/aria/#namefromprohibited). */
function prohibitsNaming(element: Element): boolean {
  const role = roleOf(element) ?? (plainGeneric(element) ? 'generic' : '');
  // HTML-AAM maps `<img alt="">` to presentation, yet a title still names it (2I).
  if (element.localName === 'img' && element.hasAttribute('title')) {
    return false;
  }
  return PROHIBITED.has(role);
}

/** The accessible name of `element`, whitespace-normalised. */
export function computeName(element: Element, styles: StyleReader): string {
  if (prohibitsNaming(element) || isHiddenRoot(element, styles)) {
    return '';
  }
  const computation = new Computation(styles);
  const name = computation.text(element, {
    referenced: false,
    recursion: false,
    hiddenAllowed: false,
  });
  return normalizeSpace(name);
}

/**
 * The element's text as a name from content would give it (2F: spacing by layout, hidden
 * descendants left out, embedded controls by value), whatever its role allows. For hints.
 */
export function nameFromContent(element: Element, styles: StyleReader): string {
  const computation = new Computation(styles);
  return normalizeSpace(
    computation.text(element, { referenced: false, recursion: true, hiddenAllowed: false }),
  );
}
