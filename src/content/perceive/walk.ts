import { shadowRootOf } from '../dom/platform';
import { intersect, type Box, type LayoutCache } from './layout';
import { createOutline, type OutlineBuilder } from './outline';
import { childPaths, type PathNode, type TreeScope } from './selectors';
import type { SignalCollector } from './signals';
import { explicitRole, targetKind, type TargetKind } from './targets';
import { hiddenByStyle, isOccluded, place, type Placement } from './visibility';

/** A visible target found by the walk, before it gets a name, an id and a description. */
export interface Found {
  element: Element;
  kind: TargetKind;
  /** Where it shows; null without a layout engine (DOM emulators). */
  placement: Placement | null;
  inViewport: boolean;
  path: PathNode;
  scope: TreeScope;
  /** Nearest landmark or id'd ancestor, for fingerprints that survive inserted rows. */
  anchor: string;
  /** Index of the nearest found ancestor, or -1. */
  parent: number;
  /** Whether it sits in a cookie-consent region (signals). */
  consent: boolean;
}

export interface FoundFrame {
  element: Element;
  path: PathNode;
  scope: TreeScope;
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
}

/** State a node inherits from its flat-tree parent. */
interface Inherited {
  scope: TreeScope;
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

const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'meta', 'link']);
// Their children are options, UA widgets or graphics that are read through the element itself.
const LEAF_TAGS = new Set([
  'input',
  'select',
  'textarea',
  'option',
  'img',
  'svg',
  'video',
  'audio',
]);
const LANDMARK_TAGS = new Set(['header', 'nav', 'main', 'footer', 'aside', 'form', 'dialog']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const NOWHERE: Box = { left: 0, top: 0, right: 0, bottom: 0 };

const headingLevel = (element: Element): number => {
  const match = /^h([1-6])$/.exec(element.localName);
  if (match) {
    return Number(match[1]);
  }
  if (explicitRole(element) === 'heading') {
    return Number(element.getAttribute('aria-level')) || 2;
  }
  return 0;
};

// A native control made transparent is usually restyled through its label, and still works.
const isRestyledControl = (element: Element): boolean =>
  ((element as HTMLInputElement).labels?.length ?? 0) > 0;

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
  // Light children of shadow hosts, visited later through the slots they are assigned to.
  const slottedPaths = new Map<Element, PathNode>();
  const hostScopes = new Map<Element, TreeScope>();
  const modal = queryModal(doc);

  const locate = (element: Element, clip: Box | null) => {
    if (!options.layout) {
      return { placement: null, shown: true, inViewport: true };
    }
    const placement = place(element, clip, layout);
    if (!placement) {
      return { placement, shown: false, inViewport: false };
    }
    const shown = !(placement.inViewport && isOccluded(element, placement, layout));
    return { placement, shown, inViewport: placement.inViewport };
  };

  const add = (
    element: Element,
    kind: TargetKind,
    path: PathNode,
    inh: Inherited,
    clip: Box | null,
  ) => {
    const { placement, shown, inViewport } = locate(element, clip);
    if (!shown || (options.scope === 'viewport' && !inViewport)) {
      return shown ? -2 : -1;
    }
    listed.add(element);
    const index =
      found.push({
        element,
        kind,
        placement,
        inViewport,
        path,
        scope: inh.scope,
        anchor: inh.anchor,
        parent: inh.target,
        consent: inh.consent,
      }) - 1;
    outline.element(index);
    return index;
  };

  // `paths` are the element children's paths in order, or a lookup for slotted nodes.
  const visitChildren = (
    nodes: ArrayLike<Node>,
    paths: PathNode[] | ((element: Element) => PathNode),
    inh: Inherited,
  ) => {
    let k = 0;
    for (let i = 0; i < nodes.length; i += 1) {
      const node = nodes[i]!;
      if (node.nodeType === TEXT_NODE) {
        if (inh.textShown && !inh.quiet) {
          outline.text(node.nodeValue ?? '');
        }
      } else if (node.nodeType === ELEMENT_NODE) {
        const element = node as Element;
        const path = Array.isArray(paths) ? (paths[k] ?? soloPath(element)) : paths(element);
        k += 1;
        visitElement(element, path, inh);
      }
    }
  };

  const visitElement = (element: Element, path: PathNode, inh: Inherited): void => {
    const tag = element.localName;
    if (SKIPPED_TAGS.has(tag)) {
      return;
    }
    const style = layout.style(element);
    if (style.display === 'none') {
      return;
    }
    const blocked =
      (inh.blocked && element !== modal) ||
      element.getAttribute('aria-hidden') === 'true' ||
      element.hasAttribute('inert');
    const transparent = inh.transparent || style.opacity === '0';
    const position = style.position;
    const clip = position === 'fixed' ? null : position === 'absolute' ? inh.absClip : inh.clip;
    const styleShown = !transparent && !isInvisible(style);
    const consent =
      inh.consent || (!blocked && styleShown && signals.consentRegion(element, style));
    signals.element(element, styleShown && !blocked);

    if (tag === 'iframe' || tag === 'frame') {
      const { placement, shown, inViewport } = locate(element, clip);
      const visible = shown && styleShown && !blocked && (!options.layout || placement !== null);
      frames.push({ element, path, scope: inh.scope, placement, visible });
      if (visible && (options.scope === 'page' || inViewport)) {
        outline.frame(frames.length - 1);
      }
      return;
    }

    let index = -1;
    const kind = blocked ? null : targetKind(element, style, inh.pointer, inh.target >= 0);
    if (kind && !listed.has(element)) {
      const visible =
        !hiddenByStyle(element, style) &&
        (!transparent || (kind === 'native' && isRestyledControl(element)));
      index = visible ? add(element, kind, path, inh, clip) : -1;
    } else if (tag === 'label' && !blocked && styleShown) {
      labelledHiddenControl(element as HTMLLabelElement, path, inh, clip);
    }

    const display = style.display;
    // An empty display (DOM emulators) counts as inline.
    const block = display !== '' && !display.startsWith('inline') && display !== 'contents';
    if (block) {
      outline.flush();
    }
    const level = headingLevel(element);
    const textShown = styleShown && !blocked && inViewportForText(element, clip, inh);
    if (level && textShown && !inh.quiet && index < 0) {
      outline.heading(level, element.textContent ?? '');
    }
    if (!LEAF_TAGS.has(tag)) {
      const childInh = inherit(element, style, inh, {
        clip,
        blocked,
        transparent,
        consent,
        index,
        textShown,
        quiet: inh.quiet || index >= 0 || level > 0,
      });
      descend(element, path, childInh);
    }
    if (block) {
      outline.flush();
    }
  };

  const inViewportForText = (element: Element, clip: Box | null, inh: Inherited): boolean => {
    if (!options.layout || options.scope === 'page') {
      return true;
    }
    const box = layout.box(element);
    if (box.right <= box.left || box.bottom <= box.top) {
      return inh.textShown;
    }
    const visible = clip ? intersect(box, clip) : box;
    return visible !== null && intersect(visible, layout.viewport) !== null;
  };

  const inherit = (
    element: Element,
    style: CSSStyleDeclaration,
    inh: Inherited,
    own: {
      clip: Box | null;
      blocked: boolean;
      transparent: boolean;
      consent: boolean;
      index: number;
      textShown: boolean;
      quiet: boolean;
    },
  ): Inherited => {
    let clip = own.clip;
    const tag = element.localName;
    const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
    // Overflow on html/body scrolls the viewport rather than clipping a box.
    if (options.layout && clips && tag !== 'html' && tag !== 'body') {
      const box = layout.box(element);
      clip = (clip ? intersect(clip, box) : box) ?? NOWHERE;
    }
    const establishes = style.position !== 'static' || style.transform !== 'none';
    const id = element.id;
    return {
      scope: inh.scope,
      clip,
      absClip: establishes ? clip : inh.absClip,
      blocked: own.blocked,
      transparent: own.transparent,
      pointer: style.cursor === 'pointer',
      target: own.index >= 0 ? own.index : inh.target,
      quiet: own.quiet,
      textShown: own.textShown,
      consent: own.consent,
      anchor: id ? `#${id}` : LANDMARK_TAGS.has(tag) ? tag : inh.anchor,
    };
  };

  const descend = (element: Element, path: PathNode, inh: Inherited) => {
    const shadow = shadowRootOf(element);
    if (shadow) {
      for (const light of childPaths(path, element.children)) {
        slottedPaths.set(light.element, light);
      }
      hostScopes.set(element, inh.scope);
      const scope: TreeScope = { root: shadow, parent: inh.scope, host: path };
      visitChildren(shadow.childNodes, childPaths(null, shadow.children), { ...inh, scope });
      return;
    }
    if (element.localName === 'slot') {
      const assigned = (element as HTMLSlotElement).assignedNodes();
      if (assigned.length > 0) {
        // Slotted nodes belong to the host's tree: their selectors are relative to it.
        for (const node of assigned) {
          const host = node.parentElement;
          const scope = (host && hostScopes.get(host)) ?? inh.scope;
          const pathOf = (el: Element) => slottedPaths.get(el) ?? soloPath(el);
          visitChildren([node], pathOf, { ...inh, scope });
        }
        return;
      }
    }
    if (element.localName === 'details' && !element.hasAttribute('open')) {
      // A closed <details> renders only its first <summary>.
      const summary = childPaths(path, element.children).find(
        (child) => child.element.localName === 'summary',
      );
      if (summary) {
        visitChildren([summary.element], [summary], inh);
      }
      return;
    }
    signals.children(element.children);
    visitChildren(element.childNodes, childPaths(path, element.children), inh);
  };

  const labelledHiddenControl = (
    label: HTMLLabelElement,
    path: PathNode,
    inh: Inherited,
    clip: Box | null,
  ) => {
    // A visually hidden checkbox restyled through its label: the label is what can be clicked.
    const control = label.control;
    if (!control || listed.has(control) || (control as HTMLInputElement).type === 'hidden') {
      return;
    }
    const style = layout.style(control);
    // A transparent control is listed itself (isRestyledControl); only a control with no box
    // at all is operated through its label.
    if (style.display === 'none' || isInvisible(style)) {
      const index = add(label, 'native', path, inh, clip);
      if (index >= 0) {
        found[index]!.element = control;
        listed.add(control);
      }
    }
  };

  const root: Inherited = {
    scope: { root: doc, parent: null, host: null },
    clip: null,
    absClip: null,
    blocked: modal !== null,
    transparent: false,
    pointer: false,
    target: -1,
    quiet: false,
    textShown: true,
    consent: false,
    anchor: '',
  };
  const html = doc.documentElement;
  if (html) {
    visitElement(html, soloPath(html), root);
  }
  outline.flush();
  return { found, frames, outline };
}

const isInvisible = (style: CSSStyleDeclaration): boolean =>
  style.visibility === 'hidden' || style.visibility === 'collapse';

function soloPath(element: Element): PathNode {
  return { parent: null, element, nth: 1, siblingTags: new Map([[element.localName, 1]]) };
}

// `dialog:modal` (Chrome 105+): everything outside an open modal dialog is inert.
function queryModal(doc: Document): Element | null {
  try {
    return doc.querySelector('dialog:modal');
  } catch {
    return null;
  }
}
