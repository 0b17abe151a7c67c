import { HOST_STYLE, OVERLAY_CSS } from './overlay-style';

/**
 * Marker attribute on the overlay host. Perception skips elements under it, and its value lists
 * the labels drawn (tests read it: the shadow root is closed).
 */
export const OVERLAY_ATTRIBUTE = 'data-tabsight-overlay';

export interface OverlayTarget {
  element: Element;
  label: string;
}

const LABEL_HEIGHT_PX = 16;

let host: HTMLElement | null = null;
let root: ShadowRoot | null = null;
let targets: OverlayTarget[] = [];
let frame = 0;

function ensureHost(): ShadowRoot {
  if (host?.isConnected && root) {
    return root;
  }
  host = document.createElement('div');
  host.setAttribute(OVERLAY_ATTRIBUTE, '');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = HOST_STYLE;
  // Closed: page scripts cannot reach in and restyle or read the labels.
  root = host.attachShadow({ mode: 'closed' });
  document.documentElement.append(host);
  addEventListener('scroll', schedule, { capture: true, passive: true });
  addEventListener('resize', schedule, { passive: true });
  return root;
}

function place(el: HTMLElement, left: number, top: number, width?: number, height?: number) {
  el.style.left = `${left}px`;
  el.style.top = `${top}px`;
  if (width !== undefined && height !== undefined) {
    el.style.width = `${width}px`;
    el.style.height = `${height}px`;
  }
}

/** Redraws every box at its element's current place; the boxes are `position: fixed`. */
function draw(): number {
  frame = 0;
  if (!root) {
    return 0;
  }
  const style = document.createElement('style');
  style.textContent = OVERLAY_CSS;
  const nodes: Node[] = [style];
  let shown = 0;
  // Drawn in reverse, so the first target (the focused one) ends up on top.
  for (const { element, label } of [...targets].reverse()) {
    const r = element.getBoundingClientRect();
    if (!element.isConnected || r.width === 0 || r.height === 0) {
      continue;
    }
    const box = document.createElement('div');
    box.className = 'box';
    place(box, r.left, r.top, r.width, r.height);
    const tag = document.createElement('div');
    tag.className = 'label';
    tag.textContent = label;
    place(tag, r.left, r.top >= LABEL_HEIGHT_PX ? r.top - LABEL_HEIGHT_PX : r.bottom);
    nodes.push(box, tag);
    shown += 1;
  }
  root.replaceChildren(...nodes);
  return shown;
}

function schedule(): void {
  if (!frame) {
    frame = requestAnimationFrame(draw);
  }
}

/** Removes the overlay host and its listeners; the page is left as it was. */
export function clearOverlay(): void {
  targets = [];
  cancelAnimationFrame(frame);
  frame = 0;
  removeEventListener('scroll', schedule, { capture: true });
  removeEventListener('resize', schedule);
  host?.remove();
  host = null;
  root = null;
}

/**
 * Outlines the targets, each labelled, replacing what was drawn before; an empty list clears.
 * Optionally scrolls the first target into view first. Returns how many boxes are visible.
 */
export function showOverlay(next: OverlayTarget[], scroll: boolean): number {
  if (next.length === 0) {
    clearOverlay();
    return 0;
  }
  if (scroll) {
    next[0]?.element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  }
  targets = next;
  ensureHost();
  host?.setAttribute(OVERLAY_ATTRIBUTE, next.map((t) => t.label).join(' '));
  // Drawn now rather than on the next frame: a background tab gets no animation frames.
  return draw();
}
