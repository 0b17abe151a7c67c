import { z } from 'zod';
import { ElementId } from './actions';

/**
 * What an executed action visibly changed (ours, additive: the `effect` key of ExecuteResponse,
 * which Notte's clients ignore). Elements are the interactive ones an observation lists; `id` is
 * the id an observation gave them, or null for an element no observation has listed yet.
 */
export const EffectElement = z.strictObject({
  id: ElementId.nullable(),
  description: z.string(),
});
export type EffectElement = z.infer<typeof EffectElement>;

export const EffectProperty = z.enum(['value', 'checked', 'expanded', 'selected', 'open']);

export const EffectChange = z.strictObject({
  id: ElementId.nullable(),
  description: z.string(),
  property: EffectProperty,
  /** null for a value that is never shown (a password). */
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type EffectChange = z.infer<typeof EffectChange>;

export const SettleReason = z.enum([
  'nothing-to-wait',
  'dom-quiet',
  'network-idle',
  'navigation-loaded',
  'navigation-slow',
  'frame-gone',
  'cap',
]);
export type SettleReason = z.infer<typeof SettleReason>;

export const Effect = z.strictObject({
  /** One line for a language model, e.g. `navigated to …` or `nothing visible changed`. */
  summary: z.string(),
  changed: z.boolean(),
  navigated: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
  appeared: z.array(EffectElement),
  disappeared: z.array(EffectElement),
  changes: z.array(EffectChange),
  dialog_opened: EffectElement.nullable(),
  focus_moved: z
    .strictObject({ from: z.string().nullable(), to: z.string().nullable() })
    .nullable(),
  new_tabs: z.array(z.strictObject({ tab_index: z.number().int(), url: z.string() })),
  /** Elements left out of the lists above (each list holds at most 20). */
  omitted: z.number().int(),
  /**
   * Ours, additive: shown places whose text changed, listed or not (a board cell's "X", a
   * log line): an action whose only effect is text is not "nothing visible changed".
   */
  text_changes: z.number().int().min(0).optional(),
  /** Why the answer came when it did: `dom-quiet` (no request in flight), `network-idle`, … */
  settle: z.strictObject({
    reason: SettleReason,
    waited_ms: z.number(),
    requests: z.number().int(),
  }),
});
export type Effect = z.infer<typeof Effect>;
