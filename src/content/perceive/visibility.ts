import { labelsOf } from '../dom/labels';
import { clipped, intersect, isEmpty, overlaps, type Box, type LayoutCache } from './layout';

/** Where a rendered element is, once clipping is applied. */
export interface Placement {
  /** Border box in the viewport, unclipped (what the wire `rect` reports). */
  box: Box;
  /**
   * Part of the box that overflow ancestors show right now; null when it is scrolled out of a
   * scroll container (still there, one scroll away).
   */
  visible: Box | null;
  inViewport: boolean;
}

const OCCLUSION_SAMPLES: ReadonlyArray<readonly [number, number]> = [
  [0.5, 0.5],
  [0.25, 0.25],
  [0.75, 0.25],
  [0.25, 0.75],
  [0.75, 0.75],
];

/**
 * An element's border box; for an empty inline box (an `<a>` wrapping only floated or
 * absolutely positioned children reports 0×0) the union of its children's boxes.
 */
export function boxOf(element: Element, layout: LayoutCache): Box {
  const own = layout.box(element);
  if (!isEmpty(own) || element.children.length === 0) {
    return own;
  }
  let union: Box | null = null;
  for (const child of element.children) {
    const box = layout.box(child);
    if (isEmpty(box)) {
      continue;
    }
    union = union
      ? {
          left: Math.min(union.left, box.left),
          top: Math.min(union.top, box.top),
          right: Math.max(union.right, box.right),
          bottom: Math.max(union.bottom, box.bottom),
        }
      : box;
  }
  return union ?? own;
}

/**
 * Placement of a rendered element under its overflow ancestors: `clip`, what they show now, and
 * `hardClip`, what they can show at all (hidden or clip). Null when the box is empty or wholly
 * cut off by a hidden overflow.
 */
export function place(
  element: Element,
  clip: Box | null,
  hardClip: Box | null,
  layout: LayoutCache,
): Placement | null {
  const box = boxOf(element, layout);
  if (isEmpty(box) || (hardClip && !overlaps(box, hardClip))) {
    return null;
  }
  const visible = clipped(box, clip);
  return { box, visible, inViewport: visible !== null && overlaps(visible, layout.viewport) };
}

function hitsTarget(element: Element, hit: Element | null): boolean {
  if (!hit) {
    return false;
  }
  if (hit === element || element.contains(hit) || hit.contains(element)) {
    // An ancestor hit means the element lets pointer events through (pointer-events:none),
    // not that something covers it.
    return true;
  }
  return labelsOf(element).some((label) => label === hit || label.contains(hit));
}

/**
 * Whether something else covers every sampled point of the element's visible part. Only
 * points inside the viewport can be hit-tested, so off-viewport parts never count as covered.
 */
export function isOccluded(element: Element, placement: Placement, layout: LayoutCache): boolean {
  const area = placement.visible && intersect(placement.visible, layout.viewport);
  if (!area) {
    return false;
  }
  const root = element.getRootNode() as Document | ShadowRoot;
  const doc = element.ownerDocument;
  const width = area.right - area.left;
  const height = area.bottom - area.top;
  for (const [fx, fy] of OCCLUSION_SAMPLES) {
    const x = area.left + width * fx;
    const y = area.top + height * fy;
    // A shadow root answers with elements of its own tree, retargeted like events.
    const hit =
      typeof root.elementFromPoint === 'function'
        ? root.elementFromPoint(x, y)
        : doc.elementFromPoint(x, y);
    if (hitsTarget(element, hit)) {
      return false;
    }
  }
  return true;
}

/**
 * Viewport scope: a box wholly outside the viewport whose content stays inside it can show
 * nothing in the viewport, except fixed or absolutely positioned descendants.
 */
export function offscreenBox(element: Element, position: string, layout: LayoutCache): boolean {
  if (position === 'fixed' || element.firstElementChild === null) {
    return false;
  }
  const box = layout.box(element);
  const doc = element.ownerDocument;
  const root = element === doc.documentElement || element === doc.body;
  if (root || isEmpty(box) || overlaps(box, layout.viewport)) {
    return false;
  }
  return (
    element.scrollHeight <= element.clientHeight + 1 &&
    element.scrollWidth <= element.clientWidth + 1
  );
}

/** Viewport scope: whether an element's text shows in the viewport (an empty box: as its parent's). */
export function textInView(
  element: Element,
  clip: Box | null,
  parentShown: boolean,
  layout: LayoutCache,
): boolean {
  const box = layout.box(element);
  if (box.right <= box.left || box.bottom <= box.top) {
    return parentShown;
  }
  const visible = clipped(box, clip);
  return visible !== null && overlaps(visible, layout.viewport);
}
