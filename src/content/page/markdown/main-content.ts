/**
 * Main content with Readability, run on a clone of the live document (Readability rewrites the
 * tree it reads), then trimmed of boilerplate blocks (boilerplate.ts). Elements the walk found hidden by computed style are removed from the clone
 * first, because a clone has no styles and Readability only sees inline `display:none`.
 */
import { normalizeSpace } from '@shared/text';
import { Readability } from '@mozilla/readability';
import { MARKS } from '../../dom/marks';
import { trimBoilerplate } from './boilerplate';
import { linkDensity, proseLength, teaserHeadings } from './prose';
import { RAW_TAG } from './whole-page';

export interface MainContent {
  root: HTMLElement;
  title: string | null;
  /** Readability's excerpt: the page's description, or else the first paragraph. */
  excerpt: string | null;
  textLength: number;
  /** Prose characters (see prose.ts) of the kept content, to compare with the whole page's. */
  proseLength: number;
  /** Share of the kept text that is link text. */
  linkDensity: number;
  /** Headings that are links (teaser titles) in the kept content. */
  teaserHeadings: number;
}

const MARKED_SELECTOR = 'a[href], button, input, select, textarea, [role=button]';

export function extractMainContent(
  doc: Document,
  hidden: readonly Element[],
  idOf?: (element: Element) => string | undefined,
  hiddenText: readonly Element[] = [],
): MainContent | null {
  const clone = doc.cloneNode(true) as Document;
  // Same tree, same order: the n-th element of the live document is the n-th of the clone.
  const live = doc.getElementsByTagName('*');
  const copies = clone.getElementsByTagName('*');
  const cloneOf = (element: Element) => copies[indexOf.get(element) ?? -1];
  const indexOf = new Map<Element, number>();
  const wanted = new Set<Element>([...hidden, ...hiddenText]);
  const ids = new Map<Element, string>();
  for (let index = 0; index < live.length; index += 1) {
    const element = live[index] as Element;
    if (wanted.has(element)) {
      indexOf.set(element, index);
    }
    const id = idOf && element.matches(MARKED_SELECTOR) ? idOf(element) : undefined;
    if (id) {
      const copy = copies[index];
      if (copy) {
        ids.set(copy, id);
      }
    }
  }
  // Both lists are looked up before anything is removed: `copies` is live, and a removal
  // shifts the index of every element after it.
  const toRemove = hidden.map(cloneOf).filter((copy): copy is Element => copy !== undefined);
  const textless = hiddenText.map(cloneOf);
  for (const copy of toRemove) {
    copy.remove();
  }
  // Text painted invisibly (transparent, 1 px, under an overlay): its own text goes, its
  // children stay (they may reset the colour or size).
  for (const copy of textless) {
    for (const node of Array.from(copy?.childNodes ?? [])) {
      if (node.nodeType === 3) {
        node.remove();
      }
    }
  }

  const article = new Readability<Element>(clone, {
    // Class names are evidence for the boilerplate trim below; markdown never shows them.
    keepClasses: true,
    serializer: (node) => node as Element,
  }).parse();
  const root = article?.content;
  if (!article || !root) {
    return null;
  }
  trimBoilerplate(root);
  for (const [copy, id] of ids) {
    if (root.contains(copy)) {
      const marker = clone.createElement(RAW_TAG);
      marker.textContent = `{${MARKS.id(id)}}`;
      copy.after(clone.createTextNode(' '), marker);
    }
  }
  return {
    root: root as HTMLElement,
    title: article.title?.trim() || null,
    excerpt: article.excerpt?.trim() || null,
    textLength: normalizeSpace(root.textContent ?? '').length,
    proseLength: proseLength(root),
    linkDensity: linkDensity(root),
    teaserHeadings: teaserHeadings(root),
  };
}
