import { z } from 'zod';
import { Action } from '../schema/actions';
import { ErrorInfo } from '../schema/errors';
import { FrameSnapshot } from './frame-snapshot';
import type { Registry } from './method';

export const CollectOptions = z.strictObject({
  scope: z.enum(['viewport', 'page']),
  data: z.boolean(),
  ids_in_markdown: z.boolean(),
  selectors: z.boolean(),
  only_main_content: z.boolean().default(true),
  selector: z.string().optional().describe('Scrape only under this CSS selector'),
});
export type CollectOptions = z.infer<typeof CollectOptions>;

export const ActOutcome = z.strictObject({
  success: z.boolean(),
  message: z.string(),
});
export type ActOutcome = z.infer<typeof ActOutcome>;

/** Service worker → content script (one frame). */
export const ContentMethods = {
  'content.collect': { params: CollectOptions, result: FrameSnapshot },
  'content.act': {
    params: z.strictObject({ local_id: z.string(), action: Action }),
    result: ActOutcome,
  },
  'content.highlight': {
    params: z.strictObject({
      local_ids: z.array(z.strictObject({ local_id: z.string(), label: z.string() })),
      scroll: z.boolean().default(false),
    }),
    result: z.strictObject({ shown: z.number().int() }),
  },
} as const satisfies Registry;
export type ContentMethods = typeof ContentMethods;

export const RuntimeRequest = z.strictObject({
  method: z.string(),
  params: z.unknown(),
});
export type RuntimeRequest = z.infer<typeof RuntimeRequest>;

export const RuntimeReply = z.union([
  z.strictObject({ ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ErrorInfo }),
]);
export type RuntimeReply = z.infer<typeof RuntimeReply>;
