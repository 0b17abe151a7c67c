import { intersect, type Box, type LayoutCache } from './layout';

/** The computed-style facts the walk reads from every rendered element, each read once. */
export interface StyleFacts {
  style: CSSStyleDeclaration;
  position: string;
  /** visibility: hidden or collapse. */
  invisible: boolean;
  pointer: boolean;
}

export function readFacts(style: CSSStyleDeclaration): StyleFacts {
  const visibility = style.visibility;
  return {
    style,
    position: style.position,
    invisible: visibility === 'hidden' || visibility === 'collapse',
    pointer: style.cursor === 'pointer',
  };
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

/** What an element's own checks decided, handed down to its children. */
export interface Own {
  clip: Box | null;
  blocked: boolean;
  transparent: boolean;
  consent: boolean;
  index: number;
  textShown: boolean;
  quiet: boolean;
}

/** The state an element's children inherit. */
export function childState(
  element: Element,
  facts: StyleFacts,
  inh: Inherited,
  own: Own,
  layout: LayoutCache | null,
): Inherited {
  let clip = own.clip;
  const tag = element.localName;
  const { style } = facts;
  // Overflow on html/body scrolls the viewport rather than clipping a box.
  if (layout && tag !== 'html' && tag !== 'body') {
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      const box = layout.box(element);
      clip = (clip ? intersect(clip, box) : box) ?? NOWHERE;
    }
  }
  // Only read transform when position does not already decide it.
  const establishes = facts.position !== 'static' || style.transform !== 'none';
  const id = element.id;
  return {
    clip,
    absClip: establishes ? clip : inh.absClip,
    blocked: own.blocked,
    transparent: own.transparent,
    pointer: facts.pointer,
    target: own.index >= 0 ? own.index : inh.target,
    quiet: own.quiet,
    textShown: own.textShown,
    consent: own.consent,
    anchor: id ? `#${id}` : LANDMARK_TAGS.has(tag) ? tag : inh.anchor,
  };
}
