/**
 * A drawing with no text of its own (an SVG chart, a canvas) is otherwise invisible in the page
 * text: say plainly that a figure is there, with what can be read off it: its title, the text
 * drawn in it, how many shapes it has. Icons (small, or inside a control) are left out.
 */
const SHAPES = 'path, rect, circle, ellipse, line, polyline, polygon, image, use';
const MIN_SIDE_PX = 48;
const MAX_TEXT_CHARS = 120;

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

function isFigureSized(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.width >= MIN_SIDE_PX && box.height >= MIN_SIDE_PX;
}

const insideControl = (element: Element): boolean =>
  element.closest('a[href], button, [role="button"], [role="link"], label') !== null;

/** `[figure "title": 3 shapes, text "Q1 Q2"]`, or null for an icon or a non-figure. */
export function figureText(element: Element): string | null {
  if (insideControl(element) || !isFigureSized(element)) {
    return null;
  }
  if (element.localName === 'canvas') {
    const label = flat(element.getAttribute('aria-label') ?? element.textContent ?? '');
    const canvas = element as HTMLCanvasElement;
    return `[figure${label ? ` "${label}"` : ''}: canvas ${canvas.width}×${canvas.height}]`;
  }
  const title = flat(
    element.getAttribute('aria-label') ??
      element.querySelector(':scope > title')?.textContent ??
      '',
  );
  const drawn = flat(
    Array.from(element.querySelectorAll('text'), (text) => text.textContent ?? '').join(' '),
  );
  const shapes = element.querySelectorAll(SHAPES).length;
  const parts = [`${shapes} shape${shapes === 1 ? '' : 's'}`];
  if (drawn) {
    const cut = drawn.length > MAX_TEXT_CHARS ? `${drawn.slice(0, MAX_TEXT_CHARS - 1)}…` : drawn;
    parts.push(`text "${cut}"`);
  }
  return `[figure${title ? ` "${title}"` : ''}: ${parts.join(', ')}]`;
}
