import { intersect, type Box, type LayoutCache } from './layout';

/** visibility: hidden or collapse. */
export function isInvisible(style: CSSStyleDeclaration): boolean {
  const visibility = style.visibility;
  return visibility === 'hidden' || visibility === 'collapse';
}

/** A transform, or one of the individual properties that transform too (`translate: 0 -8px`). */
export function hasTransform(style: CSSStyleDeclaration): boolean {
  return (
    style.transform !== 'none' ||
    style.translate !== 'none' ||
    style.rotate !== 'none' ||
    style.scale !== 'none'
  );
}

/** State a node inherits from its flat-tree parent. */
export interface Inherited {
  clip: Box | null;
  absClip: Box | null;
  /** aria-hidden or inert ancestor: nothing below is listed. */
  blocked: boolean;
  transparent: boolean;
  pointer: boolean;
  target: number;
  quiet: boolean;
  textShown: boolean;
  consent: boolean;
  anchor: string;
  /** Whether author CSS or animations of the trees around could transform it (./author-css). */
  transforms: boolean;
}

export const rootState = (blocked: boolean, transforms: boolean): Inherited => ({
  clip: null,
  absClip: null,
  blocked,
  transparent: false,
  pointer: false,
  target: -1,
  quiet: false,
  textShown: true,
  consent: false,
  anchor: '',
  transforms,
});

const LANDMARK_TAGS = new Set(['header', 'nav', 'main', 'footer', 'aside', 'form', 'dialog']);
const NOWHERE: Box = { left: 0, top: 0, right: 0, bottom: 0 };

/**
 * What an element's own checks decided, handed down to its children. The walk fills one
 * scratch object per element in place (allocation per element is most of the walk's GC).
 */
export interface Own {
  clip: Box | null;
  blocked: boolean;
  transparent: boolean;
  consent: boolean;
  index: number;
  textShown: boolean;
  quiet: boolean;
  /** Not `position: static`: the containing block of absolutely positioned children. */
  positioned: boolean;
  /**
   * Whether it has a transform (also a containing block), when the walk has read it; undefined
   * leaves the read to childState, which needs it only when the clip changes.
   */
  transformed: boolean | undefined;
  /** Whether it could have a transform at all (`Inherited.transforms`, an inline style). */
  mayTransform: boolean;
  pointer: boolean;
}

export const scratchOwn = (): Own => ({
  clip: null,
  blocked: false,
  transparent: false,
  consent: false,
  index: -1,
  textShown: true,
  quiet: false,
  positioned: false,
  transformed: false,
  mayTransform: false,
  pointer: false,
});

/**
 * The state an element's children inherit. Most elements change nothing (a plain <li> or
 * <span>): they hand down the parent's object, so states are not allocated per element.
 */
export function childState(
  element: Element,
  style: CSSStyleDeclaration,
  inh: Inherited,
  own: Own,
  layout: LayoutCache | null,
): Inherited {
  let clip = own.clip;
  const tag = element.localName;
  // Overflow on html/body scrolls the viewport rather than clipping a box.
  if (layout && tag !== 'html' && tag !== 'body') {
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      const box = layout.box(element);
      clip = (clip ? intersect(clip, box) : box) ?? NOWHERE;
    }
  }
  // Absolutely positioned children are clipped as their containing block is; which box that is
  // matters only when the clips differ (the transform read is the dearest of the walk's).
  const absClip =
    clip === inh.absClip ||
    own.positioned ||
    (own.transformed ?? (own.mayTransform && hasTransform(style)))
      ? clip
      : inh.absClip;
  const target = own.index >= 0 ? own.index : inh.target;
  const id = element.id;
  const anchor = id ? `#${id}` : LANDMARK_TAGS.has(tag) ? tag : inh.anchor;
  const unchanged =
    clip === inh.clip &&
    absClip === inh.absClip &&
    own.blocked === inh.blocked &&
    own.transparent === inh.transparent &&
    own.pointer === inh.pointer &&
    target === inh.target &&
    own.quiet === inh.quiet &&
    own.textShown === inh.textShown &&
    own.consent === inh.consent &&
    anchor === inh.anchor;
  // `transforms` changes only where the walk enters a shadow tree, in the walk itself.
  if (unchanged) {
    return inh;
  }
  return {
    clip,
    absClip,
    blocked: own.blocked,
    transparent: own.transparent,
    pointer: own.pointer,
    target,
    quiet: own.quiet,
    textShown: own.textShown,
    consent: own.consent,
    anchor,
    transforms: inh.transforms,
  };
}
