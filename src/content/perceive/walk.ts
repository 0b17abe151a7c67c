import { normalizeSpace } from '@shared/text';
import { shadowRootOf } from '../dom/platform';
import { truncate } from './describe';
import type { Box, LayoutCache } from './layout';
import { createOutline, type OutlineBuilder } from './outline';
import type { SignalCollector } from './signals';
import { isNativeControl } from './roles';
import { explicitRole, targetKind, type TargetKind } from './targets';
import { createOcclusionGate } from './occlusion';
import { paintAttributes, treeMayClipPath, treeMayHidePaint, treeMayTransform } from './author-css';
import { createCoverCheck } from '../dom/cover-check';
import {
  boxHiding,
  createBackgroundResolver,
  createPaintCheck,
  effectiveOpacity,
  hasReadableText,
  indentHidesText,
  isEmptyBox,
  isTransparent,
  MIN_VISIBLE_SIDE_PX,
  screenReaderText,
  textPaintHidden,
  hasTransform,
  type Hiding,
} from '../dom/visual-hiding';
import { offscreenBox, place, textInView, type Placement } from './visibility';
import {
  blocks,
  closedDetails,
  ELEMENT_NODE,
  headingLevel,
  isFrameTag,
  isRestyledControl,
  LEAF_TAGS,
  skipsContent,
  queryModal,
  SKIPPED_TAGS,
  svgHasControls,
  TEXT_NODE,
  textOnlyBox,
} from './walk-rules';
import { childState, isInvisible, rootState, scratchOwn, type Inherited } from './walk-state';

const inlineScale = (element: Element): boolean =>
  /scale/.test(element.getAttribute('style') ?? '');

// Replaced elements that are not leaves of the walk's own (LEAF_TAGS): they clip their content.
const EMBEDDED_TAGS = new Set(['canvas', 'iframe', 'embed', 'object', 'frame']);

const tooSmall = (box: Box): boolean =>
  box.right - box.left < MIN_VISIBLE_SIDE_PX && box.bottom - box.top < MIN_VISIBLE_SIDE_PX;

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
}

export interface WalkResult {
  found: Found[];
  frames: FoundFrame[];
  outline: OutlineBuilder;
  /** Whether an element that paints over others was met (text elsewhere may be covered). */
  paintsOver: boolean;
}

