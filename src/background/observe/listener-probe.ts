/**
 * The listener probe: runs in a frame's main world (the page's own JavaScript world) during an
 * observe, through `chrome.scripting.executeScript({ world: 'MAIN', func })`, and reports which
 * elements carry a pointer listener that only the page's world can see: the traces jQuery, d3,
 * React and Vue leave on the elements they bind, and `element.onclick = fn` (the isolated world
 * reads `onclick` as null then: Chromium gives each world only its own event handlers).
 *
 * Chrome serialises `probeListeners` by its source text, so it must use nothing from outside its
 * own body (limits come as its argument). It writes nothing to the DOM, dispatches no events and
 * patches no globals; the calls it does make into page-modifiable built-ins are listed in
 * README "What pages can and cannot detect". Its DOM types are structural: the worker's own
 * type-check has no DOM.
 */

export interface ProbeLimits {
  maxTargets: number;
  maxDelegations: number;
  maxDepth: number;
}

export interface ProbeTarget {
  path: number[];
  tag: string;
}

export interface ProbeResult {
  targets: ProbeTarget[];
  delegated: (ProbeTarget & { selector: string })[];
  scanned: number;
  truncated: boolean;
  elapsed_ms: number;
}

interface ProbeNode {
  readonly firstElementChild: ProbeElement | null;
}

interface ProbeElement extends ProbeNode {
  readonly localName: string;
  readonly nextElementSibling: ProbeElement | null;
  readonly shadowRoot: ProbeNode | null;
}

/** What the probe reads of a jQuery global (any version from 1.x). */
interface JQueryLike {
  expando?: unknown;
  cache?: Record<string, { events?: unknown } | undefined>;
  _data?: (element: unknown, key: string) => unknown;
}

