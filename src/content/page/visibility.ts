import {
  boxHiding,
  hasTransform,
  createBackgroundResolver,
  createPaintCheck,
  documentVeiled,
  effectiveOpacity,
  flatParent,
  indentHidesText,
  isEmptyBox,
  isTransparent,
  ownsText,
  textPaintHidden,
  type Edges,
} from '../dom/visual-hiding';
import { createCoverCheck } from '../dom/cover-check';
import {
  paintAttributes,
  treeMayClipPath,
  treeMayHidePaint,
  treeMayTransform,
} from '../perceive/author-css';
/**
 * Whether people can see an element, from computed style (not just attributes), with one
 * `getComputedStyle` per element per extraction (docs/DESIGN.md: cache layout reads per pass).
 */

/** `hidden`: nothing in the subtree shows; `self-hidden`: the element's own text is hidden, but a
 * descendant may override it (`visibility: hidden` is inherited and can be reset to `visible`);
 * `sr-only`: hidden from sight but kept for assistive technology (marked, never inlined). */
export type Visibility = 'visible' | 'hidden' | 'self-hidden' | 'sr-only';

export interface StyleCache {
  /** Computed style of an element in a rendered document, or null (detached, no view). */
  styleOf(element: Element): CSSStyleDeclaration | null;
}

export function createStyleCache(): StyleCache {
  const cache = new Map<Element, CSSStyleDeclaration | null>();
  return {
    styleOf(element) {
      let style = cache.get(element);
      if (style === undefined) {
        const view = element.ownerDocument.defaultView;
        try {
          style = view ? view.getComputedStyle(element) : null;
        } catch {
          style = null;
        }
        cache.set(element, style);
      }
      return style;
    },
  };
}

/** Whether the document is laid out (DOM emulators have no boxes: only style checks apply). */
export function hasLayout(doc: Document): boolean {
  const root = doc.documentElement;
  if (!root || !doc.defaultView) {
    return false;
  }
  const box = root.getBoundingClientRect();
  return box.width > 0 || box.height > 0;
}

const RESTYLED_TYPES = new Set(['checkbox', 'radio', 'file']);

const restyledControl = (element: Element, tag: string): boolean =>
  tag === 'input' &&
  RESTYLED_TYPES.has((element as HTMLInputElement).type) &&
  ((element as HTMLInputElement).labels?.length ?? 0) > 0;

export interface VisibilityGeometry {
  /** Boxes exist (a real browser): box, indent and cover checks run. */
  layout: boolean;
  /** Some element paints over others (perception met one): text blocks are hit-tested. */
  mayCover: boolean;
}

/**
 * The visibility verdict used by the whole-page walk, from the predicate perception uses for
 * its targets (../dom/visual-hiding). Asked top-down, once per element, in tree order.
 * @param isVisible Optional replacement for the style check, with subtree semantics: return false
 *   only when nothing inside the element can be seen (a zero-height wrapper of floats is visible).
 */
