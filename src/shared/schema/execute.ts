import { z } from 'zod';
import { Action, ElementId } from './actions';
import { IsoDateTime } from './common';
import { Effect } from './effect';
import { PageData } from './observation';
import { PageToolResult } from './page-tools';
import { Session } from './session';

export const ExecuteResponse = z.strictObject({
  action: Action,
  success: z.boolean(),
  message: z.string(),
  data: PageData.nullable(),
  exception: z.string().nullable(),
  started_at: IsoDateTime,
  ended_at: IsoDateTime,
  session: Session,
  /** Ours, additive: what the action visibly changed; absent from older extensions. */
  effect: Effect.optional(),
  /** Ours, additive: a page_tool action's answer, written by the page. */
  page_tool: PageToolResult.optional(),
});
export type ExecuteResponse = z.infer<typeof ExecuteResponse>;

/** `/page/step`: the short form by id, or an action object as older clients send it. */
export const StepRequest = z.union([
  z.strictObject({
    type: z.literal('step'),
    action_id: ElementId,
    value: z.union([z.string(), z.boolean()]).optional(),
    enter: z.boolean().optional(),
  }),
  z.strictObject({ action: Action }),
]);
export type StepRequest = z.infer<typeof StepRequest>;
