/**
 * What the author CSS of a tree could do to its elements, for reads that cost a style resolution
 * per element and are almost always answered "nothing":
 * - ::before/::after content: reading a pseudo-element's computed `content` costs two style
 *   resolutions per element; on a 12k-element list it was a third of the naming time. A
 *   selector that names neither pseudo-element cannot generate one.
 * - transforms: the computed `transform` is layout-dependent (Blink checks the layout of the
 *   element for it), three times the cost of another property, and the walk asks it of every
 *   element until it meets one that paints over others. Without a rule, an inline style, an SVG
 *   attribute or an animation that sets one, no element can have a transform.
 * - text paint: whether text is painted away (a colour matching what is behind it, a 1 px font,
 *   an indent off the page) takes its colour, font size, indent and the backgrounds behind it,
 *   per text block. The user agent's own styles paint no text away: without a rule, an inline
 *   style, a presentational attribute or an animation that sets one of those, none can be.
 * - clip paths: `clip-path` is read of every element for the clipped-away test; without a
 *   rule, an inline style, an SVG attribute or an animation that sets one, none has one.
 * A scan of the rules settles all four for whole trees and is cached per sheet across passes.
 * Unreadable sheets (cross-origin without CORS) and very long ones count as "could".
 */

// Both the CSS2 `:before` and the CSS3 `::before` spellings, as in `a.icon:BEFORE`.
const PSEUDO_SELECTOR = /:(?:before|after)\b/i;
// Properties that move or transform a box (the `offset` shorthand may hide a path in a var()).
const TRANSFORM_PROPERTIES = ['transform', 'translate', 'rotate', 'scale', 'offset-path', 'offset'];
const TRANSFORM_KEYFRAME_KEYS = ['transform', 'translate', 'rotate', 'scale', 'offsetPath'];
// Longhands a text-paint check reads (shorthands such as `font` and `background`, and `all`,
// set them too, so a rule with a shorthand answers for its longhands).
const PAINT_PROPERTIES = ['color', 'background-color', 'font-size', 'text-indent', 'all'];
const CLIP_PROPERTIES = ['clip-path'];
const CLIP_KEYFRAME_KEYS = ['clipPath'];
const PAINT_KEYFRAME_KEYS = [
  'color',
  'backgroundColor',
  'background',
  'fontSize',
  'font',
  'textIndent',
];
// Past this many rules a tree is assumed to have both: a scan must stay cheaper than the reads.
const MAX_SCANNED_RULES = 5000;
// Past this many running animations a tree is assumed to transform.
const MAX_CHECKED_ANIMATIONS = 100;
const STYLE_RULE = 1;
const IMPORT_RULE = 3;

interface Features {
  pseudoContent: boolean;
  transforms: boolean;
  paint: boolean;
  clips: boolean;
}

interface SheetVerdict extends Features {
  length: number;
  first: CSSRule | undefined;
  last: CSSRule | undefined;
}

const ALL: Features = { pseudoContent: true, transforms: true, paint: true, clips: true };

// Sheets outlive passes; a sheet whose rule list changed (insertRule from CSS-in-JS, replaceSync)
// is scanned again.
const verdicts = new WeakMap<CSSStyleSheet, SheetVerdict>();

const complete = (found: Features): boolean =>
  found.pseudoContent && found.transforms && found.paint && found.clips;

const declaresAny = (style: CSSStyleDeclaration | undefined, properties: string[]): boolean =>
  style !== undefined &&
  style.length > 0 &&
  properties.some((property) => style.getPropertyValue(property) !== '');

function scanRules(rules: CSSRuleList, found: Features, budget: { left: number }): void {
  for (let i = 0; i < rules.length && !complete(found); i += 1) {
    const rule = rules[i]!;
    budget.left -= 1;
    if (budget.left < 0) {
      found.pseudoContent = found.transforms = found.paint = found.clips = true;
      return;
    }
    if (
      !found.pseudoContent &&
      rule.type === STYLE_RULE &&
      PSEUDO_SELECTOR.test((rule as CSSStyleRule).selectorText)
    ) {
      found.pseudoContent = true;
    }
    // Style rules, nested declarations and keyframes carry declarations.
    const declarations = (rule as CSSStyleRule).style as CSSStyleDeclaration | undefined;
    if (!found.transforms && declaresAny(declarations, TRANSFORM_PROPERTIES)) {
      found.transforms = true;
    }
    if (!found.paint && declaresAny(declarations, PAINT_PROPERTIES)) {
      found.paint = true;
    }
    if (!found.clips && declaresAny(declarations, CLIP_PROPERTIES)) {
      found.clips = true;
    }
    if (rule.type === IMPORT_RULE) {
      const imported = (rule as CSSImportRule).styleSheet;
      if (imported) {
        merge(found, sheetFeatures(imported, budget));
      }
    }
    // Grouping rules (@media, @supports, @layer, @container, @scope), nested style rules and
    // the keyframes of @keyframes.
    const nested = (rule as CSSGroupingRule).cssRules as CSSRuleList | undefined;
    if (nested && nested.length > 0) {
      scanRules(nested, found, budget);
    }
  }
}

