/**
 * The walk: one pass over a frame's flat tree, in phases over one explicit state
 * (./walk-state `WalkContext`). Per element (visitElement): judge its own box and style
 * (judgeElement), then either a frame (visitFrame), an off-screen subtree (skim), or a target
 * to list (listTarget), its own text (outlineOwnText) and its children (handDown, descend).
 * Text is judged in ./walk-text, boxes and listing in ./walk-list. ./README.md maps each
 * shortcut to the invariant it relies on.
 */
import { shadowRootOf } from '../dom/platform';
import { effectiveOpacity, hasTransform, isTransparent } from '../dom/visual-hiding';
import type { LayoutCache } from './layout';
import type { OutlineBuilder } from './outline';
import type { SignalCollector } from './signals';
import { isNativeControl } from './roles';
import { explicitRole, targetKind, type TargetKind } from './targets';
import { paintAttributes, treeMayClipPath, treeMayHidePaint, treeMayTransform } from './author-css';
import { offscreenBox, place, textInView } from './visibility';
import {
  blocks,
  closedDetails,
  ELEMENT_NODE,
  headingLevel,
  isFrameTag,
  isRestyledControl,
  LEAF_TAGS,
  skipsContent,
  SKIPPED_TAGS,
  svgHasControls,
  TEXT_NODE,
  textOnlyBox,
} from './walk-rules';
import {
  childState,
  createWalkContext,
  isInvisible,
  rootState,
  type Facts,
  type Found,
  type FoundFrame,
  type Inherited,
  type WalkContext,
  type WalkOptions,
} from './walk-state';
import { add, hidingOf, labelledHiddenControl } from './walk-list';
import { ownerText, screenReaderAside, textOf } from './walk-text';

export type { Found, FoundFrame, WalkOptions } from './walk-state';

export interface WalkResult {
  found: Found[];
  frames: FoundFrame[];
  outline: OutlineBuilder;
  /** Whether an element that paints over others was met (text elsewhere may be covered). */
  paintsOver: boolean;
}

// Replaced elements that are not leaves of the walk's own (LEAF_TAGS): they clip their content.
const EMBEDDED_TAGS = new Set(['canvas', 'iframe', 'embed', 'object', 'frame']);

/**
 * One pass over the frame's flat tree (open and closed shadow roots, slotted light DOM where
 * its slot sits): visible targets, child frames, the outline and the page signals. Layout reads
 * go through `layout` (one style and one box per element); the DOM is never written.
 */
export function walk(
  doc: Document,
  layout: LayoutCache,
  signals: SignalCollector,
  options: WalkOptions,
): WalkResult {
  const w = createWalkContext(doc, layout, signals, options);
  const html = doc.documentElement;
  if (html) {
    visitElement(
      w,
      html,
      rootState(
        w.modal !== null,
        treeMayTransform(doc),
        treeMayHidePaint(doc),
        treeMayClipPath(doc),
      ),
    );
  }
  w.outline.flush();
  w.occlusion.finish();
  return { found: w.found, frames: w.frames, outline: w.outline, paintsOver: w.occlusion.seen };
}

// Children are walked by sibling links: a childNodes list would be created (and kept) for
// every node of the page.
function visitNode(w: WalkContext, node: Node, inh: Inherited, owner: Element): void {
  const type = node.nodeType;
  if (type === ELEMENT_NODE) {
    visitElement(w, node as Element, inh);
  } else if (type === TEXT_NODE && inh.textShown && !inh.quiet) {
    ownerText(w, owner, node.nodeValue ?? '', inh);
  }
}

function visitChildren(w: WalkContext, parent: Node, inh: Inherited, owner: Element): void {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    visitNode(w, node, inh, owner);
  }
}

// Only author CSS, an inline style or an SVG attribute can give an element a transform.
const mayTransform = (element: Element, inh: Inherited, attributed: boolean): boolean =>
  inh.transforms ||
  (attributed && (element.hasAttribute('style') || element.hasAttribute('transform')));

