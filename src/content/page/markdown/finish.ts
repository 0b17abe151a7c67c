/** Final clean-up of converted markdown: tidy blank lines and bound the size. */

/** Upper bound of one frame's markdown; a huge page is cut with a note rather than sent whole. */
export const MAX_MARKDOWN_CHARS = 200_000;

export function finishMarkdown(markdown: string, maxChars = MAX_MARKDOWN_CHARS): string {
  const tidy = markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (tidy.length <= maxChars) {
    return tidy;
  }
  // Cut at a line end so no link, table row or id marker is split in half.
  const lineEnd = tidy.lastIndexOf('\n', maxChars);
  const cut = tidy.slice(0, lineEnd > maxChars / 2 ? lineEnd : maxChars).trimEnd();
  return `${cut}\n\n[… markdown cut at ${cut.length} of ${tidy.length} characters]`;
}
