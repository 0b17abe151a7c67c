import { isEditableRoot, WIDGET_ROLES } from './roles';

/** How an element qualifies as a target: by what it is, or by heuristics only. */
export type TargetKind = 'native' | 'generic';

const NEVER_TARGETS = new Set(['html', 'body', 'label']);
const IMAGE_TAGS = new Set(['img', 'svg', 'picture']);

/** The explicit role's first token, lowercased. */
export const explicitRole = (element: Element): string | null =>
  element.getAttribute('role')?.trim().split(/\s+/)[0]?.toLowerCase() || null;

function tabIndexAtLeastZero(element: Element): boolean {
  const value = element.getAttribute('tabindex');
  return value !== null && Number.parseInt(value, 10) >= 0;
}

/**
 * Whether an element is an action target. `tag` is its `localName`, `native` whether it is a
 * native control (isNativeControl), `role` its explicit role (explicitRole),
 * `attributed` whether it has any attribute at all (Element.hasAttributes),
 * `pointer` its own `cursor: pointer`,
 * `listener` whether the page-world probe found a pointer listener on it (./listeners: jQuery,
 * d3, React, Vue, `onclick = fn`), which counts as an `onclick` attribute does,
 * `parentPointer` the parent's:
 * cursor is inherited, so only the element where it starts counts (the icon inside a link is
 * not a second target). `insideTarget` is the kind of the nearest listed ancestor target: inside
 * a native one (a button, a link) nothing more is listed, its clicks are the parent's.
 */
export function targetKind(
  element: Element,
  tag: string,
  native: boolean,
  role: string | null,
  attributed: boolean,
  ownPointer: boolean,
  parentPointer: boolean,
  insideTarget: TargetKind | null,
  listener = false,
): TargetKind | null {
  if (NEVER_TARGETS.has(tag)) {
    // A label forwards its clicks to its control, which is listed itself (counted once).
    return null;
  }
  if (native) {
    return 'native';
  }
  const pointer = ownPointer && !parentPointer;
  const handler = listener || (attributed && element.hasAttribute('onclick'));
  if (role && WIDGET_ROLES.has(role)) {
    // A gridcell is only a target when it does something or takes focus (grids list every
    // cell otherwise).
    // Any tabindex counts: a grid's cells take focus in turn (roving tabindex), -1 but one.
    if (role !== 'gridcell' || pointer || handler || element.hasAttribute('tabindex')) {
      return 'native';
    }
    return null;
  }
  if (isEditableRoot(element)) {
    return 'native';
  }
  const focusable = attributed && !role && tabIndexAtLeastZero(element);
  // Inside a listed target, a child with a handler or a tab stop of its own is a target too
  // (the trash icon of a clickable mail row); a pointer cursor alone is the parent's area.
  const own = handler || focusable;
  if ((pointer || own) && (insideTarget === null || (insideTarget === 'generic' && own))) {
    return 'generic';
  }
  return null;
}

/** An image-like target: an image itself, or a clickable whose only content is an image. */
export function isImageOnly(element: Element): boolean {
  if (IMAGE_TAGS.has(element.localName)) {
    return true;
  }
  return (
    (element.textContent ?? '').trim() === '' && element.querySelector('img, svg, picture') !== null
  );
}
