// Whitespace other than a single space between words: what normalizing would change.
const UNNORMAL = /[^\S ]| {2}|^ | $/;

/**
 * Runs of whitespace collapsed to one space, ends trimmed (as `replace(/\s+/g, ' ').trim()`).
 * Most names and labels are already normal: they are tested and returned as they are, without
 * a new string (perception normalizes a text per listed element).
 */
export function normalizeSpace(text: string): string {
  return UNNORMAL.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