// Whether a box moves away from where the flow puts it (relative offsets, a transform): out
// of an off-screen parent's box, possibly into the viewport.
function displaced(element: Element, style: CSSStyleDeclaration, inh: Inherited): boolean {
  const position = style.position;
  if (position === 'relative') {
    // Resolved offsets of a relatively positioned box are used values: 0px when not moved.
    return style.top !== '0px' || style.left !== '0px';
  }
  return (
    position === 'static' &&
    mayTransform(element, inh, element.hasAttributes()) &&
    hasTransform(style)
  );
}

/**
 * The subtree of an off-screen box (viewport scope only). Assumes an in-flow, unmoved box
 * stays inside its off-screen parent: only positioned, moved or transformed descendants and
 * frames get a full visit (which skims them in turn when they stay off-screen); the rest only
 * feed the page signals.
 */
function skim(w: WalkContext, element: Element, inh: Inherited): void {
  if (closedDetails(element)) {
    return;
  }
  const shadow = shadowRootOf(element);
  if (shadow) {
    skimChildren(w, shadow, inShadowTree(shadow, inh));
  }
  skimChildren(w, element, inh);
}

function skimChildren(w: WalkContext, parent: Element | ShadowRoot, inh: Inherited): void {
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.localName;
    if (SKIPPED_TAGS.has(tag)) {
      continue;
    }
    const style = w.layout.style(child);
    if (style.display === 'none') {
      continue;
    }
    const position = style.position;
    if (
      position === 'fixed' ||
      position === 'absolute' ||
      isFrameTag(tag) ||
      displaced(child, style, inh)
    ) {
      visitElement(w, child, inh);
    } else if (!skipsContent(style)) {
      const blocked = inh.blocked || blocks(child);
      w.signals.element(child, tag, !blocked, w.boxes, null);
      skim(w, child, blocked === inh.blocked ? inh : { ...inh, blocked });
    }
  }
}

// Entering a shadow tree: its own sheets may transform what the outer ones could not.
function inShadowTree(shadow: ShadowRoot, inh: Inherited): Inherited {
  const transforms = inh.transforms || treeMayTransform(shadow);
  const paints = inh.paints || treeMayHidePaint(shadow);
  const clips = inh.clips || treeMayClipPath(shadow);
  return transforms === inh.transforms && paints === inh.paints && clips === inh.clips
    ? inh
    : { ...inh, transforms, paints, clips };
}

const insideKind = (w: WalkContext, inh: Inherited): TargetKind | null =>
  inh.target >= 0 ? w.found[inh.target]!.kind : null;

/**
 * One rendered element (not skipped, not display: none) and, through handDown, its subtree.
 * Phases in order; each reads `w.facts` as judgeElement filled it, until the visit recurses.
 */
function visitElement(w: WalkContext, element: Element, inh: Inherited): void {
  const tag = element.localName;
  if (SKIPPED_TAGS.has(tag)) {
    return;
  }
  const style = w.layout.style(element);
  if (style.display === 'none') {
    return;
  }
  const f = judgeElement(w, element, tag, style, inh);
  if (isFrameTag(tag)) {
    visitFrame(w, element, f);
    return;
  }
  if (w.viewportOnly && offscreenBox(element, f.position, w.layout)) {
    skim(w, element, {
      ...inh,
      blocked: f.blocked,
      transparent: f.transparent,
      consent: f.consent,
    });
    return;
  }
  // What the element's children are: none to visit (a leaf, or text only), or a subtree.
  const leaf = LEAF_TAGS.has(tag) && !(tag === 'svg' && svgHasControls(element));
  const textOnly = !leaf && element.firstElementChild === null && textOnlyBox(element, tag);
  const index = listTarget(w, element, f, inh, leaf || textOnly);

  // An empty display (DOM emulators) counts as inline.
  const display = f.display;
  const block = display !== '' && !display.startsWith('inline') && display !== 'contents';
  if (block) {
    w.outline.flush();
  }
  const level = outlineOwnText(w, element, f, inh, index, textOnly);
  // A leaf's or a text-only element's children are read through it; under
  // content-visibility: hidden (also hidden=until-found) nothing inside renders.
  if (!leaf && !textOnly && !skipsContent(style)) {
    handDown(w, element, f, inh, index, level);
  }
  if (block) {
    w.outline.flush();
  }
}