/** Screen-reader text in the outline is an aside: cut rather than carried whole. */
const SCREEN_READER_MAX_CHARS = 150;

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
  const found: Found[] = [];
  const frames: FoundFrame[] = [];
  const outline = createOutline();
  const listed = new Set<Element>();
  const modal = queryModal(doc);
  const boxes = options.layout ? layout : null;
  const viewportOnly = options.layout && options.scope === 'viewport';
  // Filled by each element right before its children's state is derived from it.
  const own = scratchOwn();

  const occlusion = createOcclusionGate(layout);
  const backgroundOf = createBackgroundResolver((element) => layout.style(element));
  const unreadable = createPaintCheck();
  const covered = createCoverCheck((element) => layout.style(element));
  const scroll = { x: doc.defaultView?.scrollX ?? 0, y: doc.defaultView?.scrollY ?? 0 };
  // What an element's own box hides (the shared predicate); html and body never clip away.
  const hidingOf = (
    element: Element,
    style: CSSStyleDeclaration,
    tag: string,
    attributed: boolean,
    position: string,
    overflow: string,
    inh: Inherited,
  ): Hiding => {
    if (!options.layout || tag === 'html' || tag === 'body') {
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
    return boxHiding(style, () => layout.box(element), scroll, position, overflow, mayClipPath);
  };

  // Whether an element's own text shows, asked once per element with readable text (a text
  // block), not per text node: painted away, an empty box, indented out, or covered. Its text
  // nodes mostly come in a row: one remembered verdict serves them.
  let textOwner: Element | null = null;
  let textVerdict: Hiding = 'shown';
  const textOf = (owner: Element, inh: Inherited): Hiding => {
    if (owner !== textOwner) {
      textOwner = owner;
      textVerdict = judgeText(owner, inh);
    }
    return textVerdict;
  };
  const judgeText = (owner: Element, inh: Inherited): Hiding => {
    const style = layout.style(owner);
    // A text-only element's own attributes are not in `inh` (its parent's state).
    const attributed = owner.hasAttributes();
    const paints = inh.paints || (attributed && paintAttributes(owner, owner.localName));
    if (paints && textPaintHidden(owner, style, backgroundOf, unreadable)) {
      return 'hidden';
    }
    // An empty box holding text: scaled to nothing by a transform of its own or an
    // ancestor's (only possible where author CSS or an inline style can transform).
    const mayBeEmpty = inh.transforms || (attributed && owner.hasAttribute('style'));
    // Nothing below can apply: no read at all (most text blocks of most plain pages).
    if (!options.layout || (!paints && !mayBeEmpty && !occlusion.seen)) {
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
    return occlusion.seen && covered(owner, box()) ? 'hidden' : 'shown';
  };
  const screenReaderAside = (text: string) => {
    const clean = normalizeSpace(text);
    if (clean) {
      outline.text(` ${screenReaderText(truncate(clean, SCREEN_READER_MAX_CHARS))} `);
    }
  };
  // Text of a text node or a text-only element, once its owner's text is judged.
  const ownerText = (owner: Element, text: string, inh: Inherited) => {
    if (!hasReadableText(text)) {
      outline.text(text);
      return;
    }
    const verdict = textOf(owner, inh);
    if (verdict === 'shown') {
      outline.text(text);
    } else if (verdict === 'sr-only') {
      screenReaderAside(text);
    }
  };

  // Where a rendered element shows, or null when nothing of it does (empty, clipped away or
  // covered). Only asked with a layout engine.
  const locate = (
    element: Element,
    clip: Box | null,
    hardClip: Box | null,
    deferrable: boolean,
  ): Placement | null => {
    const placement = place(element, clip, hardClip, layout);
    return placement && !occlusion.coveredNow(element, placement, deferrable) ? placement : null;
  };

  const add = (
    element: Element,
    kind: TargetKind,
    inh: Inherited,
    clip: Box | null,
    hardClip: Box | null,
  ): number => {
    const placement = options.layout ? locate(element, clip, hardClip, true) : null;
    const inViewport = placement ? placement.inViewport : !options.layout;
    if (options.layout && (!placement || (options.scope === 'viewport' && !inViewport))) {
      return -1;
    }
    if (placement && tooSmall(placement.box)) {
      // A 2×2 px button is no control a person can see or aim at.
      return -1;
    }
    listed.add(element);
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
    outline.element(index);
    occlusion.listed(found[index]!, element);
    return index;
  };

  // Children are walked by sibling links: a childNodes list would be created (and kept) for
  // every node of the page.
  const visitNode = (node: Node, inh: Inherited, owner: Element) => {
    const type = node.nodeType;
    if (type === ELEMENT_NODE) {
      visitElement(node as Element, inh);
    } else if (type === TEXT_NODE && inh.textShown && !inh.quiet) {
      ownerText(owner, node.nodeValue ?? '', inh);
    }
  };

  const visitChildren = (parent: Node, inh: Inherited, owner: Element) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      visitNode(node, inh, owner);
    }
  };

  // Only author CSS, an inline style or an SVG attribute can give an element a transform.
  const mayTransform = (element: Element, inh: Inherited, attributed: boolean): boolean =>
    inh.transforms ||
    (attributed && (element.hasAttribute('style') || element.hasAttribute('transform')));

  // Whether a box moves away from where the flow puts it (relative offsets, a transform): out
  // of an off-screen parent's box, possibly into the viewport.
  const displaced = (element: Element, style: CSSStyleDeclaration, inh: Inherited): boolean => {
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
  };

  // The subtree of an off-screen box: only positioned, moved or transformed descendants and
  // frames get a full visit (which skims them in turn when they stay off-screen).
  const skim = (element: Element, inh: Inherited) => {
    if (closedDetails(element)) {
      return;
    }
    const shadow = shadowRootOf(element);
    if (shadow) {
      skimChildren(shadow, inShadowTree(shadow, inh));
    }
    skimChildren(element, inh);
  };

  const skimChildren = (parent: Element | ShadowRoot, inh: Inherited) => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      const tag = child.localName;
      if (SKIPPED_TAGS.has(tag)) {
        continue;
      }
      const style = layout.style(child);
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
        visitElement(child, inh);
      } else if (!skipsContent(style)) {
        const blocked = inh.blocked || blocks(child);
        signals.element(child, tag, !blocked, boxes, null);
        skim(child, blocked === inh.blocked ? inh : { ...inh, blocked });
      }
    }
  };

  // Entering a shadow tree: its own sheets may transform what the outer ones could not.
  const inShadowTree = (shadow: ShadowRoot, inh: Inherited): Inherited => {
    const transforms = inh.transforms || treeMayTransform(shadow);
    const paints = inh.paints || treeMayHidePaint(shadow);
    const clips = inh.clips || treeMayClipPath(shadow);
    return transforms === inh.transforms && paints === inh.paints && clips === inh.clips
      ? inh
      : { ...inh, transforms, paints, clips };
  };

  const insideKind = (inh: Inherited): TargetKind | null =>
    inh.target >= 0 ? found[inh.target]!.kind : null;

  const visitElement = (element: Element, inh: Inherited): void => {
    const tag = element.localName;
    if (SKIPPED_TAGS.has(tag)) {
      return;
    }
    const style = layout.style(element);
    const display = style.display;
    if (display === 'none') {
      return;
    }
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
    const hiding = hidingOf(element, style, tag, attributed, position, overflow, inh);
    const role = attributed ? explicitRole(element) : null;
    const veiled = hiding !== 'shown';
    const blocked = (inh.blocked && element !== modal) || (attributed && blocks(element)) || veiled;
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
      screenReaderAside(element.textContent ?? '');
    }
    // A transform moves an in-flow box over its neighbours (and paints it above them); read
    // once here, as it also decides where absolutely positioned children are contained. Only
    // author CSS, an inline style or an SVG attribute can set one.
    const transformable = mayTransform(element, inh, attributed);
    let transformed: boolean | undefined = transformable ? undefined : false;
    if (!occlusion.seen) {
      transformed = position === 'static' && transformable && hasTransform(style);
      occlusion.note(position !== 'static' || transformed);
    }
    // Fixed boxes escape every overflow ancestor; absolute ones those inside their containing block.
    const clip = position === 'fixed' ? null : position === 'absolute' ? inh.absClip : inh.clip;
    const hardClip =
      position === 'fixed' ? null : position === 'absolute' ? inh.absHardClip : inh.hardClip;
    const styleShown = !transparent && !invisible;
    const consent =
      inh.consent ||
      (!blocked && styleShown && signals.consentRegion(element, tag, role, position));
    signals.element(element, tag, styleShown && !blocked, boxes, clip);

    if (isFrameTag(tag)) {
      const placement = options.layout ? place(element, clip, hardClip, layout) : null;
      const shown =
        !options.layout || (placement !== null && !occlusion.coveredNow(element, placement, false));
      const visible = shown && styleShown && !blocked;
      frames.push({ element, placement, visible });
      if (visible && (options.scope === 'page' || !placement || placement.inViewport)) {
        outline.frame(frames.length - 1);
      }
      return;
    }
    if (viewportOnly && offscreenBox(element, position, layout)) {
      skim(element, { ...inh, blocked, transparent, consent });
      return;
    }

    let index = -1;
    // What the element's children are: none to visit (a leaf, or text only), or a subtree.
    const leaf = LEAF_TAGS.has(tag) && !(tag === 'svg' && svgHasControls(element));
    const textOnly = !leaf && element.firstElementChild === null && textOnlyBox(element, tag);
    const native = isNativeControl(element, tag);
    // The cursor tells heuristic targets and where a pointer area starts for the children: a
    // native control with no element inside has use for neither.
    const pointer = (leaf || textOnly) && native ? false : style.cursor === 'pointer';
    const kind = blocked
      ? null
      : targetKind(element, tag, native, role, attributed, pointer, inh.pointer, insideKind(inh));
    if (kind && !listed.has(element)) {
      // An element with display:contents has no box of its own to act on.
      const visible =
        !invisible &&
        display !== 'contents' &&
        (!transparent || (kind === 'native' && isRestyledControl(element)));
      index = visible ? add(element, kind, inh, clip, hardClip) : -1;
    } else if (tag === 'label' && !blocked && styleShown) {
      labelledHiddenControl(element as HTMLLabelElement, inh, clip, hardClip);
    }

    // An empty display (DOM emulators) counts as inline.
    const block = display !== '' && !display.startsWith('inline') && display !== 'contents';
    if (block) {
      outline.flush();
    }
    const level = headingLevel(element, tag, role);
    const textShown =
      styleShown && !blocked && (!viewportOnly || textInView(element, clip, inh.textShown, layout));
    if (level && textShown && !inh.quiet && index < 0 && textOf(element, inh) === 'shown') {
      outline.heading(level, element.textContent ?? '');
    }
    if (leaf) {
      // Children are options, UA widgets or graphics, read through the element itself.
    } else if (textOnly) {
      // Text alone inherits nothing but whether it shows: no child state to derive.
      if (textShown && !inh.quiet && index < 0 && !level) {
        // Without element children, textContent is exactly the text children joined.
        ownerText(element, element.textContent ?? '', inh);
      }
    } else if (skipsContent(style)) {
      // content-visibility: hidden (also hidden=until-found): nothing inside renders.
    } else {
      own.clip = clip;
      own.hardClip = hardClip;
      own.blocked = blocked;
      own.transparent = transparent;
      own.opacity = opacity;
      own.consent = consent;
      own.index = index;
      own.textShown = textShown;
      own.quiet = inh.quiet || index >= 0 || level > 0;
      own.positioned = position !== 'static';
      own.transformed = transformed;
      own.mayTransform = transformable;
      own.pointer = pointer;
      own.overflow = overflow;
      own.paints = inh.paints || (attributed && paintAttributes(element, tag));
      descend(element, tag, childState(element, tag, style, inh, own, boxes));
    }
    if (block) {
      outline.flush();
    }
  };

  const descend = (element: Element, tag: string, inh: Inherited) => {
    const shadow = shadowRootOf(element, tag);
    if (shadow) {
      visitChildren(shadow, inShadowTree(shadow, inh), element);
      return;
    }
    if (tag === 'slot') {
      const assigned = (element as HTMLSlotElement).assignedNodes();
      if (assigned.length > 0) {
        for (const node of assigned) {
          visitNode(node, inh, element);
        }
        return;
      }
    }
    if (closedDetails(element, tag)) {
      const summary = Array.from(element.children).find((c) => c.localName === 'summary');
      if (summary) {
        visitElement(summary, inh);
      }
      return;
    }
    signals.children(element);
    visitChildren(element, inh, element);
  };

  const labelledHiddenControl = (
    label: HTMLLabelElement,
    inh: Inherited,
    clip: Box | null,
    hardClip: Box | null,
  ) => {
    // A visually hidden checkbox restyled through its label: the label is what can be clicked.
    const control = label.control;
    if (!control || listed.has(control) || (control as HTMLInputElement).type === 'hidden') {
      return;
    }
    const style = layout.style(control);
    // A transparent control is listed itself (isRestyledControl); a control with no box at
    // all, or one visually hidden (the sr-only checkbox of a custom switch), is operated
    // through its label.
    if (
      style.display === 'none' ||
      isInvisible(style) ||
      hidingOf(control, style, control.localName, true, style.position, style.overflow, inh) !==
        'shown'
    ) {
      const index = add(label, 'native', inh, clip, hardClip);
      if (index >= 0) {
        found[index]!.element = control;
        listed.add(control);
      }
    }
  };

  const html = doc.documentElement;
  if (html) {
    visitElement(
      html,
      rootState(modal !== null, treeMayTransform(doc), treeMayHidePaint(doc), treeMayClipPath(doc)),
    );
  }
  outline.flush();
  occlusion.finish();
  return { found, frames, outline, paintsOver: occlusion.seen };
}
