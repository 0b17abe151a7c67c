import { parseColor, type Edges } from './visual-hiding';

// Where a text block is hit-tested: its centre first, then two points that catch a block
// whose centre falls between words or under a small badge.
const SAMPLES: ReadonlyArray<readonly [number, number]> = [
  [0.5, 0.5],
  [0.25, 0.5],
  [0.75, 0.5],
];

/**
 * A layer hides what is under it only when it paints nearly solid: a backdrop at half alpha
 * dims the page without hiding its words.
 */
const MIN_COVER_ALPHA = 0.9;

/** Elements that paint their whole box with content of their own (pictures, video, frames). */
const REPLACED = new Set(['img', 'video', 'canvas', 'iframe', 'embed', 'object', 'picture']);

const inTree = (element: Element, hit: Element | null): boolean =>
  hit !== null && (hit === element || element.contains(hit) || hit.contains(element));

type StyleOf = (element: Element) => CSSStyleDeclaration | null;

/**
 * Whether a layer found over the text paints something solid there. Hit testing finds boxes,
 * not paint: a transparent absolutely positioned wrapper (a decoration, a layout cap) is hit
 * but hides nothing, so only an opaque background colour or a replaced element counts, at an
 * opacity people see through ancestors too. A background image counts for nothing (it may be
 * a transparent picture or a faint gradient): weak evidence keeps the text.
 */
function paintsSolid(layer: Element, styleOf: StyleOf): boolean {
  const style = styleOf(layer);
  if (!style) {
    return false;
  }
  if (!REPLACED.has(layer.localName)) {
    const background = parseColor(style.backgroundColor);
    if (!background || background[3] < MIN_COVER_ALPHA) {
      return false;
    }
  }
  let opacity = 1;
  for (let up: Element | null = layer; up && opacity >= MIN_COVER_ALPHA; up = up.parentElement) {
    const own = styleOf(up)?.opacity ?? '1';
    if (own !== '1') {
      opacity *= Number(own) || 0;
    }
  }
  return opacity >= MIN_COVER_ALPHA;
}

/**
 * Whether something solid sits on top of a text block (an overlay painted over it): at every
 * sampled point of its part inside the viewport, a layer above the text paints an opaque
 * colour or a picture. Only points inside the viewport can be hit-tested, so text elsewhere
 * never counts as covered. One hit test per sample in the common case (the text itself is
 * hit); the whole stack at a point is read only when something else is on top.
 */
export function createCoverCheck(styleOf?: StyleOf): (element: Element, box: Edges) => boolean {
  return (element, box) => {
    const view = element.ownerDocument.defaultView;
    if (!view) {
      return false;
    }
    const styles: StyleOf = styleOf ?? ((e) => view.getComputedStyle(e));
    const left = Math.max(box.left, 0);
    const top = Math.max(box.top, 0);
    const right = Math.min(box.right, view.innerWidth);
    const bottom = Math.min(box.bottom, view.innerHeight);
    if (right - left < 1 || bottom - top < 1) {
      return false;
    }
    const root = element.getRootNode() as Document | ShadowRoot;
    // A shadow root answers with elements of its own tree, retargeted like events.
    const tester: Document | ShadowRoot =
      typeof root.elementFromPoint === 'function' ? root : element.ownerDocument;
    let pointerChecked = false;
    for (const [fx, fy] of SAMPLES) {
      const x = left + (right - left) * fx;
      const y = top + (bottom - top) * fy;
      const hit = tester.elementFromPoint(x, y);
      if (hit === null || inTree(element, hit)) {
        return false;
      }
      if (!pointerChecked) {
        // Text lets the pointer through to what is behind it only with pointer-events: none:
        // then what is hit may lie under it.
        if (styles(element)?.pointerEvents === 'none') {
          return false;
        }
        pointerChecked = true;
      }
      if (!paintsSolid(hit, styles) && !solidLayerAbove(element, tester, x, y, styles)) {
        return false;
      }
    }
    return true;
  };
}

// Below a layer that paints nothing, the next ones down to the text: one of them may.
function solidLayerAbove(
  element: Element,
  tester: Document | ShadowRoot,
  x: number,
  y: number,
  styleOf: StyleOf,
): boolean {
  const stack = tester.elementsFromPoint(x, y);
  for (let i = 1; i < stack.length; i += 1) {
    const layer = stack[i]!;
    if (inTree(element, layer)) {
      return false;
    }
    if (paintsSolid(layer, styleOf)) {
      return true;
    }
  }
  return false;
}
