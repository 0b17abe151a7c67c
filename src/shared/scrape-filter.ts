/**
 * The scrape route's `instructions` as a plain keyword filter (no model): keep the markdown blocks
 * that mention any keyword, each with the heading it sits under so the result still reads.
 */

const STOP_WORDS = new Set(
  'a an and are as at be by for from get give how i in is it me my of on or show the this to what when where which who with find all about'.split(
    ' ',
  ),
);

export function keywordsOf(instructions: string): string[] {
  return Array.from(
    new Set(
      instructions
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length > 1 && !STOP_WORDS.has(word)),
    ),
  );
}

/** Paragraph-level blocks; a fenced code block stays one block even with blank lines inside. */
function blocksOf(markdown: string): string[] {
  const blocks: string[] = [];
  let fenced = false;
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
    }
    if (!fenced && line.trim() === '') {
      if (current.length) {
        blocks.push(current.join('\n'));
        current = [];
      }
    } else {
      current.push(line);
    }
  }
  if (current.length) {
    blocks.push(current.join('\n'));
  }
  return blocks;
}

export function scrapeFilter(markdown: string, instructions: string | undefined): string {
  const keywords = keywordsOf(instructions ?? '');
  if (keywords.length === 0) {
    return markdown;
  }
  const kept: string[] = [];
  let heading: string | null = null;
  let headingKept = false;
  for (const block of blocksOf(markdown)) {
    const lower = block.toLowerCase();
    const matches = keywords.some((keyword) => lower.includes(keyword));
    if (/^#{1,6} /.test(block)) {
      heading = block;
      headingKept = matches;
      if (matches) {
        kept.push(block);
      }
      continue;
    }
    if (matches) {
      if (heading && !headingKept) {
        kept.push(heading);
        headingKept = true;
      }
      kept.push(block);
    }
  }
  return kept.join('\n\n');
}
