import { createCoverCheck } from '../dom/cover-check';
import {
  createBackgroundResolver,
  createPaintCheck,
  hasTransform,
  type BackgroundOf,
  type Hiding,
} from '../dom/visual-hiding';
import { clipped, type Box, type LayoutCache } from './layout';
import { createOcclusionGate, type OcclusionGate } from './occlusion';
import { createOutline, type OutlineBuilder } from './outline';
import type { SignalCollector } from './signals';
import type { TargetKind } from './targets';
import type { Placement } from './visibility';
import { queryModal } from './walk-rules';

/** visibility: hidden or collapse. */
export function isInvisible(style: CSSStyleDeclaration): boolean {
  const visibility = style.visibility;
  return visibility === 'hidden' || visibility === 'collapse';
}

export { hasTransform } from '../dom/visual-hiding';

/** State a node inherits from its flat-tree parent. */
export interface Inherited {
  /**
   * What overflow ancestors let show right now (a scroll container shows the part scrolled to);
   * `abs*` for absolutely positioned children, clipped by their containing block's ancestors.
   */
  clip: Box | null;
  absClip: Box | null;
  /**
   * What overflow: hidden or clip ancestors let show at all: content outside is unreachable,
   * while content scrolled out of an auto or scroll container is one scroll away.
   */
  hardClip: Box | null;
  absHardClip: Box | null;
  /** aria-hidden or inert ancestor: nothing below is listed. */
  blocked: boolean;
  transparent: boolean;
  /** Product of the ancestors' opacities (../dom/visual-hiding). */
  opacity: number;
  pointer: boolean;
  target: number;
  quiet: boolean;
  textShown: boolean;
  consent: boolean;
  anchor: string;
  /** Whether author CSS or animations of the trees around could transform it (./author-css). */
  transforms: boolean;
  /**
   * Whether its text could be painted away (colour, background, font size, indent): author CSS
   * of the trees around, or an inline style or presentational attribute of an ancestor (all
   * four are inherited or painted behind the descendants). Without it no text is judged.
   */
  paints: boolean;
  /** Whether author CSS or animations of the trees around could give it a clip path. */
  clips: boolean;
}

export const rootState = (
  blocked: boolean,
  transforms: boolean,
  paints: boolean,
  clips: boolean,
): Inherited => ({
  clip: null,
  absClip: null,
  hardClip: null,
  absHardClip: null,
  blocked,
  transparent: false,
  opacity: 1,
  pointer: false,
  target: -1,
  quiet: false,
  textShown: true,
  consent: false,
  anchor: '',
  transforms,
  paints,
  clips,
});

const LANDMARK_TAGS = new Set(['header', 'nav', 'main', 'footer', 'aside', 'form', 'dialog']);
const NOWHERE: Box = { left: 0, top: 0, right: 0, bottom: 0 };

const clips = (value: string): boolean => value === 'hidden' || value === 'clip';

// The box as a clip on the axes whose overflow is hidden or clipped (unbounded on the others).
function hardClipOf(box: Box, style: CSSStyleDeclaration): Box | null {
  const x = clips(style.overflowX);
  const y = clips(style.overflowY);
  if (!x && !y) {
    return null;
  }
  return {
    left: x ? box.left : -Infinity,
    right: x ? box.right : Infinity,
    top: y ? box.top : -Infinity,
    bottom: y ? box.bottom : Infinity,
  };
}

/**
 * What an element's own checks decided, handed down to its children. The walk fills one
 * scratch object per element in place (allocation per element is most of the walk's GC).
 */
export interface Own {
  clip: Box | null;
  hardClip: Box | null;
  blocked: boolean;
  transparent: boolean;
  opacity: number;
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
  /** Computed `overflow` shorthand, read once for the visibility check and the clip. */
  overflow: string;
  /** `Inherited.paints` for its children. */
  paints: boolean;
}

export const scratchOwn = (): Own => ({
  clip: null,
  hardClip: null,
  blocked: false,
  transparent: false,
  opacity: 1,
  consent: false,
  index: -1,
  textShown: true,
  quiet: false,
  positioned: false,
  transformed: false,
  mayTransform: false,
  pointer: false,
  overflow: 'visible',
  paints: false,
});

/**
 * The state an element's children inherit. Most elements change nothing (a plain <li> or
 * <span>): they hand down the parent's object, so states are not allocated per element.
 */
