/**
 * Whether people can see an element or its text: the one predicate behind both the action list
 * (perceive/walk.ts) and the page text (description outline, page/visibility.ts for the
 * markdown), so a trick that hides a button from the user hides its text from the agent too.
 *
 * Verdicts:
 * - `hidden`: nobody sees it (transparent, collapsed, painted away, covered);
 * - `sr-only`: hidden from sight by the idioms that keep text for assistive technology
 *   (a clipped 1 px box, `clip`/`clip-path` clipping all, off-screen positioning, text pushed
 *   out by `text-indent`): marked as screen-reader text, never inlined as visible text.
 *
 * Cost: callers pass the style they already read; boxes and ancestor backgrounds are read
 * only when a cheap style test says they matter, and the text checks run once per element
 * that has text of its own (a text block), not per text node.
 */

/** A box in viewport coordinates (CSS px). */
export interface Edges {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type Hiding = 'shown' | 'hidden' | 'sr-only';

/**
 * Below this opacity (the product of the element's and its ancestors') an element is not
 * something a user sees: `opacity: 0.01` is how pages hide trap fields and buttons.
 */
export const MIN_PERCEPTIBLE_OPACITY = 0.1;

/** A box smaller than this on both sides that clips its content shows nothing legible. */
export const MIN_VISIBLE_SIDE_PX = 4;

/** Text at or below this size is not legible (`font-size: 0` or `1px` tricks). */
const MAX_HIDDEN_FONT_PX = 1;

/** Text whose contrast with what is behind it stays under this ratio cannot be read... */
const MIN_TEXT_CONTRAST = 1.1;

/**
 * ...unless its hue differs: WCAG contrast compares luminance only, and yellow on white (1.07)
 * is plain to see. A colour within this many units (of 255) of the background on every channel
 * is the same colour to the eye.
 */
const MAX_SAME_COLOR_CHANNEL_DIFF = 24;

/** A `text-indent` at least this far to the left pushes a line off the page (`-9999px`). */
const FAR_INDENT_PX = 999;

/**
 * The element's own opacity times its ancestors' (`parent`: the ancestors' product). A caller
 * that does not carry the product down may pass 1 for elements whose own opacity is 1: an
 * ancestor below the threshold has hidden the whole subtree already.
 */
export function effectiveOpacity(style: CSSStyleDeclaration, parent: number): number {
  const own = style.opacity;
  if (own === '' || own === '1') {
    return parent;
  }
  const value = Number(own);
  return Number.isFinite(value) ? parent * value : parent;
}

export const isTransparent = (opacity: number): boolean => opacity < MIN_PERCEPTIBLE_OPACITY;

const clips = (overflow: string): boolean => overflow !== 'visible';

// `rect(0px, 0px, 0px, 0px)` and the like: `clip` on an absolutely positioned box.
function clipRectHidesAll(clip: string): boolean {
  if (!clip.startsWith('rect(')) {
    return false;
  }
  const [top, right, bottom, left] = clip
    .slice(5, -1)
    .split(/[\s,]+/)
    .map((part) => (part === 'auto' ? NaN : parseFloat(part)));
  const width = right! - left!;
  const height = bottom! - top!;
  return width <= 1 || height <= 1;
}

const lengthOf = (part: string, size: number): number =>
  part.endsWith('%') ? (parseFloat(part) / 100) * size : parseFloat(part) || 0;

// `inset(100%)`, `inset(50%)`, `circle(0px …)`: a clip path that leaves no area.
function clipPathHidesAll(clipPath: string, box: () => Edges): boolean {
  if (clipPath.startsWith('inset(')) {
    const parts = clipPath.slice(6, -1).split(' round ')[0]!.trim().split(/\s+/);
    const [top = '0', right = top, bottom = top, left = right] = parts;
    const b = box();
    const width = b.right - b.left;
    const height = b.bottom - b.top;
    return (
      lengthOf(top, height) + lengthOf(bottom, height) >= height - 1 ||
      lengthOf(left, width) + lengthOf(right, width) >= width - 1
    );
  }
  return /^(circle|ellipse)\(0(px)?[\s)]/.test(clipPath);
}

/**
 * What an element's own box does to everything inside it: clipped to nothing, collapsed,
 * moved off the page. Display, visibility and opacity are the caller's (read already).
 * @param box the element's border box, read only when needed.
 * @param scroll the document's scroll offsets, to tell "above the page" from "scrolled past".
 * @param position, overflow the computed values, when the caller has read them already.
 * @param mayClipPath false when nothing can give the element a clip path (no read then).
 */
export function boxHiding(
  style: CSSStyleDeclaration,
  box: () => Edges,
  scroll: { x: number; y: number },
  position = style.position,
  overflow = style.overflow,
  mayClipPath = true,
): Hiding {
  if (position === 'absolute' || position === 'fixed') {
    if (clipRectHidesAll(style.clip)) {
      return 'sr-only';
    }
    const b = box();
    const dx = position === 'fixed' ? 0 : scroll.x;
    const dy = position === 'fixed' ? 0 : scroll.y;
    // Nothing scrolls to the left of or above the page's origin: `left: -10000px`.
    if (b.right + dx <= 0 || b.bottom + dy <= 0) {
      return 'sr-only';
    }
  }
  const clipPath = mayClipPath ? style.clipPath : 'none';
  if (clipPath !== 'none' && clipPath !== '' && clipPathHidesAll(clipPath, box)) {
    return 'sr-only';
  }
  // One shorthand read ("visible" only when both axes are) before the per-axis ones.
  if (overflow === 'visible') {
    return 'shown';
  }
  const overflowX = clips(style.overflowX);
  const overflowY = clips(style.overflowY);
  const display = style.display;
  if (display !== 'contents' && display !== 'inline') {
    const b = box();
    const width = b.right - b.left;
    const height = b.bottom - b.top;
    if (overflowX && overflowY && width < MIN_VISIBLE_SIDE_PX && height < MIN_VISIBLE_SIDE_PX) {
      // The visually-hidden idiom: a 1 px box that clips what it holds.
      return 'sr-only';
    }
    if ((overflowX && width <= 1) || (overflowY && height <= 1)) {
      // Collapsed to a line (a closed accordion, `height: 0; overflow: hidden`).
      return 'hidden';
    }
  }
  return 'shown';
}

/** A transform, or one of the individual properties that transform too (`translate: 0 -8px`). */
export function hasTransform(style: CSSStyleDeclaration): boolean {
  return (
    style.transform !== 'none' ||
    style.translate !== 'none' ||
    style.rotate !== 'none' ||
    style.scale !== 'none'
  );
}

/** Whether a box holding text shows nothing of it: empty (`transform: scale(0)`, font-size 0). */
export const isEmptyBox = (b: Edges): boolean => b.right - b.left <= 0 || b.bottom - b.top <= 0;

type Rgba = [number, number, number, number];

/** `rgb(…)`/`rgba(…)` as computed styles give them; null for other colour spaces. */
export function parseColor(value: string): Rgba | null {
  const match = /^rgba?\(([^)]*)\)$/.exec(value);
  if (!match) {
    return null;
  }
  const parts = match[1]!
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (parts.length < 3 || parts.some((n) => !Number.isFinite(n))) {
    return null;
  }
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
}

