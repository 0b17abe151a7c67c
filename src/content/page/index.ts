import TurndownService from 'turndown';
import type { FramePage } from '@shared/protocol/frame-snapshot';

// Placeholder page extraction: replaced by the page-content module.
export function extractPage(
  doc: Document,
  _options: {
    onlyMainContent: boolean;
    idsInMarkdown: boolean;
    idOf: (el: Element) => string | undefined;
    selector?: string;
  },
): FramePage {
  const markdown = new TurndownService().turndown(doc.body?.innerHTML ?? '');
  return { markdown, images: [], structured: { success: true, error: null, data: null } };
}
