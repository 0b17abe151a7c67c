import type { Rect } from '@shared/protocol/frame-snapshot';

/** A box in viewport coordinates (CSS px), edges rather than size for cheap intersections. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Layout reads for one pass: one getBoundingClientRect per element visit (docs/DESIGN.md: cache
 * per observe). Styles are live objects, so reading them after the first forced style
 * recalculation is cheap; rects are snapshots.
 */
export interface LayoutCache {
  style(element: Element): CSSStyleDeclaration;
  box(element: Element): Box;
  /** `window.getComputedStyle`-compatible, for dom-accessibility-api's many reads. */
  computedStyle: typeof window.getComputedStyle;
  viewport: Box;
}

export function createLayoutCache(view: Window & typeof globalThis): LayoutCache {
  // A map entry per rendered element (an identity hash on each wrapper) cost more than the
  // calls it saved; one remembered declaration serves a label's control, read for the label
  // and again when the walk gets to it.
  let lastStyled: Element | null = null;
  let lastStyle: CSSStyleDeclaration | null = null;
  const style = (element: Element): CSSStyleDeclaration => {
    if (element !== lastStyled || !lastStyle) {
      lastStyled = element;
      lastStyle = view.getComputedStyle(element);
    }
    return lastStyle;
  };
  // The walk asks for one element's box several times in a row (off-screen test, placement,
  // text, overflow clip) and hardly ever comes back to it later: one remembered box does.
  let lastElement: Element | null = null;
  let lastBox: Box = { left: 0, top: 0, right: 0, bottom: 0 };
  const box = (element: Element): Box => {
    if (element !== lastElement) {
      const r = element.getBoundingClientRect();
      lastElement = element;
      lastBox = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }
    return lastBox;
  };
  const computedStyle = ((element: Element, pseudo?: string | null) =>
    pseudo
      ? withTextualContent(view.getComputedStyle(element, pseudo))
      : style(element)) as typeof view.getComputedStyle;
  return {
    style,
    box,
    computedStyle,
    viewport: { left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight },
  };
}

export function intersect(a: Box, b: Box): Box | null {
  const box = {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
  return box.right > box.left && box.bottom > box.top ? box : null;
}

/** The part of `box` that `clip` lets show (all of it without a clip), or null when none does. */
export function clipped(box: Box, clip: Box | null): Box | null {
  return clip ? intersect(box, clip) : box;
}

/** Whether two boxes share some area (`intersect(a, b) !== null` without building the box). */
export function overlaps(a: Box, b: Box): boolean {
  return (
    Math.min(a.right, b.right) > Math.max(a.left, b.left) &&
    Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top)
  );
}

export function isEmpty(box: Box): boolean {
  return box.right - box.left <= 0 || box.bottom - box.top <= 0;
}

export function area(box: Box): number {
  return Math.max(0, box.right - box.left) * Math.max(0, box.bottom - box.top);
}

export function toRect(box: Box): Rect {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    x: round(box.left),
    y: round(box.top),
    width: round(box.right - box.left),
    height: round(box.bottom - box.top),
  };
}

// CSS strings in a `content` value, e.g. `"a" url(x) "b"` or with alternative text
// `"before" / "alt"` (CSS Generated Content 3, https://drafts.csswg.org/css-content-3/#alt).
const CSS_STRING = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;

/** The text a `content` value renders for assistive technology: its alt text when it has one. */
export function contentText(value: string): string {
  const slash = value.search(/\s\/\s(?=(?:[^"']|"[^"]*"|'[^']*')*$)/);
  const part = slash >= 0 ? value.slice(slash + 3) : value;
  let text = '';
  for (const match of part.matchAll(CSS_STRING)) {
    text += (match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1');
  }
  return text;
}

// dom-accessibility-api reads a pseudo-element's `content` only when it is one quoted string,
// so `"a" / "alt"` and `"a" url(x)` would be read raw: hand it the rendered text, quoted.
function withTextualContent(declaration: CSSStyleDeclaration): CSSStyleDeclaration {
  return new Proxy(declaration, {
    get(target, property) {
      if (property === 'getPropertyValue') {
        return (name: string) => {
          const value = target.getPropertyValue(name);
          if (name !== 'content' || value === 'none' || value === 'normal') {
            return value;
          }
          return JSON.stringify(contentText(value));
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}
