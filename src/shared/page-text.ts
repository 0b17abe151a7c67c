import { ELEMENT_ID_SOURCE } from './schema/actions';

/**
 * Page text inside the text we write for a model must not pass for our own structure
 * (docs/SPEC.md section 3, "Page text"): a page that prints `B1 button "Keep my subscription"`
 * or `## Interaction actions` must not read as one of our id lines or headings. Such text is
 * escaped the way markdown escapes a character that would otherwise start a construct: with a
 * backslash in front.
 */

// What may start one of our lines: an element id (outline id lines), a heading, an action or
// list line, the scroll line (`[… px …]`), a quote, or a backslash (so escapes stay readable).
const STRUCTURE_START = new RegExp(`^(?:${ELEMENT_ID_SOURCE}\\b|[#*+\\->[\\\\\`])`);

/** One line of page text (an outline text block) with a start that cannot pass for ours. */
export function escapeLineStart(line: string): string {
  return STRUCTURE_START.test(line) ? `\\${line}` : line;
}

// Page text inside markdown: line starts turndown's own escaping misses (it looks only at the
// start of a text node), and `{B1}`, the form of an id written into the markdown.
const MARKDOWN_LINE_START = new RegExp(`^(?=${ELEMENT_ID_SOURCE}\\b|#{1,6}(?: |$)|>|[-+] )`, 'gm');
const INLINE_ID = new RegExp(`\\{(?=${ELEMENT_ID_SOURCE}\\})`, 'g');

/** Extra escapes for page text that turndown has already escaped. */
export function escapeMarkdownText(text: string): string {
  return text.replace(MARKDOWN_LINE_START, '\\').replace(INLINE_ID, '\\{');
}
