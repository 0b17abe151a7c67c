import type { Edges } from './visual-hiding';

// Where a text block is hit-tested: its centre first, then two points that catch a block
// whose centre falls between words or under a small badge.
const SAMPLES: ReadonlyArray<readonly [number, number]> = [
  [0.5, 0.5],
  [0.25, 0.5],
  [0.75, 0.5],
];

const inTree = (element: Element, hit: Element | null): boolean =>
  hit !== null && (hit === element || element.contains(hit) || hit.contains(element));

/**
 * Whether something opaque sits on top of a text block (an overlay painted over it): every
 * sampled point of its part inside the viewport hits an element outside its own subtree and
 * ancestors. Only points inside the viewport can be hit-tested, so text elsewhere never counts
 * as covered. One to three hit tests per text block, never per text node.
 */
export function createCoverCheck(): (element: Element, box: Edges) => boolean {
  return (element, box) => {
    const view = element.ownerDocument.defaultView;
    if (!view) {
      return false;
    }
    const left = Math.max(box.left, 0);
    const top = Math.max(box.top, 0);
    const right = Math.min(box.right, view.innerWidth);
    const bottom = Math.min(box.bottom, view.innerHeight);
    if (right - left < 1 || bottom - top < 1) {
      return false;
    }
    const root = element.getRootNode() as Document | ShadowRoot;
    const doc = element.ownerDocument;
    for (const [fx, fy] of SAMPLES) {
      const x = left + (right - left) * fx;
      const y = top + (bottom - top) * fy;
      // A shadow root answers with elements of its own tree, retargeted like events.
      const hit =
        typeof root.elementFromPoint === 'function'
          ? root.elementFromPoint(x, y)
          : doc.elementFromPoint(x, y);
      if (hit === null || inTree(element, hit)) {
        return false;
      }
      // Text lets the pointer through to what is behind it only with pointer-events: none.
      if (view.getComputedStyle(element).pointerEvents === 'none') {
        return false;
      }
    }
    return true;
  };
}