export function probeListeners(limits: ProbeLimits): ProbeResult {
  // Captured before any page code can run inside the probe (a getter the probe trips could
  // otherwise swap them mid-scan); what the page replaced beforehand is what we get.
  const keysOf = Object.keys;
  const isArray = Array.isArray;
  const clock = performance;
  const started = clock.now();
  const page = globalThis as unknown as Record<string, unknown> & { document: ProbeNode };

  // Literal tables without a prototype: lookups in them call nothing the page could replace.
  const POINTER_EVENTS: Record<string, true | undefined> = {
    __proto__: null,
    click: true,
    dblclick: true,
    mousedown: true,
    mouseup: true,
    pointerdown: true,
    pointerup: true,
    touchstart: true,
    touchend: true,
  } as unknown as Record<string, true | undefined>;
  // React host props (16–19) for the same events.
  const REACT_PROPS = [
    'onClick',
    'onClickCapture',
    'onDoubleClick',
    'onMouseDown',
    'onMouseDownCapture',
    'onMouseUp',
    'onPointerDown',
    'onPointerDownCapture',
    'onPointerUp',
    'onTouchStart',
    'onTouchEnd',
  ];
  // Vue 3 keys its invokers by the listener's prop name, modifiers appended (`onClickOnce`).
  const VUE_PREFIXES = [
    'onClick',
    'onDblclick',
    'onMousedown',
    'onMouseup',
    'onPointerdown',
    'onPointerup',
    'onTouchstart',
    'onTouchend',
  ];
  const HANDLER_PROPS = ['onclick', 'onmousedown', 'onmouseup', 'onpointerdown', 'ontouchstart'];

  const startsWith = (text: string, prefix: string): boolean => {
    if (text.length < prefix.length) {
      return false;
    }
    for (let i = 0; i < prefix.length; i++) {
      if (text[i] !== prefix[i]) {
        return false;
      }
    }
    return true;
  };
  // jQuery's data keys: `jQuery` + digits (its expando, plus a store number from 3.x on).
  const isJQueryKey = (key: string): boolean => {
    if (key.length <= 6 || !startsWith(key, 'jQuery')) {
      return false;
    }
    for (let i = 6; i < key.length; i++) {
      const c = key[i]!;
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  };

  const jqueries: JQueryLike[] = [];
  for (const name of ['jQuery', '$']) {
    const candidate = page[name] as JQueryLike | undefined;
    if (
      (typeof candidate === 'function' || typeof candidate === 'object') &&
      candidate !== null &&
      typeof candidate.expando === 'string'
    ) {
      jqueries[jqueries.length] = candidate;
    }
  }

  const targets: ProbeTarget[] = [];
  const delegated: (ProbeTarget & { selector: string })[] = [];
  const path: number[] = [];
  let depth = 0;
  let scanned = 0;
  let truncated = false;

  const here = (): number[] => {
    const copy: number[] = [];
    for (let i = 0; i < depth; i++) {
      copy[i] = path[i]!;
    }
    return copy;
  };

  // A jQuery events object ({click: [handleObj…], …}, each list with `delegateCount`): whether
  // a pointer event has a direct handler; delegated ones are recorded with their selector.
  const jqueryEvents = (events: unknown, tag: string): boolean => {
    if (typeof events !== 'object' || events === null) {
      return false;
    }
    let direct = false;
    const types = keysOf(events);
    for (let t = 0; t < types.length; t++) {
      const type = types[t]!;
      if (POINTER_EVENTS[type] !== true) {
        continue;
      }
      const handlers = (events as Record<string, unknown>)[type];
      if (!isArray(handlers)) {
        continue;
      }
      const list = handlers as { selector?: unknown }[] & { delegateCount?: unknown };
      const delegates = typeof list.delegateCount === 'number' ? list.delegateCount : 0;
      if (list.length > delegates) {
        direct = true;
      }
      for (let h = 0; h < delegates && h < list.length; h++) {
        const selector = list[h]?.selector;
        if (typeof selector === 'string' && selector.length <= 1_000) {
          if (delegated.length >= limits.maxDelegations) {
            truncated = true;
            break;
          }
          delegated[delegated.length] = { path: here(), tag, selector };
        }
      }
    }
    return direct;
  };

  const jqueryData = (node: object, key: string, value: unknown, tag: string): boolean => {
    if (typeof value === 'object' && value !== null) {
      // 3.x: the element's private data object itself.
      return jqueryEvents((value as { events?: unknown }).events, tag);
    }
    if (typeof value !== 'number' && typeof value !== 'string') {
      return false;
    }
    for (let j = 0; j < jqueries.length; j++) {
      const jq = jqueries[j]!;
      if (!startsWith(key, jq.expando as string)) {
        continue;
      }
      // 1.x keeps the data in `jQuery.cache[id]`; 2.x behind `_data`, which with a key reads
      // (it would create the store only for an element that has none, and this one has).
      const cached = jq.cache?.[value];
      if (cached) {
        return jqueryEvents(cached.events, tag);
      }
      if (typeof jq._data === 'function') {
        return jqueryEvents(jq._data(node, 'events'), tag);
      }
    }
    return false;
  };

  const hasListener = (node: ProbeElement, tag: string): boolean => {
    let found = false;
    const own = node as unknown as Record<string, unknown>;
    // Expando properties are own enumerable properties; DOM elements have none of their own
    // otherwise, so for almost every element this is an empty list.
    const keys = keysOf(node);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const value = own[key];
      if (key === '__on') {
        // d3-selection: [{type, name, value, listener, options}, …].
        if (isArray(value)) {
          const list = value as { type?: unknown }[];
          for (let i = 0; i < list.length; i++) {
            const type = list[i]?.type;
            if (typeof type === 'string' && POINTER_EVENTS[type] === true) {
              found = true;
            }
          }
        }
      } else if (key === '_vei') {
        // Vue 3: {onClick: invoker, …}; a removed listener leaves its key undefined.
        if (typeof value === 'object' && value !== null) {
          const names = keysOf(value);
          for (let i = 0; i < names.length; i++) {
            const name = names[i]!;
            if (!(value as Record<string, unknown>)[name]) {
              continue;
            }
            for (let p = 0; p < VUE_PREFIXES.length; p++) {
              if (startsWith(name, VUE_PREFIXES[p]!)) {
                found = true;
              }
            }
          }
        }
      } else if (startsWith(key, '__reactProps$') || startsWith(key, '__reactEventHandlers$')) {
        // React 17–19 / 16: the host element's current props.
        if (typeof value === 'object' && value !== null) {
          const props = value as Record<string, unknown>;
          for (let i = 0; i < REACT_PROPS.length; i++) {
            if (typeof props[REACT_PROPS[i]!] === 'function') {
              found = true;
            }
          }
        }
      } else if (isJQueryKey(key)) {
        if (jqueryData(node, key, value, tag)) {
          found = true;
        }
      }
    }
    // `element.onclick = fn`: the IDL handler properties (null unless one is set).
    for (let i = 0; i < HANDLER_PROPS.length; i++) {
      if (typeof own[HANDLER_PROPS[i]!] === 'function') {
        found = true;
      }
    }
    return found;
  };

  const visitChildren = (parent: ProbeNode): void => {
    let index = 0;
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (targets.length >= limits.maxTargets) {
        truncated = true;
        return;
      }
      path[depth] = index;
      depth++;
      scanned++;
      const tag = child.localName;
      if (hasListener(child, tag)) {
        targets[targets.length] = { path: here(), tag };
      }
      if (depth < limits.maxDepth - 1) {
        const shadow = child.shadowRoot;
        if (shadow) {
          path[depth] = -1;
          depth++;
          visitChildren(shadow);
          depth--;
        }
        visitChildren(child);
      } else if (child.firstElementChild) {
        truncated = true;
      }
      depth--;
      index++;
    }
  };

  const doc = page.document;
  // Handlers on the document itself count only as delegations (`$(document).on('click', sel)`).
  const docKeys = keysOf(doc);
  for (let k = 0; k < docKeys.length; k++) {
    const key = docKeys[k]!;
    if (isJQueryKey(key)) {
      jqueryData(doc, key, (doc as unknown as Record<string, unknown>)[key], '#document');
    }
  }
  visitChildren(doc);
  return {
    targets,
    delegated,
    scanned,
    truncated,
    elapsed_ms: clock.now() - started,
  };
}