export function childState(
  element: Element,
  tag: string,
  style: CSSStyleDeclaration,
  inh: Inherited,
  own: Own,
  layout: LayoutCache | null,
): Inherited {
  let clip = own.clip;
  let hardClip = own.hardClip;
  // Overflow on html/body scrolls the viewport rather than clipping a box.
  if (layout && tag !== 'html' && tag !== 'body') {
    // One shorthand read: "visible" only when both axes are.
    if (own.overflow !== 'visible') {
      const box = layout.box(element);
      clip = clipped(box, clip) ?? NOWHERE;
      const hard = hardClipOf(box, style);
      if (hard) {
        hardClip = clipped(hard, hardClip) ?? NOWHERE;
      }
    }
  }
  // Absolutely positioned children are clipped as their containing block is; which box that is
  // matters only when the clips differ (the transform read is the dearest of the walk's).
  const contains =
    (clip === inh.absClip && hardClip === inh.absHardClip) ||
    own.positioned ||
    (own.transformed ?? (own.mayTransform && hasTransform(style)));
  const absClip = contains ? clip : inh.absClip;
  const absHardClip = contains ? hardClip : inh.absHardClip;
  const target = own.index >= 0 ? own.index : inh.target;
  const id = element.id;
  const anchor = id ? `#${id}` : LANDMARK_TAGS.has(tag) ? tag : inh.anchor;
  const unchanged =
    clip === inh.clip &&
    absClip === inh.absClip &&
    hardClip === inh.hardClip &&
    absHardClip === inh.absHardClip &&
    own.blocked === inh.blocked &&
    own.transparent === inh.transparent &&
    own.opacity === inh.opacity &&
    own.pointer === inh.pointer &&
    target === inh.target &&
    own.quiet === inh.quiet &&
    own.textShown === inh.textShown &&
    own.consent === inh.consent &&
    own.paints === inh.paints &&
    anchor === inh.anchor;
  // `transforms` changes only where the walk enters a shadow tree, in the walk itself.
  if (unchanged) {
    return inh;
  }
  return {
    clip,
    absClip,
    hardClip,
    absHardClip,
    blocked: own.blocked,
    transparent: own.transparent,
    opacity: own.opacity,
    pointer: own.pointer,
    target,
    quiet: own.quiet,
    textShown: own.textShown,
    consent: own.consent,
    anchor,
    transforms: inh.transforms,
    paints: own.paints,
    clips: inh.clips,
  };
}

/** A visible target found by the walk, before it gets a name, an id and a description. */
export interface Found {
  element: Element;
  kind: TargetKind;
  /** Where it shows; null without a layout engine (DOM emulators). */
  placement: Placement | null;
  inViewport: boolean;
  /** Nearest landmark or id'd ancestor, for fingerprints that survive inserted rows. */
  anchor: string;
  /** Index of the nearest found ancestor, or -1. */
  parent: number;
  /** Whether its flat-tree parent's text shows (neither hidden nor transparent nor blocked). */
  parentShown: boolean;
  /** Whether it sits in a cookie-consent region (signals). */
  consent: boolean;
  /** Covered by an element met later in the walk (./occlusion): not to be listed. */
  occluded?: boolean;
}

export interface FoundFrame {
  element: Element;
  placement: Placement | null;
  visible: boolean;
}

export interface WalkOptions {
  scope: 'viewport' | 'page';
  /** False under DOM emulators: no boxes, no hit testing, everything counts as in view. */
  layout: boolean;
  /** Elements with a pointer listener only the page's world sees (./listeners), if any. */
  listeners?: ReadonlySet<Element> | null;
}

/**
 * What one element's own checks found, read by the phases of its visit (./walk) up to the
 * descent into its children. One scratch object serves the whole walk: each visit fills it
 * before anything reads it, and nothing reads it once the visit has recursed (skim, descend),
 * as a child's visit overwrites it. It is also the `Own` handed to childState.
 */
export interface Facts extends Own {
  tag: string;
  style: CSSStyleDeclaration;
  display: string;
  /** visibility: hidden or collapse. */
  invisible: boolean;
  /** Whether it has any attribute: attribute-free elements skip every attribute test. */
  attributed: boolean;
  position: string;
  hiding: Hiding;
  role: string | null;
  /** Neither transparent nor invisible. */
  styleShown: boolean;
}

const scratchFacts = (): Facts => ({
  ...scratchOwn(),
  tag: '',
  style: null as unknown as CSSStyleDeclaration,
  display: '',
  invisible: false,
  attributed: false,
  position: 'static',
  hiding: 'shown',
  role: null,
  styleShown: true,
});

/** Everything one walk of a frame shares: its inputs, its outputs and its caches. */
export interface WalkContext {
  layout: LayoutCache;
  /** `layout` with a layout engine, null under DOM emulators (no boxes to read). */
  boxes: LayoutCache | null;
  signals: SignalCollector;
  options: WalkOptions;
  /** Only targets in the viewport are wanted, and boxes can tell which those are. */
  viewportOnly: boolean;
  modal: Element | null;
  scroll: { x: number; y: number };
  found: Found[];
  frames: FoundFrame[];
  outline: OutlineBuilder;
  /** Elements already listed (a control listed through its label is not listed again). */
  listed: Set<Element>;
  /** WalkOptions.listeners, null when there are none (most pages: no lookup per element). */
  listeners: ReadonlySet<Element> | null;
  facts: Facts;
  occlusion: OcclusionGate;
  backgroundOf: BackgroundOf;
  unreadable: ReturnType<typeof createPaintCheck>;
  covered: ReturnType<typeof createCoverCheck>;
  /** The last text block judged and its verdict: text nodes of one owner come in a row. */
  textOwner: Element | null;
  textVerdict: Hiding;
}

export function createWalkContext(
  doc: Document,
  layout: LayoutCache,
  signals: SignalCollector,
  options: WalkOptions,
): WalkContext {
  const styleOf = (element: Element) => layout.style(element);
  return {
    layout,
    boxes: options.layout ? layout : null,
    signals,
    options,
    viewportOnly: options.layout && options.scope === 'viewport',
    modal: queryModal(doc),
    scroll: { x: doc.defaultView?.scrollX ?? 0, y: doc.defaultView?.scrollY ?? 0 },
    found: [],
    frames: [],
    outline: createOutline(),
    listed: new Set<Element>(),
    listeners: options.listeners?.size ? options.listeners : null,
    facts: scratchFacts(),
    occlusion: createOcclusionGate(layout),
    backgroundOf: createBackgroundResolver(styleOf),
    unreadable: createPaintCheck(),
    covered: createCoverCheck(styleOf),
    textOwner: null,
    textVerdict: 'shown',
  };
}
