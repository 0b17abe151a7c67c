/**
 * The whole visible page as a small detached HTML tree, built in one walk over the live DOM:
 * hidden nodes dropped by computed style, scripts/styles/templates/SVG internals skipped, open and
 * closed shadow trees flattened in place (light DOM slotted where `<slot>` sits), iframes replaced
 * by frame markers, URLs made absolute, lazy images resolved and form controls turned into text.
 * The converter then only sees clean, inert markup (a document without a browsing context loads
 * no images and runs no scripts).
 */
import { normalizeSpace } from '@shared/text';
import { MARKS } from '../../dom/marks';
import { frameTokenOf } from '../../dom/frame-tokens';
import { screenReaderText } from '../../dom/visual-hiding';
import { shadowRootOf } from '../../dom/platform';
import { absoluteUrl, imageSource, isPlaceholderSrc } from '../urls';
import type { StyleCache, Visibility } from '../visibility';
import { figureText } from './figure';
import { cleanInline, controlLabel, controlText, isControl, takesLabelInside } from './forms';

/** Never rendered: not content, or rendered by another module (SVG goes to `images`). */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'template', 'noscript', 'head', 'meta', 'link', 'title', 'base', 'svg',
  'math', 'canvas', 'object', 'embed', 'audio', 'video', 'source', 'track', 'map', 'datalist',
  'param', 'option', 'optgroup',
]); // prettier-ignore

/** Attributes the converter reads; everything else is dropped from the copy. */
const KEPT_ATTRIBUTES: Record<string, readonly string[]> = {
  td: ['colspan', 'align'],
  th: ['colspan', 'align'],
  ol: ['start'],
  code: ['class'],
  div: ['class'],
  table: ['role'],
};
const BLOCK_DISPLAYS = /^(block|flex|grid|list-item|table|flow-root)/;

/** Elements the converter renders as `[text]`; also marked with their id after them. */
export const RAW_TAG = 'tabsight-raw';
export const FRAME_TAG = 'tabsight-frame';
export const BUTTON_TAG = 'tabsight-button';

export interface WalkOptions {
  visibility: (element: Element) => Visibility;
  styles: StyleCache;
  idOf?: (element: Element) => string | undefined;
  /** Called with every visible `<img>`, `<svg>` and element with a CSS background image. */
  onMedia?: (element: Element) => void;
}

export interface VisibleTree {
  /** Detached `<body>` of an inert document, ready for the converter. */
  root: HTMLElement;
  /** Characters of visible text (whitespace runs counted once), to judge main-content output. */
  textLength: number;
  /** Hidden light-DOM elements, so a clone for Readability can drop them too. */
  hidden: Element[];
  /** Light-DOM elements whose own text is hidden (their children may show): the clone drops it. */
  hiddenText: Element[];
}

/** Screen-reader text is an aside: a long one is cut rather than carried whole. */
const SCREEN_READER_MAX_CHARS = 300;

