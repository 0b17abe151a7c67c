export interface ScrollResult {
  message: string;
  moved_px: number;
}

function canScroll(element: Element): boolean {
  const overflow = getComputedStyle(element).overflowY;
  return (
    element.scrollHeight > element.clientHeight + 1 &&
    (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay')
  );
}

/**
 * What scrolls: the document when it is taller than the viewport, otherwise the largest visible
 * scrollable box (app layouts with a fixed shell and one scrolling pane).
 */
function scroller(): Element {
  const page = document.scrollingElement ?? document.documentElement;
  if (page.scrollHeight > window.innerHeight + 1) {
    return page;
  }
  let best: Element = page;
  let bestArea = 0;
  for (const el of document.body?.querySelectorAll('*') ?? []) {
    if (!canScroll(el)) {
      continue;
    }
    const r = el.getBoundingClientRect();
    const area = r.width * r.height;
    if (area > bestArea) {
      best = el;
      bestArea = area;
    }
  }
  return best;
}

/** Scrolls by `amount` px, or one viewport (of the scrolling box) when null. */
export function scrollPage(direction: 'up' | 'down', amount: number | null): ScrollResult {
  const target = scroller();
  const isPage = target === (document.scrollingElement ?? document.documentElement);
  const viewport = isPage ? window.innerHeight : target.clientHeight;
  const step = Math.abs(amount ?? viewport) * (direction === 'down' ? 1 : -1);
  const before = target.scrollTop;
  target.scrollBy({ top: step, behavior: 'instant' });
  const after = target.scrollTop;
  const moved = Math.round(Math.abs(after - before));
  const max = target.scrollHeight - viewport;
  const where = `now at ${Math.round(after)} of ${Math.max(0, Math.round(max))} px`;
  if (moved === 0) {
    return {
      message: `already at the ${direction === 'down' ? 'bottom' : 'top'} of the page (${where}); nothing more to scroll ${direction}`,
      moved_px: 0,
    };
  }
  return { message: `scrolled ${direction} ${moved} px (${where})`, moved_px: moved };
}
