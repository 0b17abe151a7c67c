/**
 * Listing phase of the walk (./walk): what an element's own box hides, where a target shows,
 * and adding it to the found targets.
 */
import {
  boxHiding,
  hasTransform,
  isEmptyBox,
  MIN_VISIBLE_SIDE_PX,
  type Hiding,
} from '../dom/visual-hiding';
import type { Box } from './layout';
import type { TargetKind } from './targets';
import { place, type Placement } from './visibility';
import { isInvisible, type Inherited, type WalkContext } from './walk-state';

const inlineScale = (element: Element): boolean =>
  /scale/.test(element.getAttribute('style') ?? '');

const tooSmall = (box: Box): boolean =>
  box.right - box.left < MIN_VISIBLE_SIDE_PX && box.bottom - box.top < MIN_VISIBLE_SIDE_PX;

/**
 * What an element's own box hides (the shared predicate); html and body never clip away.
 * Assumes `position` and `overflow` are the element's computed values (overflow may be
 * 'visible' unread for an inline box, where it does not apply) and `attributed` whether it
 * has attributes: without any, no inline style or SVG attribute can scale or clip it.
 */
export function hidingOf(
  w: WalkContext,
  element: Element,
  style: CSSStyleDeclaration,
  tag: string,
  attributed: boolean,
  position: string,
  overflow: string,
  inh: Inherited,
): Hiding {
  const { layout } = w;
  if (!w.options.layout || tag === 'html' || tag === 'body') {
    return 'shown';
  }
  // An inline `transform: scale(0)` on a wrapper hides everything in it; rules of author
  // CSS are caught per text block (judgeText), as a computed transform read is dear.
  if (
    attributed &&
    inlineScale(element) &&
    hasTransform(style) &&
    isEmptyBox(layout.box(element))
  ) {
    return 'hidden';
  }
  // clip-path is not inherited: the tree's rules, an inline style or an SVG attribute.
  const mayClipPath =
    inh.clips ||
    (attributed && (element.hasAttribute('style') || element.hasAttribute('clip-path')));
  return boxHiding(style, () => layout.box(element), w.scroll, position, overflow, mayClipPath);
}

/**
 * Where a rendered element shows, or null when nothing of it does (empty, clipped away or
 * covered). Only asked with a layout engine. A deferrable in-view target is not hit-tested
 * until an element that paints over others is met (./occlusion).
 */
export function locate(
  w: WalkContext,
  element: Element,
  clip: Box | null,
  hardClip: Box | null,
  deferrable: boolean,
): Placement | null {
  const placement = place(element, clip, hardClip, w.layout);
  return placement && !w.occlusion.coveredNow(element, placement, deferrable) ? placement : null;
}

/**
 * Lists a target that shows (in the viewport, for a viewport scope) and is big enough to aim
 * at; its index in `found`, or -1. Guarantees each listed element is in `w.listed`.
 */
export function add(
  w: WalkContext,
  element: Element,
  kind: TargetKind,
  inh: Inherited,
  clip: Box | null,
  hardClip: Box | null,
): number {
  const { options, found } = w;
  const placement = options.layout ? locate(w, element, clip, hardClip, true) : null;
  const inViewport = placement ? placement.inViewport : !options.layout;
  if (options.layout && (!placement || (options.scope === 'viewport' && !inViewport))) {
    return -1;
  }
  if (placement && tooSmall(placement.box)) {
    // A 2×2 px button is no control a person can see or aim at.
    return -1;
  }
  w.listed.add(element);
  const index =
    found.push({
      element,
      kind,
      placement,
      inViewport,
      anchor: inh.anchor,
      parent: inh.target,
      parentShown: inh.textShown,
      consent: inh.consent,
    }) - 1;
  w.outline.element(index);
  w.occlusion.listed(found[index]!, element);
  return index;
}

/**
 * A visually hidden checkbox restyled through its label: the label is what can be clicked, so
 * it is listed in the control's stead (as the control). Assumes the label is shown and not
 * blocked.
 */
export function labelledHiddenControl(
  w: WalkContext,
  label: HTMLLabelElement,
  inh: Inherited,
  clip: Box | null,
  hardClip: Box | null,
): void {
  const control = label.control;
  if (!control || w.listed.has(control) || (control as HTMLInputElement).type === 'hidden') {
    return;
  }
  const style = w.layout.style(control);
  // A transparent control is listed itself (isRestyledControl); a control with no box at
  // all, or one visually hidden (the sr-only checkbox of a custom switch), is operated
  // through its label.
  if (
    style.display === 'none' ||
    isInvisible(style) ||
    hidingOf(w, control, style, control.localName, true, style.position, style.overflow, inh) !==
      'shown'
  ) {
    const index = add(w, label, 'native', inh, clip, hardClip);
    if (index >= 0) {
      w.found[index]!.element = control;
      w.listed.add(control);
    }
  }
}