/**
 * Judge phase: the element's own box and style, into `w.facts` (returned). Also the effects
 * that come first in the outline and the signals: its screen-reader text, whether it paints
 * over others (./occlusion), the consent region and the signals' view of the element.
 * Assumes `style` is its computed style and not display: none.
 */
function judgeElement(
  w: WalkContext,
  element: Element,
  tag: string,
  style: CSSStyleDeclaration,
  inh: Inherited,
): Facts {
  const f = w.facts;
  const display = style.display;
  const invisible = isInvisible(style);
  // Attribute-free elements (most list items, spans, cells) skip every attribute test.
  const attributed = element.hasAttributes();
  const position = style.position;
  // Overflow does not apply to inline boxes of text (only to block containers, flex and grid
  // containers and replaced elements): one read fewer for most links, spans and labels.
  const overflow =
    display === 'inline' && !LEAF_TAGS.has(tag) && !EMBEDDED_TAGS.has(tag)
      ? 'visible'
      : style.overflow;
  // Clipped away, collapsed or moved off the page: nothing inside is listed or shown as
  // text; screen-reader text is said once, as such (../dom/visual-hiding).
  const hiding = hidingOf(w, element, style, tag, attributed, position, overflow, inh);
  const role = attributed ? explicitRole(element) : null;
  const veiled = hiding !== 'shown';
  const blocked = (inh.blocked && element !== w.modal) || (attributed && blocks(element)) || veiled;
  const opacity = effectiveOpacity(style, inh.opacity);
  const transparent = isTransparent(opacity);
  if (
    hiding === 'sr-only' &&
    !inh.blocked &&
    !transparent &&
    !invisible &&
    inh.textShown &&
    !inh.quiet
  ) {
    screenReaderAside(w, element.textContent ?? '');
  }
  // A transform moves an in-flow box over its neighbours (and paints it above them); read
  // once here, as it also decides where absolutely positioned children are contained. Only
  // author CSS, an inline style or an SVG attribute can set one.
  const transformable = mayTransform(element, inh, attributed);
  let transformed: boolean | undefined = transformable ? undefined : false;
  if (!w.occlusion.seen) {
    transformed = position === 'static' && transformable && hasTransform(style);
    w.occlusion.note(position !== 'static' || transformed);
  }
  // Fixed boxes escape every overflow ancestor; absolute ones those inside their containing block.
  const clip = position === 'fixed' ? null : position === 'absolute' ? inh.absClip : inh.clip;
  const hardClip =
    position === 'fixed' ? null : position === 'absolute' ? inh.absHardClip : inh.hardClip;
  const styleShown = !transparent && !invisible;
  const consent =
    inh.consent ||
    (!blocked && styleShown && w.signals.consentRegion(element, tag, role, position));
  w.signals.element(element, tag, styleShown && !blocked, w.boxes, clip);

  f.tag = tag;
  f.style = style;
  f.display = display;
  f.invisible = invisible;
  f.attributed = attributed;
  f.position = position;
  f.overflow = overflow;
  f.hiding = hiding;
  f.role = role;
  f.blocked = blocked;
  f.opacity = opacity;
  f.transparent = transparent;
  f.transformed = transformed;
  f.mayTransform = transformable;
  f.positioned = position !== 'static';
  f.clip = clip;
  f.hardClip = hardClip;
  f.styleShown = styleShown;
  f.consent = consent;
  return f;
}

/** A child frame: recorded with where and whether it shows; its document is walked apart. */
function visitFrame(w: WalkContext, element: Element, f: Facts): void {
  const { options } = w;
  const placement = options.layout ? place(element, f.clip, f.hardClip, w.layout) : null;
  const shown =
    !options.layout || (placement !== null && !w.occlusion.coveredNow(element, placement, false));
  const visible = shown && f.styleShown && !f.blocked;
  w.frames.push({ element, placement, visible });
  if (visible && (options.scope === 'page' || !placement || placement.inViewport)) {
    w.outline.frame(w.frames.length - 1);
  }
}

