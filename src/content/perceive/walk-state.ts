import { intersect, type Box, type LayoutCache } from './layout';

/** visibility: hidden or collapse. */
export function isInvisible(style: CSSStyleDeclaration): boolean {
  const visibility = style.visibility;
  return visibility === 'hidden' || visibility === 'collapse';
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
}

export const rootState = (blocked: boolean): Inherited => ({
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
  /** Positioned or transformed: the containing block of absolutely positioned children. */
  establishes: boolean;
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
  establishes: false,
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
  const absClip = own.establishes ? clip : inh.absClip;
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
  };
}
