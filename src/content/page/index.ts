import { withLabelCache } from '../dom/labels';
/**
 * Page content of one frame (`data` of an observation): markdown, images and structured metadata.
 * One walk over the live DOM yields the visible page, its media and its hidden elements; an
 * article-like page then gets Readability's main content instead, trimmed of boilerplate, when
 * the evidence says that is the page's article (main-choice.ts). The article's headline is not
 * prepended to the markdown: it is `structured.data.title`, so the body is only body text.
 */
import type { FramePage } from '@shared/protocol/frame-snapshot';
import { collectImages } from './images';
import { finishMarkdown } from './markdown/finish';
import { extractMainContent } from './markdown/main-content';
import { keepsMainContent } from './markdown/main-choice';
import { proseLength } from './markdown/prose';
import { looksLikeArticle } from './markdown/page-kind';
import { toMarkdown } from './markdown/turndown';
import { buildVisibleTree } from './markdown/whole-page';
import { extractStructured } from './structured';
import { createStyleCache, createVisibility, hasLayout, type Visibility } from './visibility';

export { scrapeFilter } from '@shared/scrape-filter';

const shows = (verdict: Visibility): boolean => verdict !== 'hidden' && verdict !== 'sr-only';

export interface ExtractPageOptions {
  /** Readability main content for article-like pages; false: always the whole visible page. */
  onlyMainContent: boolean;
  /** Append ` {marked id}` after links and controls that `idOf` knows. */
  idsInMarkdown: boolean;
  idOf: (element: Element) => string | undefined;
  /** Only the first element matching this CSS selector (whole-page mode, no `<head>` images). */
  selector?: string;
  /** Replaces the computed-style check; false must mean nothing in the subtree can be seen. */
  isVisible?: (element: Element) => boolean;
  /** Whether perception met an element that paints over others: text blocks are hit-tested. */
  mayCover?: boolean;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function selectRoot(doc: Document, selector: string | undefined): Element | null {
  if (!selector) {
    return doc.body ?? doc.documentElement;
  }
  try {
    return doc.querySelector(selector);
  } catch {
    return null;
  }
}

export function extractPage(doc: Document, options: ExtractPageOptions): FramePage {
  return withLabelCache(() => extractPageOnce(doc, options));
}

function extractPageOnce(doc: Document, options: ExtractPageOptions): FramePage {
  const styles = createStyleCache();
  const visibility = createVisibility(styles, options.isVisible, {
    layout: hasLayout(doc),
    mayCover: options.mayCover ?? true,
  });
  const media: Element[] = [];
  const root = selectRoot(doc, options.selector);
  let markdown: string;
  let excerpt: string | null = null;
  try {
    if (!root) {
      markdown = options.selector ? `[no element matches the selector ${options.selector}]` : '';
    } else {
      const tree = buildVisibleTree(root, {
        visibility,
        styles,
        idOf: options.idsInMarkdown ? options.idOf : undefined,
        onMedia: (element) => media.push(element),
      });
      let content: HTMLElement = tree.root;
      const pageProse = options.onlyMainContent ? proseLength(tree.root) : 0;
      if (
        options.onlyMainContent &&
        !options.selector &&
        looksLikeArticle(doc, (element) => shows(visibility(element)), pageProse)
      ) {
        const main = extractMainContent(
          doc,
          tree.hidden,
          options.idsInMarkdown ? options.idOf : undefined,
          tree.hiddenText,
        );
        if (
          main &&
          keepsMainContent(doc, main, {
            textLength: tree.textLength,
            proseLength: pageProse,
          })
        ) {
          // The body only: the headline is `structured.data.title`, never a line of the body.
          content = main.root;
          excerpt = main.excerpt;
        }
      }
      markdown = toMarkdown(content);
    }
  } catch (error) {
    markdown = `[markdown extraction failed: ${errorText(error)}]`;
  }
  let images: FramePage['images'];
  try {
    images = collectImages(doc, media, styles, { includeHead: !options.selector });
  } catch {
    images = [];
  }
  return {
    markdown: finishMarkdown(markdown),
    images,
    structured: extractStructured(doc, { excerpt }),
  };
}
