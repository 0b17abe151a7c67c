/**
 * Main content or the whole page? Readability's pick replaces the visible page only when the
 * evidence says the pick is the page's article: it is long, or a fair share of the page, or the
 * page declares one article (metadata, a single `<article>`), or the pick holds most of the
 * page's prose (text density) without being a link list itself. A pick made of teaser cards
 * (linked headings) is a feed, and an undeclared feed stays whole like any app or list page.
 */
import type { MainContent } from './main-content';
import { declaresSingleArticle } from './page-kind';

/** Main content must keep at least this share of the visible text, or other evidence is needed. */
export const MIN_MAIN_CONTENT_SHARE = 0.25;
/** …unless it is this long: a long article under an even longer comment thread is still right. */
export const ENOUGH_MAIN_CONTENT_CHARS = 4000;
/** Shorter than this, a pick is a fragment (a teaser, a caption), never the page. */
export const MIN_MAIN_CONTENT_CHARS = 250;
/** The pick is the article when it holds at least this share of the page's prose… */
export const MIN_PROSE_SHARE = 0.5;
/** …and is not itself mostly links (a list of teasers). */
const MAX_LINK_DENSITY = 0.5;
/** A pick with this many linked headings is a list of stories, kept whole with its page. */
export const MIN_TEASERS_FOR_LIST = 3;

export interface PageText {
  /** Visible characters of the whole page. */
  textLength: number;
  /** Prose characters of the whole visible page. */
  proseLength: number;
}

export function keepsMainContent(doc: Document, main: MainContent, page: PageText): boolean {
  if (main.textLength < MIN_MAIN_CONTENT_CHARS) {
    return false;
  }
  const single = declaresSingleArticle(doc);
  if (main.teaserHeadings >= MIN_TEASERS_FOR_LIST && !single) {
    return false;
  }
  if (
    main.textLength >= ENOUGH_MAIN_CONTENT_CHARS ||
    main.textLength >= MIN_MAIN_CONTENT_SHARE * page.textLength ||
    // A news item under heavy chrome: menus, comments, related links often outweigh it ten to one.
    single
  ) {
    return true;
  }
  return (
    page.proseLength > 0 &&
    main.proseLength >= MIN_PROSE_SHARE * page.proseLength &&
    main.proseLength >= MIN_MAIN_CONTENT_CHARS &&
    main.linkDensity < MAX_LINK_DENSITY
  );
}
