import { z } from 'zod';

/**
 * What the page-world listener probe (src/background/observe/listener-probe.ts) reports of one
 * frame, handed to that frame's content script in the same observe (CollectOptions.listeners).
 * Elements are named by their path from the document, as the isolated world can follow it
 * without writing anything to the page: each step is an index into `children` of the node
 * reached so far, or SHADOW_STEP for its open shadow root.
 */
export const SHADOW_STEP = -1;

/** At most this many elements and delegations per frame (a page could report every element). */
export const MAX_LISTENER_TARGETS = 20_000;
export const MAX_DELEGATIONS = 500;
/** Deeper elements are not probed (and no path is longer). */
export const MAX_PATH_DEPTH = 256;

export const ElementPath = z.array(z.number().int().min(SHADOW_STEP)).max(MAX_PATH_DEPTH);
export type ElementPath = z.infer<typeof ElementPath>;

export const ListenerTarget = z.strictObject({
  path: ElementPath,
  /** The element's localName when probed: a path that now leads elsewhere is dropped. */
  tag: z.string().max(100),
});
export type ListenerTarget = z.infer<typeof ListenerTarget>;

export const ListenerHints = z.strictObject({
  /** Elements with a pointer listener of their own (jQuery, d3, React, Vue, `onclick = fn`). */
  targets: z.array(ListenerTarget).max(MAX_LISTENER_TARGETS),
  /**
   * Delegated handlers (`$(list).on('click', 'li', fn)`): the descendants of `path` (the
   * document for an empty path) matching `selector` are targets.
   */
  delegated: z
    .array(ListenerTarget.extend({ selector: z.string().max(1_000) }))
    .max(MAX_DELEGATIONS),
  /** Elements visited, and whether the probe stopped early (depth or count). */
  scanned: z.number().int().min(0),
  truncated: z.boolean(),
  elapsed_ms: z.number().min(0),
});
export type ListenerHints = z.infer<typeof ListenerHints>;
