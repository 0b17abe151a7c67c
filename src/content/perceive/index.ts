import { computeAccessibleName } from 'dom-accessibility-api';
import { markId } from '@shared/protocol/frame-snapshot';
import type { ChildFrame, FrameElement, PageSignals } from '@shared/protocol/frame-snapshot';

// Placeholder perception: replaced by the perception engine.
const ids = new WeakMap<Element, string>();
const byId = new Map<string, WeakRef<Element>>();
const next: Record<string, number> = {};

const SELECTOR =
  'a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=link]';

function idFor(el: Element, prefix: string): string {
  let id = ids.get(el);
  if (!id) {
    next[prefix] = (next[prefix] ?? 0) + 1;
    id = `${prefix}${next[prefix]}`;
    ids.set(el, id);
    byId.set(id, new WeakRef(el));
  }
  return id;
}

export function elementById(localId: string): Element | undefined {
  const el = byId.get(localId)?.deref();
  return el?.isConnected ? el : undefined;
}

export function perceive(
  doc: Document,
  options: { scope: 'viewport' | 'page'; selectors: boolean },
): {
  elements: FrameElement[];
  frames: ChildFrame[];
  outline: string;
  signals: PageSignals;
  idOf: (el: Element) => string | undefined;
} {
  const elements: FrameElement[] = [];
  for (const el of doc.querySelectorAll(SELECTOR)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) {
      continue;
    }
    const inViewport = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    if (options.scope === 'viewport' && !inViewport) {
      continue;
    }
    const tag = el.tagName.toLowerCase();
    const isInput = tag === 'input' || tag === 'textarea' || tag === 'select';
    const prefix = tag === 'a' ? 'L' : isInput ? 'I' : 'B';
    const role = tag === 'a' ? 'link' : isInput ? 'textbox' : 'button';
    const name = computeAccessibleName(el);
    elements.push({
      local_id: idFor(el, prefix),
      type: isInput ? (tag === 'select' ? 'select_dropdown_option' : 'fill') : 'click',
      role,
      name,
      description: `${role} "${name}"`,
      in_viewport: inViewport,
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    });
  }
  const outline = elements.map((e) => `${markId(e.local_id)} ${e.description}`).join('\n');
  return {
    elements,
    frames: [],
    outline,
    signals: {
      password_fields: doc.querySelectorAll('input[type=password]').length,
      text_fields: doc.querySelectorAll('input:not([type=hidden]), textarea').length,
      payment_fields: 0,
      cookie_banner: false,
      modal_dialog: false,
      captcha: false,
      search_results: false,
      feed_items: 0,
      article: false,
      root_path: location.pathname === '/',
    },
    idOf: (el) => ids.get(el),
  };
}
