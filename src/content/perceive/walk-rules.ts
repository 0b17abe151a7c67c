/** Element-level rules of the walk: what is skipped, blocked, a heading or a leaf. */
import { labelsOf } from '../dom/labels';
import { shadowRootOf } from '../dom/platform';

export const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'meta',
  'link',
]);
// Their children are options, UA widgets or graphics that are read through the element itself.
export const LEAF_TAGS = new Set([
  'input',
  'select',
  'textarea',
  'option',
  'img',
  'svg',
  'video',
  'audio',
]);
// An SVG drawing is read through the <svg> element unless parts of it are controls themselves
// (a `<g role="slider">`, a shape with a click handler, a tab stop or a link inside). A pointer
// cursor set on a shape by a style sheet alone is not seen (that would cost a style per shape).
const SVG_CONTROLS = '[role], [tabindex], [onclick], a, [style*="cursor"]';
export const svgHasControls = (svg: Element): boolean => svg.querySelector(SVG_CONTROLS) !== null;

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

const HEADING_LEVELS = new Map([1, 2, 3, 4, 5, 6].map((level) => [`h${level}`, level]));

// Asked of every rendered element with its explicit role: a map lookup in the common case.
export const headingLevel = (element: Element, tag: string, role: string | null): number => {
  const level = HEADING_LEVELS.get(tag);
  if (level) {
    return level;
  }
  if (role === 'heading') {
    return Number(element.getAttribute('aria-level')) || 2;
  }
  return 0;
};

// A native control made transparent is usually restyled through its label, and still works.
export const isRestyledControl = (element: Element): boolean => labelsOf(element).length > 0;

/**
 * An element whose content is its light-DOM text only: no shadow root, not a slot (its
 * assigned nodes render instead) and not a <details> (closed, it renders only its summary).
 * The caller has checked that it has no element children.
 */
export const textOnlyBox = (element: Element, tag: string): boolean =>
  tag !== 'slot' && tag !== 'details' && !shadowRootOf(element, tag);

// Rendering skips the element's content (content-visibility: hidden, hidden=until-found):
// the walk stands in for checkVisibility() on every descendant (a call per target).
export const skipsContent = (style: CSSStyleDeclaration): boolean =>
  style.contentVisibility === 'hidden';

export const isFrameTag = (tag: string): boolean => tag === 'iframe' || tag === 'frame';

export const blocks = (element: Element): boolean =>
  element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('inert');

// A closed <details> renders only its first <summary>.
export const closedDetails = (element: Element, tag = element.localName): boolean =>
  tag === 'details' && !element.hasAttribute('open');

// `dialog:modal` (Chrome 105+): everything outside an open modal dialog is inert.
export function queryModal(doc: Document): Element | null {
  try {
    return doc.querySelector('dialog:modal');
  } catch {
    return null;
  }
}
