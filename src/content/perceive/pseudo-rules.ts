/**
 * Whether author CSS could give an element ::before/::after content. Reading a pseudo-element's
 * computed `content` costs two style resolutions per element, and most pages that have no such
 * rules (or that apply them only to icons) pay it for every link and button: on a 12k-element
 * list it was a third of the naming time. A selector that names neither pseudo-element cannot
 * generate one, so a scan of the rules, cached per sheet across passes, settles it for whole
 * trees. Unreadable sheets (cross-origin without CORS) and very long ones count as "could".
 */

// Both the CSS2 `:before` and the CSS3 `::before` spellings, as in `a.icon:BEFORE`.
const PSEUDO_SELECTOR = /:(?:before|after)\b/i;
// Past this many rules a sheet is assumed to have some: a scan must stay cheaper than the reads.
const MAX_SCANNED_RULES = 5000;
const STYLE_RULE = 1;
const IMPORT_RULE = 3;

interface SheetVerdict {
  length: number;
  first: CSSRule | undefined;
  last: CSSRule | undefined;
  adds: boolean;
}

// Sheets outlive passes; a sheet whose rule list changed (insertRule from CSS-in-JS, replaceSync)
// is scanned again.
const verdicts = new WeakMap<CSSStyleSheet, SheetVerdict>();

function rulesMayAdd(rules: CSSRuleList, budget: { left: number }): boolean {
  for (let i = 0; i < rules.length; i += 1) {
    const rule = rules[i]!;
    budget.left -= 1;
    if (budget.left < 0) {
      return true;
    }
    if (rule.type === STYLE_RULE && PSEUDO_SELECTOR.test((rule as CSSStyleRule).selectorText)) {
      return true;
    }
    if (rule.type === IMPORT_RULE) {
      const imported = (rule as CSSImportRule).styleSheet;
      if (imported && sheetMayAdd(imported, budget)) {
        return true;
      }
    }
    // Grouping rules (@media, @supports, @layer, @container, @scope) and nested style rules.
    const nested = (rule as CSSGroupingRule).cssRules as CSSRuleList | undefined;
    if (nested && nested.length > 0 && rulesMayAdd(nested, budget)) {
      return true;
    }
  }
  return false;
}

function sheetMayAdd(sheet: CSSStyleSheet, budget: { left: number }): boolean {
  let rules: CSSRuleList;
  try {
    rules = sheet.cssRules;
  } catch {
    return true; // A cross-origin sheet without CORS cannot be read.
  }
  const first = rules[0];
  const last = rules[rules.length - 1];
  const known = verdicts.get(sheet);
  if (known && known.length === rules.length && known.first === first && known.last === last) {
    return known.adds;
  }
  const adds = rulesMayAdd(rules, budget);
  verdicts.set(sheet, { length: rules.length, first, last, adds });
  return adds;
}

function rootMayAdd(root: Document | ShadowRoot): boolean {
  const budget = { left: MAX_SCANNED_RULES };
  // DOM emulators without a shadow root's sheet list cannot tell.
  if (!(root.styleSheets as StyleSheetList | undefined)) {
    return true;
  }
  for (const sheets of [root.styleSheets, root.adoptedStyleSheets ?? []]) {
    for (let i = 0; i < sheets.length; i += 1) {
      if (sheetMayAdd(sheets[i]!, budget)) {
        return true;
      }
    }
  }
  return false;
}

/** Answers for one pass: each tree root's sheets are looked at once. */
export type PseudoContentCheck = (element: Element) => boolean;

/**
 * An element can get pseudo-element content from the sheets of its own tree, of the trees
 * around it (`::part(x)::before`) and of the trees it is slotted into (`::slotted(a)::before`).
 */
export function createPseudoContentCheck(): PseudoContentCheck {
  const perRoot = new Map<Node, boolean>();
  const rootAdds = (root: Node): boolean => {
    let adds = perRoot.get(root);
    if (adds === undefined) {
      adds =
        root instanceof Document || root instanceof ShadowRoot
          ? rootMayAdd(root) || (root instanceof ShadowRoot && mayAddContent(root.host))
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