export function createVisibility(
  styles: StyleCache,
  isVisible?: (element: Element) => boolean,
  geometry: VisibilityGeometry = { layout: false, mayCover: false },
): (element: Element) => Visibility {
  const { layout } = geometry;
  const backgroundOf = createBackgroundResolver((element) => styles.styleOf(element));
  const unreadable = createPaintCheck();
  const covers =
    layout && geometry.mayCover ? createCoverCheck((element) => styles.styleOf(element)) : null;
  // What the author CSS of each tree could do (../perceive/author-css), looked at once a tree.
  const trees = new Map<Node, { transforms: boolean; paint: boolean; clips: boolean }>();
  const treeOf = (root: Node) => {
    let verdict = trees.get(root);
    if (verdict === undefined) {
      const tree = root as Document | ShadowRoot;
      verdict = {
        transforms: treeMayTransform(tree),
        paint: treeMayHidePaint(tree),
        clips: treeMayClipPath(tree),
      };
      trees.set(root, verdict);
    }
    return verdict;
  };
  // Whether an element's text could be painted away: its tree's or an outer tree's author CSS,
  // or an inline style or presentational attribute of it or a flat-tree ancestor (colour, font
  // size and indent are inherited, backgrounds paint behind). Asked top-down: the parent's
  // answer is known.
  const paints = new Map<Element, boolean>();
  const mayPaint = (element: Element): boolean => {
    let verdict = paints.get(element);
    if (verdict === undefined) {
      const parentNode = element.parentNode;
      const up = flatParent(element);
      verdict =
        (element.hasAttributes() && paintAttributes(element, element.localName)) ||
        (parentNode !== null &&
          (parentNode.nodeType === 9 || parentNode.nodeType === 11) &&
          treeOf(parentNode).paint) ||
        (up !== null && mayPaint(up));
      paints.set(element, verdict);
    }
    return verdict;
  };
  // Only an element with an opacity of its own needs its ancestors' (a transparent ancestor
  // hid the subtree already): a walk up through cached styles, rare on real pages.
  // On a veiled page (below) the root's opacity is the veil's, not the element's.
  const opacityOf = (element: Element, style: CSSStyleDeclaration, loading: boolean): number => {
    const skipped = (e: Element) => loading && (e.localName === 'html' || e.localName === 'body');
    let opacity = skipped(element) ? 1 : effectiveOpacity(style, 1);
    for (let up = flatParent(element); up && opacity !== 1; up = flatParent(up)) {
      const parentStyle = styles.styleOf(up);
      if (!parentStyle || parentStyle.opacity === '1' || skipped(up)) {
        continue;
      }
      opacity = effectiveOpacity(parentStyle, opacity);
    }
    return opacity;
  };
  // A page hiding itself whole while it loads is read as it will show (../dom/visual-hiding).
  const veils = new Map<Document, boolean>();
  const veiled = (doc: Document): boolean => {
    let verdict = veils.get(doc);
    if (verdict === undefined) {
      verdict = documentVeiled(doc, (element) => styles.styleOf(element));
      veils.set(doc, verdict);
    }
    return verdict;
  };
  return (element) => {
    // Attribute checks first: they are free and DOM emulators lack the UA stylesheet.
    if (element.hasAttribute('hidden') && element.getAttribute('hidden') !== 'until-found') {
      return 'hidden';
    }
    if (element.localName === 'dialog' && !element.hasAttribute('open')) {
      return 'hidden';
    }
    if (isVisible) {
      return isVisible(element) ? 'visible' : 'hidden';
    }
    const style = styles.styleOf(element);
    if (!style) {
      return 'visible';
    }
    if (style.display === 'none' || style.contentVisibility === 'hidden') {
      return 'hidden';
    }
    const tag = element.localName;
    // A labelled checkbox, radio or file input made transparent or clipped is the state of
    // the visible replacement its label shows (a custom switch): still said, as perception
    // still lists it.
    if (restyledControl(element, tag)) {
      return style.visibility === 'hidden' ? 'hidden' : 'visible';
    }
    const root = tag === 'html' || tag === 'body';
    const loading = veiled(element.ownerDocument);
    if (style.opacity !== '1' && isTransparent(opacityOf(element, style, loading))) {
      return 'hidden';
    }
    let box: Edges | undefined;
    const boxOf = (): Edges => (box ??= element.getBoundingClientRect());
    if (layout && !root) {
      // transform: scale(0) leaves no box (a computed transform read is dear: only where an
      // inline style or author CSS could set one); clip-path likewise.
      const inline = element.hasAttribute('style');
      const tree = treeOf(element.getRootNode());
      if ((inline || tree.transforms) && hasTransform(style) && isEmptyBox(boxOf())) {
        return 'hidden';
      }
      const view = element.ownerDocument.defaultView;
      const hiding = boxHiding(
        style,
        boxOf,
        { x: view?.scrollX ?? 0, y: view?.scrollY ?? 0 },
        style.position,
        style.overflow,
        inline || tree.clips || element.hasAttribute('clip-path'),
      );
      if (hiding !== 'shown') {
        return hiding;
      }
    }
    if (!loading && (style.visibility === 'hidden' || style.visibility === 'collapse')) {
      return 'self-hidden';
    }
    if (!root && ownsText(element)) {
      const painted = mayPaint(element);
      if (painted && textPaintHidden(element, style, backgroundOf, unreadable)) {
        return 'self-hidden';
      }
      if (layout) {
        if (painted && indentHidesText(style, boxOf)) {
          return 'sr-only';
        }
        if (covers?.(element, boxOf())) {
          return 'self-hidden';
        }
      }
    }
    return 'visible';
  };
}
