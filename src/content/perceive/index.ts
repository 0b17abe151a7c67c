import type { ChildFrame, FrameElement, PageSignals } from '@shared/protocol/frame-snapshot';
import { frameTokenOf } from '../dom/frame-tokens';
import { withLabelCache } from '../dom/labels';
import { shownValue } from '../dom/sensitive-fields';
import { normalizeSpace } from '@shared/text';
import { screenReaderLabel } from '../dom/visual-hiding';
import {
  accessibleName,
  describe,
  NAME_MAX_CHARS,
  nameHint,
  pureAccessibleName,
  renderedText,
  valueOf,
} from './describe';
import { createIdRegistry, type IdRegistry } from './ids';
import { area, createLayoutCache, toRect } from './layout';
import { renderOutline } from './outline';
import { createPseudoContentCheck } from './author-css';
import { classify } from './roles';
import {
  createIdUniqueness,
  createSiblingIndex,
  cssSelector,
  frameSelector,
  pathKey,
} from './selectors';
import { createSignalCollector } from './signals';
import { isImageOnly } from './targets';
import { walk, type Found } from './walk';

export interface PerceiveOptions {
  /** `viewport`: only elements intersecting the viewport; `page`: all, each flagged. */
  scope: 'viewport' | 'page';
  /** Add each element's selector object (docs/SPEC.md section 3). */
  selectors: boolean;
  /** Elements the page-world probe found a pointer listener on (./listeners). */
  listeners?: ReadonlySet<Element>;
}

/** A frame element's content box, before transforms: the size of its document's viewport. */
function contentSize(element: Element): { width: number; height: number } {
  const style = getComputedStyle(element);
  const px = (value: string) => parseFloat(value) || 0;
  return {
    width: element.clientWidth - px(style.paddingLeft) - px(style.paddingRight),
    height: element.clientHeight - px(style.paddingTop) - px(style.paddingBottom),
  };
}

export interface Perception {
  elements: FrameElement[];
  frames: ChildFrame[];
  outline: string;
  signals: PageSignals;
  /** Every frame element the walk found, shadow roots included. */
  frameElements: Element[];
  /** Milliseconds per phase (walk, name, describe), for benchmarks. */
  timings: Record<string, number>;
  /** The local id of an element listed in this perception (for ids in the page markdown). */
  idOf: (element: Element) => string | undefined;
  /** Whether the frame has an element that paints over others (page text is hit-tested then). */
  paintsOver: boolean;
}

/** Knobs for environments other than a real browser tab. */
export interface PerceiveEnvironment {
  /**
   * Whether layout exists. DOM emulators (happy-dom, jsdom) have none: every box is empty, so
   * geometry checks are skipped and every element counts as in the viewport.
   * @default true
   */
  layout?: boolean;
}

const maskSecret = (element: Element, value: string | boolean | undefined) =>
  typeof value === 'string' ? shownValue(element, value) : value;

// Ids live for the life of a document (docs/SPEC.md section 4): one registry per document.
const registries = new WeakMap<Document, IdRegistry>();

function registryOf(doc: Document): IdRegistry {
  let registry = registries.get(doc);
  if (!registry) {
    registry = createIdRegistry();
    registries.set(doc, registry);
  }
  return registry;
}

/** The element behind a local id, or undefined once it is gone from the document. */
export function elementById(localId: string, doc: Document = document): Element | undefined {
  return registries.get(doc)?.elementById(localId);
}

/** The local id a perception pass gave this element, or undefined (never listed, or replaced). */
export function knownIdOf(element: Element): string | undefined {
  return registries.get(element.ownerDocument)?.knownIdOf(element);
}

/**
 * The description an agent reads: when an `aria-label` says something else than the text
 * people see on the element ("Save basket" labelled "Delete account"), the visible text is
 * the name and the label is added as screen-reader text (../dom/visual-hiding).
 */