/**
 * Listing phase: whether the element is a target, and if it shows, its index in `w.found`
 * (else -1). Also sets `f.pointer` (the cursor, handed down as where a pointer area starts).
 * `childless`: a leaf or text-only element, whose children are not visited.
 */
function listTarget(
  w: WalkContext,
  element: Element,
  f: Facts,
  inh: Inherited,
  childless: boolean,
): number {
  const tag = f.tag;
  const native = isNativeControl(element, tag);
  // The cursor tells heuristic targets and where a pointer area starts for the children: a
  // native control with no element inside has use for neither.
  const pointer = childless && native ? false : f.style.cursor === 'pointer';
  f.pointer = pointer;
  const kind = f.blocked
    ? null
    : targetKind(
        element,
        tag,
        native,
        f.role,
        f.attributed,
        pointer,
        inh.pointer,
        insideKind(w, inh),
        w.listeners !== null && w.listeners.has(element),
      );
  if (kind && !w.listed.has(element)) {
    // An element with display:contents has no box of its own to act on.
    const visible =
      !f.invisible &&
      f.display !== 'contents' &&
      (!f.transparent || (kind === 'native' && isRestyledControl(element)));
    return visible ? add(w, element, kind, inh, f.clip, f.hardClip) : -1;
  }
  if (tag === 'label' && !f.blocked && f.styleShown) {
    labelledHiddenControl(w, element as HTMLLabelElement, inh, f.clip, f.hardClip);
  }
  return -1;
}

/**
 * Outline phase: a heading's text, or a text-only element's text, unless a listed target
 * stands for it (`index`) or an ancestor's does (`inh.quiet`). Sets `f.textShown` and returns
 * the heading level (0 for none).
 */
function outlineOwnText(
  w: WalkContext,
  element: Element,
  f: Facts,
  inh: Inherited,
  index: number,
  textOnly: boolean,
): number {
  const level = headingLevel(element, f.tag, f.role);
  const textShown =
    f.styleShown &&
    !f.blocked &&
    (!w.viewportOnly || textInView(element, f.clip, inh.textShown, w.layout));
  f.textShown = textShown;
  if (level && textShown && !inh.quiet && index < 0 && textOf(w, element, inh) === 'shown') {
    w.outline.heading(level, element.textContent ?? '');
  }
  // Text alone inherits nothing but whether it shows: no child state to derive.
  if (textOnly && textShown && !inh.quiet && index < 0 && !level) {
    // Without element children, textContent is exactly the text children joined.
    ownerText(w, element, element.textContent ?? '', inh);
  }
  return level;
}

/**
 * Hand-down phase: the rest of the element's `Own` into `f`, the children's state from it
 * (childState), then the children. The last reader of `f` for this element.
 */
function handDown(
  w: WalkContext,
  element: Element,
  f: Facts,
  inh: Inherited,
  index: number,
  level: number,
): void {
  const tag = f.tag;
  f.index = index;
  f.quiet = inh.quiet || index >= 0 || level > 0;
  f.paints = inh.paints || (f.attributed && paintAttributes(element, tag));
  descend(w, element, tag, childState(element, tag, f.style, inh, f, w.boxes));
}

/** The element's rendered children: its shadow tree, a slot's assigned nodes, a summary. */
function descend(w: WalkContext, element: Element, tag: string, inh: Inherited): void {
  const shadow = shadowRootOf(element, tag);
  if (shadow) {
    visitChildren(w, shadow, inShadowTree(shadow, inh), element);
    return;
  }
  if (tag === 'slot') {
    const assigned = (element as HTMLSlotElement).assignedNodes();
    if (assigned.length > 0) {
      for (const node of assigned) {
        visitNode(w, node, inh, element);
      }
      return;
    }
  }
  if (closedDetails(element, tag)) {
    const summary = Array.from(element.children).find((c) => c.localName === 'summary');
    if (summary) {
      visitElement(w, summary, inh);
    }
    return;
  }
  w.signals.children(element);
  visitChildren(w, element, inh, element);
}