const truncateText = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export function buildVisibleTree(source: Element, options: WalkOptions): VisibleTree {
  const out = source.ownerDocument.implementation.createHTMLDocument('');
  const base = source.ownerDocument.baseURI;
  const tree: VisibleTree = { root: out.body, textLength: 0, hidden: [], hiddenText: [] };
  const { visibility, styles, idOf, onMedia } = options;

  const appendMarker = (parent: Node, element: Element) => {
    const id = idOf?.(element);
    if (id) {
      parent.appendChild(out.createTextNode(' '));
      parent.appendChild(raw(`{${MARKS.id(id)}}`));
    }
  };
  const raw = (text: string, tag = RAW_TAG) => {
    const node = out.createElement(tag);
    node.textContent = text;
    return node;
  };

  const walkChildren = (from: ParentNode, into: Node, textHidden: boolean) => {
    for (const child of from.childNodes) {
      if (child.nodeType === 3) {
        if (!textHidden) {
          const text = child.textContent ?? '';
          into.appendChild(out.createTextNode(text));
          tree.textLength += normalizeSpace(text).length;
        }
      } else if (child.nodeType === 1) {
        walkElement(child as Element, into);
      }
    }
  };

  const walkSlot = (slot: HTMLSlotElement, into: Node, textHidden: boolean) => {
    const assigned = typeof slot.assignedNodes === 'function' ? slot.assignedNodes() : [];
    if (assigned.length === 0) {
      walkChildren(slot, into, textHidden);
      return;
    }
    for (const node of assigned) {
      if (node.nodeType === 3 && !textHidden) {
        into.appendChild(out.createTextNode(node.textContent ?? ''));
        tree.textLength += (node.textContent ?? '').trim().length;
      } else if (node.nodeType === 1) {
        walkElement(node as Element, into);
      }
    }
  };

  const walkElement = (element: Element, into: Node) => {
    const tag = element.localName;
    if (SKIPPED_TAGS.has(tag) && tag !== 'svg' && tag !== 'canvas') {
      return;
    }
    const verdict = visibility(element);
    if (verdict === 'hidden' || verdict === 'sr-only') {
      if (element.getRootNode() === element.ownerDocument) {
        tree.hidden.push(element);
      }
      if (verdict === 'sr-only') {
        // Kept for assistive technology only: said as such, never as visible text.
        const text = normalizeSpace(element.textContent ?? '');
        if (text) {
          into.appendChild(out.createTextNode(' '));
          into.appendChild(raw(screenReaderText(truncateText(text, SCREEN_READER_MAX_CHARS))));
          into.appendChild(out.createTextNode(' '));
        }
      }
      return;
    }
    if (verdict === 'self-hidden' && element.getRootNode() === element.ownerDocument) {
      tree.hiddenText.push(element);
    }
    if (tag === 'svg' || tag === 'canvas') {
      if (tag === 'svg') {
        onMedia?.(element);
      }
      const figure = figureText(element);
      if (figure) {
        into.appendChild(raw(figure));
      }
      return;
    }
    if (tag === 'iframe' || tag === 'frame') {
      const token = frameTokenOf(element);
      if (token) {
        into.appendChild(raw(MARKS.frame(token), FRAME_TAG));
      }
      return;
    }
    if (tag === 'img') {
      onMedia?.(element);
      const src = imageSource(element, base);
      if (src && !src.startsWith('data:') && !isPlaceholderSrc(src)) {
        const img = out.createElement('img');
        img.setAttribute('src', src);
        img.setAttribute('alt', cleanInline(element.getAttribute('alt') ?? ''));
        into.appendChild(img);
      }
      return;
    }
    if (tag === 'input' || tag === 'select' || tag === 'textarea') {
      const text = controlText(element);
      if (text) {
        into.appendChild(raw(text));
        appendMarker(into, element);
      }
      return;
    }
    if (tag === 'label') {
      const control = (element as HTMLLabelElement).control;
      if (control && takesLabelInside(control)) {
        // The field carries its label (`[Email: …]`): render only controls nested in the label.
        for (const nested of element.querySelectorAll('input, select, textarea')) {
          walkElement(nested, into);
        }
        return;
      }
    }
    if (onMedia && verdict === 'visible' && !isControl(element)) {
      const background = styles.styleOf(element)?.backgroundImage;
      if (background && background !== 'none' && background.includes('url(')) {
        onMedia(element);
      }
    }

    const copy = copyElement(element, tag, out, base);
    into.appendChild(copy);
    if (tag === 'details' && !element.hasAttribute('open')) {
      const summary = Array.from(element.children).find((child) => child.localName === 'summary');
      if (summary) {
        walkElement(summary, copy);
      }
    } else if (tag === 'slot') {
      walkSlot(element as HTMLSlotElement, copy, verdict === 'self-hidden');
    } else {
      const shadow = shadowRootOf(element);
      walkChildren(shadow ?? element, copy, verdict === 'self-hidden');
    }
    if (
      (tag === 'a' || tag === 'button' || copy.localName === BUTTON_TAG) &&
      !copy.textContent?.trim()
    ) {
      // Icon-only links and buttons: say what they are rather than print `[](url)`.
      const name = cleanInline(
        controlLabel(element) || (element.querySelector('img')?.getAttribute('alt') ?? ''),
      );
      if (name && !copy.querySelector('img')) {
        copy.appendChild(out.createTextNode(name));
      }
    }
    if (tag === 'a' || copy.localName === BUTTON_TAG) {
      appendMarker(into, element);
    } else {
      appendMarker(copy, element);
    }
  };

  const copyElement = (element: Element, tag: string, doc: Document, baseUrl: string) => {
    if (tag === 'a') {
      const href = absoluteUrl(element.getAttribute('href'), baseUrl);
      const link = doc.createElement(href ? 'a' : 'span');
      if (href) {
        link.setAttribute('href', href);
      }
      return link;
    }
    if (tag === 'button' || element.getAttribute('role') === 'button') {
      return doc.createElement(BUTTON_TAG);
    }
    let name = tag;
    if (
      tag.includes('-') ||
      tag === 'slot' ||
      element.namespaceURI !== element.ownerDocument.documentElement.namespaceURI
    ) {
      // Custom elements: keep block/inline layout so paragraphs do not run together.
      const display = styles.styleOf(element)?.display ?? '';
      name = BLOCK_DISPLAYS.test(display) ? 'div' : 'span';
    }
    const copy = doc.createElement(name);
    for (const attribute of KEPT_ATTRIBUTES[name] ?? []) {
      const value = element.getAttribute(attribute);
      if (value !== null) {
        copy.setAttribute(attribute, value);
      }
    }
    return copy;
  };

  if (source.localName === 'body' || source.localName === 'html') {
    if (visibility(source) !== 'hidden') {
      walkChildren(shadowRootOf(source) ?? source, tree.root, false);
    }
  } else {
    walkElement(source, tree.root);
  }
  return tree;
}
