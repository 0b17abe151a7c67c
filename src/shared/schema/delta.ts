import { z } from 'zod';

/**
 * Ours, additive: what an observe asked with `since: <observation_id>` changed against that
 * observation (the `delta` key of Observation, which Notte's clients ignore). With `full: false`
 * the answer's `space.interaction_actions` holds only the added and changed elements and
 * `data.markdown` only the text that appeared; ids keep the meaning they had in the earlier
 * observation. With `full: true` the answer is a whole observation and `reason` says why.
 */
export const DeltaElement = z.strictObject({ id: z.string(), description: z.string() });

export const Delta = z.strictObject({
  since: z.string(),
  full: z.boolean(),
  /** Why the answer is whole (`full: true`), e.g. a new document; null otherwise. */
  reason: z.string().nullable(),
  /** One line for a language model: `unchanged since o_…` or what changed. */
  summary: z.string(),
  added: z.array(DeltaElement),
  removed: z.array(DeltaElement),
  changed: z.array(z.strictObject({ id: z.string(), from: z.string(), to: z.string() })),
  /** Elements listed in both observations with the same description. */
  unchanged: z.number().int(),
  /** Lines of `data.markdown` that appeared and disappeared (empty when data was not asked). */
  text_appeared: z.array(z.string()),
  text_disappeared: z.array(z.string()),
});
export type Delta = z.infer<typeof Delta>;

export const OBSERVATION_ID_PATTERN = /^o_[0-9a-f]{16}$/;