function merge(into: Features, from: Features): void {
  into.pseudoContent ||= from.pseudoContent;
  into.transforms ||= from.transforms;
  into.paint ||= from.paint;
  into.clips ||= from.clips;
}

function sheetFeatures(sheet: CSSStyleSheet, budget: { left: number }): Features {
  let rules: CSSRuleList;
  try {
    rules = sheet.cssRules;
  } catch {
    return ALL; // A cross-origin sheet without CORS cannot be read.
  }
  const first = rules[0];
  const last = rules[rules.length - 1];
  const known = verdicts.get(sheet);
  if (known && known.length === rules.length && known.first === first && known.last === last) {
    return known;
  }
  const found = { pseudoContent: false, transforms: false, paint: false, clips: false };
  scanRules(rules, found, budget);
  verdicts.set(sheet, { length: rules.length, first, last, ...found });
  return found;
}

// Script-driven animations (element.animate) set styles that no sheet holds.
function animates(root: Document | ShadowRoot, keys: string[]): boolean {
  if (typeof root.getAnimations !== 'function') {
    return false;
  }
  const animations = root.getAnimations();
  if (animations.length > MAX_CHECKED_ANIMATIONS) {
    return true;
  }
  return animations.some((animation) => {
    const effect = animation.effect as KeyframeEffect | null;
    const keyframes = typeof effect?.getKeyframes === 'function' ? effect.getKeyframes() : [];
    return keyframes.some((frame) => keys.some((key) => key in frame));
  });
}

function rootFeatures(root: Document | ShadowRoot): Features {
  // DOM emulators without a shadow root's sheet list cannot tell.
  if (!(root.styleSheets as StyleSheetList | undefined)) {
    return ALL;
  }
  const budget = { left: MAX_SCANNED_RULES };
  const found = { pseudoContent: false, transforms: false, paint: false, clips: false };
  for (const sheets of [root.styleSheets, root.adoptedStyleSheets ?? []]) {
    for (let i = 0; i < sheets.length && !complete(found); i += 1) {
      merge(found, sheetFeatures(sheets[i]!, budget));
    }
  }
  found.transforms ||= animates(root, TRANSFORM_KEYFRAME_KEYS);
  found.paint ||= animates(root, PAINT_KEYFRAME_KEYS);
  found.clips ||= animates(root, CLIP_KEYFRAME_KEYS);
  return found;
}

/** Answers for one pass: each tree root's sheets are looked at once. */
export type PseudoContentCheck = (element: Element) => boolean;

/**
 * Whether author CSS could give an element ::before/::after content: from the sheets of its own
 * tree, of the trees around it (`::part(x)::before`) and of the trees it is slotted into
 * (`::slotted(a)::before`).
 */
export function createPseudoContentCheck(): PseudoContentCheck {
  const perRoot = new Map<Node, boolean>();
  const rootAdds = (root: Node): boolean => {
    let adds = perRoot.get(root);
    if (adds === undefined) {
      adds =
        root instanceof Document || root instanceof ShadowRoot
          ? rootFeatures(root).pseudoContent ||
            (root instanceof ShadowRoot && mayAddContent(root.host))
          : true;
      perRoot.set(root, adds);
    }
    return adds;
  };
  const mayAddContent = (element: Element): boolean => {
    if (rootAdds(element.getRootNode())) {
      return true;
    }
    const slot = element.assignedSlot;
    return slot !== null && mayAddContent(slot);
  };
  return mayAddContent;
}

/**
 * Whether the author CSS or animations of a tree could transform one of its elements. The walk
 * asks it of the document and of each shadow root it enters, and carries the answer down: the
 * trees around a shadow tree reach into it through `::part()`, and a shadow tree reaches the
 * nodes slotted into it through `::slotted()`. Inline styles and SVG `transform` attributes are
 * the caller's to check, per element.
 */
export function treeMayTransform(root: Document | ShadowRoot): boolean {
  return rootFeatures(root).transforms;
}

/**
 * Whether the author CSS or animations of a tree could paint an element's text away (colour,
 * background, font size, indent). Carried down like `treeMayTransform`; inline styles and
 * presentational attributes (`paintAttributes`) are the caller's to check, per element, and
 * they are inherited: the walk carries them down too.
 */
export function treeMayHidePaint(root: Document | ShadowRoot): boolean {
  return rootFeatures(root).paint;
}

/**
 * Whether the author CSS or animations of a tree could give one of its elements a clip path.
 * Inline styles and SVG `clip-path` attributes are the caller's to check, per element.
 */
export function treeMayClipPath(root: Document | ShadowRoot): boolean {
  return rootFeatures(root).clips;
}

/** An element's own attributes that set how text is painted: `style`, `<font color>`, `bgcolor`, `<body text>`. */
export function paintAttributes(element: Element, tag: string): boolean {
  return (
    element.hasAttribute('style') ||
    element.hasAttribute('bgcolor') ||
    (tag === 'font' && element.hasAttribute('color')) ||
    (tag === 'body' && element.hasAttribute('text'))
  );
}
