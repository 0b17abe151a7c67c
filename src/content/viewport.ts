import type { Viewport } from '@shared/schema/observation';

/** Scroll position, viewport and document size in CSS px, as the contract's metadata wants. */
export function readViewport(): Viewport {
  const root = document.documentElement;
  const body = document.body as HTMLElement | null;
  return {
    scroll_x: Math.round(window.scrollX),
    scroll_y: Math.round(window.scrollY),
    viewport_width: window.innerWidth,
    viewport_height: window.innerHeight,
    total_width: Math.max(root.scrollWidth, body?.scrollWidth ?? 0),
    total_height: Math.max(root.scrollHeight, body?.scrollHeight ?? 0),
  };
}
