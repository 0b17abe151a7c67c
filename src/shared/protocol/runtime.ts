import { z } from 'zod';
import { Action } from '../schema/actions';
import { EffectProperty } from '../schema/effect';
import { ErrorInfo } from '../schema/errors';
import { PageToolResult } from '../schema/page-tools';
import { FrameSnapshot } from './frame-snapshot';
import { ListenerHints } from './listeners';
import type { Registry } from './method';

export const CollectOptions = z.strictObject({
  scope: z.enum(['viewport', 'page']),
  data: z.boolean(),
  ids_in_markdown: z.boolean(),
  selectors: z.boolean(),
  only_main_content: z.boolean().default(true),
  selector: z.string().optional().describe('Scrape only under this CSS selector'),
  reveal_secrets: z.boolean().optional().describe('Show secret field values unmasked'),
  listeners: ListenerHints.optional().describe(
    "What the listener probe found in this frame's main world, just before (./listeners)",
  ),
});
export type CollectOptions = z.infer<typeof CollectOptions>;

export const ActOutcome = z.strictObject({
  success: z.boolean(),
  message: z.string(),
});
export type ActOutcome = z.infer<typeof ActOutcome>;

const FrameEffectElement = z.strictObject({
  local_id: z.string().nullable(),
  description: z.string(),
});

/** What one frame saw an action change (the service worker turns local ids into tab-wide ones). */
export const FrameEffect = z.strictObject({
  url: z.string(),
  appeared: z.array(FrameEffectElement),
  disappeared: z.array(FrameEffectElement),
  changes: z.array(
    FrameEffectElement.extend({
      property: EffectProperty,
      from: z.string().nullable(),
      to: z.string().nullable(),
    }),
  ),
  dialog_opened: FrameEffectElement.nullable(),
  focus_moved: z
    .strictObject({ from: z.string().nullable(), to: z.string().nullable() })
    .nullable(),
  omitted: z.number().int(),
  /** Shown elements whose own text the action changed (added, removed or edited). */
  text_changes: z.number().int().min(0),
});
export type FrameEffect = z.infer<typeof FrameEffect>;

/** Service worker → content script (one frame). */
export const ContentMethods = {
  'content.collect': { params: CollectOptions, result: FrameSnapshot },
  'content.act': {
    params: z.strictObject({
      local_id: z.string(),
      action: Action,
      id: z.string().optional().describe('The tab-wide id the agent used, for messages'),
    }),
    result: ActOutcome,
  },
  /** press_key on the frame's focused element; answers with a child frame when focus is there. */
  'content.key': {
    params: z.strictObject({ key: z.string() }),
    result: z.strictObject({
      handled: z.boolean(),
      message: z.string(),
      delegate_frame_token: z
        .string()
        .nullable()
        .describe('Focus is in the child frame with this token (see ChildFrame.token)'),
    }),
  },
  /** The token this frame's parent gave it (see ChildFrame.token); null in the top frame. */
  'content.frame_token': {
    params: z.strictObject({}),
    result: z.strictObject({ token: z.string().nullable() }),
  },
  /** Accessible names (W3C accname) of the elements a CSS selector matches, in document order. */
  'content.name': {
    params: z.strictObject({ selector: z.string() }),
    result: z.strictObject({ names: z.array(z.string()) }),
  },
  'content.scroll': {
    params: z.strictObject({
      direction: z.enum(['up', 'down']),
      amount: z.number().int().nullable(),
    }),
    result: z.strictObject({ message: z.string(), moved_px: z.number() }),
  },
  'content.form_fill': {
    params: z.strictObject({
      values: z.record(z.string(), z.string()),
      origin: z.string().describe('Only a frame of this origin fills fields'),
      top_origin: z.string().describe("The top frame's origin; password fields fill only there"),
    }),
    result: z.strictObject({
      origin: z.string(),
      filled: z.array(z.strictObject({ key: z.string(), field: z.string() })),
      failed: z.array(z.strictObject({ key: z.string(), message: z.string() })),
    }),
  },
  /**
   * Resolves when the frame's DOM has been quiet for a window of `quiet_ms`, growing by as much
   * with each batch of mutations up to `max_quiet_ms` (at most `max_ms` in all).
   */
  'content.settle': {
    params: z.strictObject({
      quiet_ms: z.number().int().min(0),
      max_quiet_ms: z.number().int().min(0).optional(),
      max_ms: z.number().int().min(0),
    }),
    result: z.strictObject({ quiet: z.boolean(), waited_ms: z.number(), mutations: z.number() }),
  },
  /** Starts recording what the next action changes in this frame. */
  'content.effect_begin': {
    params: z.strictObject({}),
    result: z.strictObject({ tracking: z.boolean() }),
  },
  /** What changed since effect_begin; null when this frame was not recording (it is new). */
  'content.effect_end': {
    params: z.strictObject({}),
    result: FrameEffect.nullable(),
  },
  /**
   * Calls a tool the top frame's document registered through WebMCP (refused as invalid-request
   * when there is none by that name or the arguments do not fit its schema, not-supported when
   * the browser has no WebMCP); with `check_only`, only checks and answers null.
   */
  'content.page_tool': {
    params: z.strictObject({
      name: z.string(),
      arguments: z.record(z.string(), z.unknown()),
      check_only: z.boolean().default(false),
    }),
    result: PageToolResult.nullable(),
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