function describeShown(
  element: Element,
  cls: ReturnType<typeof classify>,
  name: string,
  value: string | boolean | undefined,
  hint: string,
): string {
  const label = NAMED_BY_CONTENT.has(cls.role) ? element.getAttribute('aria-label') : null;
  const shown = label ? differingVisibleText(element, label) : null;
  if (!shown) {
    return describe(element, cls, name, value, hint);
  }
  return `${describe(element, cls, shown, value, '')} ${screenReaderLabel(normalizeSpace(label!))}`;
}

// Roles whose visible text would be their name without the label (a field's content is its
// value, not a label people read).
const NAMED_BY_CONTENT = new Set([
  'button',
  'link',
  'tab',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'checkbox',
  'radio',
  'switch',
  'treeitem',
]);

// The element's visible words when the label does not contain them (WCAG 2.5.3, label in
// name); null when they agree or the element shows no words (an icon: the label is its name).
function differingVisibleText(element: Element, label: string): string | null {
  const text = normalizeSpace(renderedText(element, NAME_MAX_CHARS));
  if (!/[\p{L}\p{N}]/u.test(text)) {
    return null;
  }
  return normalizeSpace(label).toLowerCase().includes(text.toLowerCase()) ? null : text;
}

// A heuristic target wrapping exactly one listed target (a clickable card around its only link)
// is the same target twice: keep the inner, more specific one. One whose text is only its
// listed children's (a pointer bar around "Reply" and "Forward") offers nothing of its own: a
// click on it lands between them.
function redundantWrappers(
  found: Found[],
  names: string[],
  layout: boolean,
  listeners: ReadonlySet<Element> | undefined,
): Set<number> {
  const children = new Map<number, number[]>();
  found.forEach((item, index) => {
    if (item.parent >= 0 && !item.occluded) {
      const kids = children.get(item.parent);
      if (kids) {
        kids.push(index);
      } else {
        children.set(item.parent, [index]);
      }
    }
  });
  const dropped = new Set<number>();
  for (const [parent, kids] of children) {
    const wrapper = found[parent]!;
    const only = kids.length === 1 ? found[kids[0]!]! : undefined;
    if (wrapper.kind !== 'generic') {
      continue;
    }
    if (!only) {
      const joined = kids.map((kid) => names[kid]).join(' ');
      const element = found[parent]!.element;
      // A handler of its own makes the wrapper a target of its own (a row that opens a mail).
      const handled = element.hasAttribute('onclick') || (listeners?.has(element) ?? false);
      if (names[parent] === joined && !handled) {
        dropped.add(parent);
      }
      continue;
    }
    const sameName = names[parent] === names[kids[0]!];
    const covers =
      !layout ||
      (wrapper.placement && only.placement
        ? area(only.placement.box) >= 0.5 * area(wrapper.placement.box)
        : false);
    if (sameName || covers) {
      dropped.add(parent);
    }
  }
  return dropped;
}

/**
 * The frame's action space in one pass over the DOM (open and closed shadow roots included,
 * child frames reported rather than entered): listed elements with stable ids, child frame
 * slots, the outline with marked ids, and the page signals.
 */
export function perceive(
  doc: Document,
  options: PerceiveOptions,
  environment: PerceiveEnvironment = {},
): Perception {
  return withLabelCache(() => perceiveOnce(doc, options, environment));
}

