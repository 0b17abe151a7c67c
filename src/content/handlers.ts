import type { Handlers } from '@shared/protocol/method';
import type { ContentMethods } from '@shared/protocol/runtime';
import { TabsightError } from '@shared/schema/errors';
import { extractPage } from './page';
import { elementById, perceive } from './perceive';
import { readViewport } from './viewport';

/** One handler per content method; the service worker is the only caller. */
export const contentHandlers: Handlers<ContentMethods> = {
  'content.collect': (options) => {
    const started = performance.now();
    const perception = perceive(document, { scope: options.scope, selectors: options.selectors });
    const perceivedAt = performance.now();
    const page = options.data
      ? extractPage(document, {
          onlyMainContent: options.only_main_content,
          idsInMarkdown: options.ids_in_markdown,
          idOf: perception.idOf,
          selector: options.selector,
        })
      : null;
    return {
      url: location.href,
      title: document.title,
      viewport: readViewport(),
      elements: perception.elements,
      frames: perception.frames,
      outline: perception.outline,
      signals: perception.signals,
      page,
      timings_ms: {
        perceive: perceivedAt - started,
        page: performance.now() - perceivedAt,
      },
    };
  },
  'content.act': ({ local_id }) => {
    if (!elementById(local_id)) {
      return { success: false, message: `element ${local_id} is gone; observe again` };
    }
    throw new TabsightError('not-supported', 'element actions are not available yet');
  },
  'content.highlight': () => ({ shown: 0 }),
};
