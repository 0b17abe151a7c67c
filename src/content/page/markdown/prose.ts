/**
 * Text-density evidence for the main-content choice. Prose is paragraph text that is not link
 * text, counted only in paragraphs long enough to be sentences: menus, cards and footers are
 * mostly links or fragments, a story is mostly prose. When one extracted block holds most of a
 * page's prose, that block is the page's article however much chrome surrounds it; when prose is
 * spread over many cards (a list, a feed), no single block holds most of it.
 */
import { normalizeSpace } from '@shared/text';

/** A paragraph with fewer non-link characters than this is a caption, a label or a card blurb. */
export const MIN_PROSE_PARAGRAPH_CHARS = 80;

function linkTextLength(element: Element): number {
  let length = 0;
  for (const link of element.querySelectorAll('a')) {
    length += normalizeSpace(link.textContent ?? '').length;
  }
  return length;
}

/** Characters of text inside links, over all text of the element (0 when it has no text). */
export function linkDensity(element: Element): number {
  const total = normalizeSpace(element.textContent ?? '').length;
  return total ? Math.min(1, linkTextLength(element) / total) : 0;
}

/** Non-link characters of the `<p>` elements under root that are long enough to be prose. */
export function proseLength(root: Element): number {
  let prose = 0;
  for (const paragraph of root.querySelectorAll('p')) {
    // A paragraph nested in another is counted with its parent.
    if (paragraph.parentElement?.closest('p')) {
      continue;
    }
    const own = normalizeSpace(paragraph.textContent ?? '').length - linkTextLength(paragraph);
    if (own >= MIN_PROSE_PARAGRAPH_CHARS) {
      prose += own;
    }
  }
  return prose;
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
/** A heading is a teaser title when its link carries nearly all of its text. */
const TEASER_LINK_SHARE = 0.8;

/**
 * Headings that are links: the titles of teaser cards. An article's own headings are not links
 * (an "edit" link beside a section title carries little of its text), so several of them mark a
 * list of stories (a feed, search results), not a story.
 */
export function teaserHeadings(root: Element): number {
  let count = 0;
  for (const heading of root.querySelectorAll(HEADINGS)) {
    const text = normalizeSpace(heading.textContent ?? '').length;
    const inLink = heading.closest('a[href]') ? text : linkTextLength(heading);
    if (text > 0 && inLink >= TEASER_LINK_SHARE * text) {
      count += 1;
    }
  }
  return count;
}