function perceiveOnce(
  doc: Document,
  options: PerceiveOptions,
  environment: PerceiveEnvironment,
): Perception {
  const started = performance.now();
  const hasLayout = environment.layout ?? true;
  const view = doc.defaultView ?? window;
  const layout = createLayoutCache(view);
  const signals = createSignalCollector();
  const walked = walk(doc, layout, signals, {
    scope: options.scope,
    layout: hasLayout,
    listeners: options.listeners,
  });
  const walkedAt = performance.now();
  const registry = registryOf(doc);
  registry.beginPass();
  const unique = createIdUniqueness();
  const siblings = createSiblingIndex();
  const nameOptions = {
    getComputedStyle: layout.computedStyle,
    pseudoElements: hasLayout,
    pseudoContent: createPseudoContentCheck(),
    rendered: true,
    parentShown: false,
  };

  const classes = walked.found.map((item) =>
    classify(item.element, item.kind === 'generic' && isImageOnly(item.element)),
  );
  const names = walked.found.map((item) => {
    nameOptions.parentShown = item.parentShown;
    return accessibleName(item.element, nameOptions);
  });
  // What the unnamed ones are still known by (shown as a hint, and what their ids remember).
  const labels = names.map((name, index) =>
    name ? name : nameHint(walked.found[index]!.element, nameOptions),
  );
  const namedAt = performance.now();
  const dropped = redundantWrappers(walked.found, labels, hasLayout, options.listeners);

  const listed = new Map<number, FrameElement>();
  const listedIds = new Map<Element, string>();
  // Only a child frame's elements carry their box: the worker needs it to tell whether they
  // show in the top frame's viewport (FrameElement.rect).
  const inChildFrame = view !== view.top;
  walked.found.forEach((item, index) => {
    const cls = classes[index]!;
    const name = names[index]!;
    const label = labels[index]!;
    if (item.occluded) {
      return;
    }
    signals.listed(item.element, cls, label, item.consent);
    if (dropped.has(index)) {
      return;
    }
    const localId = registry.idOf(item.element, () => ({
      prefix: cls.prefix,
      role: cls.role,
      name: label,
      exact: pathKey(item.element, siblings),
      anchor: item.anchor,
    }));
    listedIds.set(item.element, localId);
    const value = maskSecret(item.element, valueOf(item.element, cls));
    const element: FrameElement = {
      local_id: localId,
      type: cls.type,
      role: cls.role,
      name,
      description: describeShown(item.element, cls, name, value, name ? '' : label),
      in_viewport: item.inViewport,
    };
    if (inChildFrame) {
      element.rect = toRect(item.placement?.box ?? { left: 0, top: 0, right: 0, bottom: 0 });
    }
    // Set in place rather than spread from a scratch object per element.
    if (value !== undefined) {
      element.value = value;
    }
    if (options.selectors) {
      element.selector = frameSelector(item.element, unique, siblings);
    }
    listed.set(index, element);
  });

  const describedAt = performance.now();
  const frames: ChildFrame[] = walked.frames.map((frame) => ({
    token: frameTokenOf(frame.element),
    content_size: contentSize(frame.element),
    rect: toRect(frame.placement?.box ?? { left: 0, top: 0, right: 0, bottom: 0 }),
    css_selector: cssSelector(frame.element, unique, siblings),
    visible: frame.visible,
  }));
  const outline = renderOutline(
    walked.outline.items,
    (index) => {
      const element = listed.get(index);
      return element && { id: element.local_id, description: element.description };
    },
    (index) => frames[index]?.token ?? null,
  );
  return {
    elements: [...listed.values()],
    frames,
    outline,
    signals: signals.result(doc),
    frameElements: walked.frames.map((f) => f.element),
    timings: {
      walk: walkedAt - started,
      name: namedAt - walkedAt,
      describe: describedAt - namedAt,
      outline: performance.now() - describedAt,
    },
    idOf: (element) => listedIds.get(element),
    paintsOver: walked.paintsOver,
  };
}

/** Accessible names of the elements `selector` matches (the popup and the accname eval). */
export function namesOf(doc: Document, selector: string): string[] {
  const layout = createLayoutCache(doc.defaultView ?? window);
  const options = { getComputedStyle: layout.computedStyle, pseudoElements: true };
  return withLabelCache(() =>
    Array.from(doc.querySelectorAll(selector), (element) => pureAccessibleName(element, options)),
  );
}

/** One element's accessible name, as perception computes it (for action messages). */
export function accessibleNameOf(element: Element): string {
  const layout = createLayoutCache(element.ownerDocument.defaultView ?? window);
  return pureAccessibleName(element, {
    getComputedStyle: layout.computedStyle,
    pseudoElements: true,
  });
}
