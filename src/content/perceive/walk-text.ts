/**
 * Text phase of the walk (./walk): whether a text block's text shows, and putting it into the
 * outline. Judged once per text block (an element with readable text), not per text node.
 */
import { normalizeSpace } from '@shared/text';
import {
  hasReadableText,
  indentHidesText,
  isEmptyBox,
  screenReaderText,
  textPaintHidden,
  type Hiding,
} from '../dom/visual-hiding';
import { paintAttributes } from './author-css';
import { truncate } from './describe';
import type { Inherited, WalkContext } from './walk-state';

/** Screen-reader text in the outline is an aside: cut rather than carried whole. */
const SCREEN_READER_MAX_CHARS = 150;

/**
 * Whether an element's own text shows: painted away, an empty box, indented out, or covered.
 * Assumes the caller asks for the text nodes of one owner in a row, with that owner's `inh`
 * (the verdict of the last owner is remembered, and only that one).
 */
export function textOf(w: WalkContext, owner: Element, inh: Inherited): Hiding {
  if (owner !== w.textOwner) {
    w.textOwner = owner;
    w.textVerdict = judgeText(w, owner, inh);
  }
  return w.textVerdict;
}

/**
 * Reads nothing unless a check can apply: paint only where `inh.paints` or the owner's own
 * attributes say colours could hide text, an empty box only where something could transform
 * it, a cover only once an element that paints over others was met (most text blocks of most
 * plain pages get no read at all).
 */
function judgeText(w: WalkContext, owner: Element, inh: Inherited): Hiding {
  const { layout } = w;
  const style = layout.style(owner);
  // A text-only element's own attributes are not in `inh` (its parent's state).
  const attributed = owner.hasAttributes();
  const paints = inh.paints || (attributed && paintAttributes(owner, owner.localName));
  if (paints && textPaintHidden(owner, style, w.backgroundOf, w.unreadable)) {
    return 'hidden';
  }
  // An empty box holding text: scaled to nothing by a transform of its own or an
  // ancestor's (only possible where author CSS or an inline style can transform).
  const mayBeEmpty = inh.transforms || (attributed && owner.hasAttribute('style'));
  // Nothing below can apply: no read at all (most text blocks of most plain pages).
  if (!w.options.layout || (!paints && !mayBeEmpty && !w.occlusion.seen)) {
    return 'shown';
  }
  if (style.display === 'contents') {
    return 'shown';
  }
  const box = () => layout.box(owner);
  if (paints && indentHidesText(style, box)) {
    return 'sr-only';
  }
  if (mayBeEmpty && isEmptyBox(box())) {
    return 'hidden';
  }
  return w.occlusion.seen && w.covered(owner, box()) ? 'hidden' : 'shown';
}

/** Text only a screen reader gets, as a marked and cut aside of the outline. */
export function screenReaderAside(w: WalkContext, text: string): void {
  const clean = normalizeSpace(text);
  if (clean) {
    w.outline.text(` ${screenReaderText(truncate(clean, SCREEN_READER_MAX_CHARS))} `);
  }
}

/**
 * Text of a text node or a text-only element into the outline, as its owner's verdict says.
 * Whitespace and punctuation-only text is carried without a judgement (it reads nothing).
 */
export function ownerText(w: WalkContext, owner: Element, text: string, inh: Inherited): void {
  if (!hasReadableText(text)) {
    w.outline.text(text);
    return;
  }
  const verdict = textOf(w, owner, inh);
  if (verdict === 'shown') {
    w.outline.text(text);
  } else if (verdict === 'sr-only') {
    screenReaderAside(w, text);
  }
}
