import type { Handlers } from '@shared/protocol/method';
import type { ContentMethods } from '@shared/protocol/runtime';
import { TabsightError } from '@shared/schema/errors';
import { showOverlay, type OverlayTarget } from './overlay';
import { extractPage } from './page';
import { act } from './act';
import { formFill } from './act/form-fill';
import { pressKeyOnFocused } from './act/key-target';
import { scrollPage } from './act/scroll';
import { beginEffect, endEffect } from './act/effect';
import { waitForQuietDom } from './act/settle';
import { greetUnnamedFrames, ownFrameToken } from './dom/frame-tokens';
import { MARKS } from './dom/marks';
import { withSecrets } from './dom/sensitive-fields';
import { elementById, namesOf, perceive } from './perceive';
import { listenerTargets } from './perceive/listeners';
import { readViewport } from './viewport';
import { callPageTool, listPageTools } from './page-tools';

/** One handler per content method; the service worker is the only caller. */
export const contentHandlers: Handlers<ContentMethods> = {
  'content.collect': async (options) => {
    const started = performance.now();
    // Asked first, answered while perception runs; nothing when the browser has no WebMCP.
    const toolsPending = listPageTools();
    const reveal = options.reveal_secrets ?? false;
    const listeners = options.listeners ? listenerTargets(document, options.listeners) : undefined;
    const perception = withSecrets(reveal, () =>
      perceive(document, { scope: options.scope, selectors: options.selectors, listeners }),
    );
    const perceivedAt = performance.now();
    greetUnnamedFrames(perception.frameElements);
    const page = options.data
      ? withSecrets(reveal, () =>
          extractPage(document, {
            onlyMainContent: options.only_main_content,
            idsInMarkdown: options.ids_in_markdown,
            idOf: perception.idOf,
            selector: options.selector,
            mayCover: perception.paintsOver,
          }),
        )
      : null;
    const snapshot = {
      url: location.href,
      frame_token: ownFrameToken(),
      title: document.title,
      viewport: readViewport(),
      elements: perception.elements,
      frames: perception.frames,
      outline: perception.outline,
      mark_nonce: MARKS.nonce,
      signals: perception.signals,
      page,
      timings_ms: {
        perceive: perceivedAt - started,
        ...Object.fromEntries(
          Object.entries(perception.timings).map(([phase, ms]) => [`perceive.${phase}`, ms]),
        ),
        page: performance.now() - perceivedAt,
      },
    };
    const pageTools = await toolsPending;
    return pageTools ? { ...snapshot, page_tools: pageTools } : snapshot;
  },
  'content.act': ({ local_id, action, id }) => {
    // The top frame's recording started before the action; a child frame's starts here.
    if (window !== window.top) {
      beginEffect();
    }
    return act(local_id, action, id ?? local_id);
  },
  'content.key': ({ key }) => {
    try {
      return pressKeyOnFocused(key);
    } catch (err) {
      // A key the chord parser refuses: its message says how to spell keys.
      throw new TabsightError('invalid-request', err instanceof Error ? err.message : String(err));
    }
  },
  'content.frame_token': () => ({ token: ownFrameToken() }),
  'content.name': ({ selector }) => ({ names: namesOf(document, selector) }),
  'content.scroll': ({ direction, amount }) => scrollPage(direction, amount),
  'content.form_fill': ({ values, origin, top_origin }) => formFill(values, { origin, top_origin }),
  'content.settle': ({ quiet_ms, max_ms, max_quiet_ms }) =>
    waitForQuietDom(quiet_ms, max_ms, max_quiet_ms),
  'content.effect_begin': () => {
    beginEffect();
    return { tracking: true };
  },
  'content.effect_end': () => endEffect(),
  'content.page_tool': ({ name, arguments: args, check_only }) =>
    callPageTool(name, args, check_only),
  'content.highlight': ({ local_ids, scroll }) => {
    // Ids that no longer resolve (a re-render, a navigation) are skipped, not an error.
    const targets = local_ids.flatMap(({ local_id, label }): OverlayTarget[] => {
      const element = elementById(local_id);
      return element ? [{ element, label }] : [];
    });
    return { shown: showOverlay(targets, scroll) };
  },
};