const channel = (value: number): number => {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const luminance = ([r, g, b]: Rgba): number =>
  0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);

const blend = (color: Rgba, background: Rgba): Rgba => {
  const a = color[3];
  return [
    color[0] * a + background[0] * (1 - a),
    color[1] * a + background[1] * (1 - a),
    color[2] * a + background[2] * (1 - a),
    1,
  ];
};

/** WCAG contrast ratio of a colour over an opaque background (the colour's alpha blended in). */
export function contrast(color: Rgba, background: Rgba): number {
  const l1 = luminance(blend(color, background));
  const l2 = luminance(background);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

/**
 * Whether text in `color` over `background` looks like the background itself: low luminance
 * contrast and no hue of its own on any channel (so yellow or pale blue text on white stays).
 */
export function matchesBackground(color: Rgba, background: Rgba): boolean {
  if (contrast(color, background) >= MIN_TEXT_CONTRAST) {
    return false;
  }
  const seen = blend(color, background);
  return [0, 1, 2].every((i) => Math.abs(seen[i]! - background[i]!) <= MAX_SAME_COLOR_CHANNEL_DIFF);
}

const WHITE = 'rgb(255, 255, 255)';

/** The computed `background-color` behind an element's text, or null when not known. */
export type BackgroundOf = (element: Element) => string | null;

/**
 * The opaque colour behind an element's text, from its ancestors' backgrounds, memoised per
 * element for one pass; null when it cannot be known cheaply (an image or gradient, a
 * translucent layer, or a positioned box that may float over anything), so that text over
 * pictures is never judged by its page's colour.
 */
export function createBackgroundResolver(
  styleOf: (element: Element) => CSSStyleDeclaration | null,
): BackgroundOf {
  const memo = new Map<Element, string | null>();
  const resolve = (element: Element): string | null => {
    const known = memo.get(element);
    if (known !== undefined) {
      return known;
    }
    const style = styleOf(element);
    let result: string | null;
    if (!style || style.backgroundImage !== 'none') {
      result = null;
    } else {
      const own = style.backgroundColor;
      if (own === 'rgba(0, 0, 0, 0)' || own === 'transparent') {
        const parent =
          style.position === 'absolute' || style.position === 'fixed'
            ? undefined
            : flatParent(element);
        // The canvas of a light page is white; a dark colour scheme paints it otherwise.
        result =
          parent === undefined
            ? null
            : parent
              ? resolve(parent)
              : (style.colorScheme ?? '').includes('dark')
                ? null
                : WHITE;
      } else {
        const parsed = parseColor(own);
        result = parsed && parsed[3] >= 1 ? own : null;
      }
    }
    memo.set(element, result);
    return result;
  };
  return resolve;
}

/**
 * Whether the document hides itself as a whole: html or body transparent, or made
 * `visibility: hidden` with nothing inside made visible again. Anti-flicker snippets of
 * A/B-testing and analytics tools do this until their script runs (and for good when it fails
 * or is blocked): the page's loading state, not hidden text, so the page is read as it will
 * show, and `visibility` inside it is not judged (every element inherits the hiding, so an
 * element's own cannot be told apart). Costly only on such a page: one look for a visible
 * element inside, stopping at the first.
 */
export function documentVeiled(
  doc: Document,
  styleOf: (element: Element) => CSSStyleDeclaration | null,
): boolean {
  const roots = [doc.documentElement, doc.body].filter((e): e is HTMLElement => e !== null);
  let hiddenRoot: HTMLElement | null = null;
  for (const root of roots) {
    const style = styleOf(root);
    if (!style) {
      return false;
    }
    if (style.opacity !== '1' && isTransparent(effectiveOpacity(style, 1))) {
      return true;
    }
    if (hiddenRoot === null && style.visibility !== 'visible') {
      hiddenRoot = root;
    }
  }
  if (hiddenRoot === null) {
    return false;
  }
  const all = hiddenRoot.getElementsByTagName('*');
  for (let i = 0; i < all.length; i += 1) {
    if (styleOf(all[i]!)?.visibility === 'visible') {
      // Something is shown on purpose: the rest is hidden around it.
      return false;
    }
  }
  return true;
}

/** Parent in the flat tree: the slot a node is assigned to, or the host of a shadow root. */
export function flatParent(element: Element): Element | null {
  const slot = element.assignedSlot;
  if (slot) {
    return slot;
  }
  const parent = element.parentNode;
  if (!parent) {
    return null;
  }
  if (parent.nodeType === 11) {
    return (parent as ShadowRoot).host ?? null;
  }
  return parent.nodeType === 1 ? (parent as Element) : null;
}

/**
 * Whether a text colour cannot be read: transparent, or matching the background behind it.
 * Pages use a handful of colour pairs: each is judged once per pass.
 */
export function createPaintCheck(): (color: string, background: string | null) => boolean {
  const verdicts = new Map<string, boolean>();
  return (color, background) => {
    const key = background === null ? color : `${color}|${background}`;
    let hidden = verdicts.get(key);
    if (hidden === undefined) {
      const text = parseColor(color);
      const behind = background === null ? null : parseColor(background);
      hidden =
        text !== null &&
        (text[3] < MIN_PERCEPTIBLE_OPACITY || (behind !== null && matchesBackground(text, behind)));
      verdicts.set(key, hidden);
    }
    return hidden;
  };
}

/**
 * Whether the element's own text is painted so nobody can read it: a font of 1 px or less,
 * a transparent colour, or a colour that matches the background behind it. Inherited
 * properties: a descendant may undo them. (`-webkit-text-fill-color` is not read: the
 * dearest property of all, and legitimately transparent for gradient text.)
 */
export function textPaintHidden(
  element: Element,
  style: CSSStyleDeclaration,
  backgroundOf: BackgroundOf,
  unreadable: (color: string, background: string | null) => boolean,
): boolean {
  if (parseFloat(style.fontSize) <= MAX_HIDDEN_FONT_PX) {
    return true;
  }
  const color = style.color;
  // A transparent colour needs no background read.
  return unreadable(color, null) || unreadable(color, backgroundOf(element));
}

/** Whether `text-indent` pushes the element's first line out of its clipping box or off the page. */
export function indentHidesText(style: CSSStyleDeclaration, box: () => Edges): boolean {
  const indent = style.textIndent;
  if (indent === '0px' || !indent.startsWith('-')) {
    return false;
  }
  const px = parseFloat(indent);
  if (px <= -FAR_INDENT_PX) {
    return true;
  }
  if (!clips(style.overflowX)) {
    return false;
  }
  const b = box();
  return -px >= b.right - b.left;
}

/** Whether a text node holds something to read (not only white space). */
export const hasReadableText = (text: string | null): boolean => text !== null && /\S/.test(text);

/** Whether an element has text of its own (a non-blank text child). */
export function ownsText(element: Element): boolean {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && hasReadableText(node.nodeValue)) {
      return true;
    }
  }
  return false;
}

const quoted = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * How text that only assistive technology gets is written into page text: a labelled
 * annotation, its content quoted (quotes escaped) so it cannot close the annotation and pass
 * for visible text.
 */
export const screenReaderText = (text: string): string => `(screen-reader only: ${quoted(text)})`;

/** How an accessible label that differs from the visible text is added to a description. */
export const screenReaderLabel = (label: string): string =>
  `(screen-reader label: ${quoted(label)})`;
