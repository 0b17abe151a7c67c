import { shadowRootOf } from '../dom/platform';

export interface Point {
  x: number;
  y: number;
}

function visibleRect(element: Element): DOMRect | undefined {
  for (const rect of element.getClientRects()) {
    const left = Math.max(rect.left, 0);
    const top = Math.max(rect.top, 0);
    const right = Math.min(rect.right, window.innerWidth);
    const bottom = Math.min(rect.bottom, window.innerHeight);
    if (right - left >= 1 && bottom - top >= 1) {
      return new DOMRect(left, top, right - left, bottom - top);
    }
  }
  return undefined;
}

const hasBox = (element: Element): boolean =>
  [...element.getClientRects()].some((r) => r.width >= 1 && r.height >= 1);

/**
 * The centre of the element's visible part in this frame's viewport, scrolling it into view
 * first when none of it shows; undefined when it has no box at all.
 */
export function visiblePoint(element: Element): Point | undefined {
  if (!hasBox(element)) {
    return undefined;
  }
  let rect = visibleRect(element);
  if (!rect) {
    element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    rect = visibleRect(element);
  }
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : undefined;
}

/**
 * The innermost element at a point, looking inside open and closed shadow roots: the document
 * only reports the shadow host (event retargeting), which would hide what is really on top.
 */
export function deepElementFromPoint(point: Point): Element | null {
  let hit = document.elementFromPoint(point.x, point.y);
  for (let depth = 0; hit && depth < 32; depth++) {
    const root = shadowRootOf(hit);
    const inner = root?.elementFromPoint(point.x, point.y);
    if (!inner || inner === hit) {
      break;
    }
    hit = inner;
  }
  return hit;
}

/** Parent across shadow boundaries (a shadow root's parent is its host). */
export function composedParent(node: Node): Node | null {
  if (node.parentNode instanceof ShadowRoot) {
    return node.parentNode.host;
  }
  return node.parentNode;
}

export function composedContains(ancestor: Node, node: Node | null): boolean {
  for (let current = node; current; current = composedParent(current)) {
    if (current === ancestor) {
      return true;
    }
  }
  return false;
}

/** The focused element, looking through shadow roots (open or closed). */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  for (let depth = 0; active && depth < 32; depth++) {
    const inner = shadowRootOf(active)?.activeElement;
    if (!inner) {
      break;
    }
    active = inner;
  }
  return active;
}
