// Whitespace inside a trimmed text that normalizing would change: a run, or other than a space.
const UNNORMAL_INSIDE = /\s\s|[^\S ]/;

/**
 * Runs of whitespace collapsed to one space, ends trimmed (as `replace(/\s+/g, ' ').trim()`).
 * Most names and labels are already normal: they are tested and returned as they are, without
 * a new string (perception normalizes a text per listed element).
 */
export function normalizeSpace(text: string): string {
  const trimmed = text.trim();
  return UNNORMAL_INSIDE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}
