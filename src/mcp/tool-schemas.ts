import { z } from 'zod';
import { Action } from '@shared/schema/actions';
import { ObserveRequest } from '@shared/schema/observation';
import { ScrapeRequest } from '@shared/schema/scrape';
import { SessionStart } from '@shared/schema/session';

/** Tool inputs: the bridge's own zod schemas, narrowed to what a model should set. */
const SessionId = z
  .string()
  .min(1)
  .max(200)
  .describe(
    'The session_id returned by tabsight_start_session (or listed by tabsight_list_sessions)',
  );

export const StartSessionInput = SessionStart.pick({
  url: true,
  timeout_minutes: true,
  max_steps: true,
  attach: true,
  viewport_width: true,
  viewport_height: true,
});

export const ObserveInput = z.strictObject({
  session_id: SessionId,
  ...ObserveRequest.pick({
    url: true,
    instructions: true,
    max_nb_actions: true,
    scope: true,
    ids_in_markdown: true,
    max_tokens: true,
    cursor: true,
  }).shape,
  page_markdown: z
    .boolean()
    .default(false)
    .describe(
      'Also return the page content as markdown (slower, longer). Leave false to only see the outline and actions',
    ),
  changes_only: z
    .boolean()
    .default(true)
    .describe(
      "After this session's first observation, answer only what changed since the previous one (the whole page when it is a new document). Set false to read the whole page again",
    ),
});

export const ExecuteInput = z.strictObject({
  session_id: SessionId,
  action: Action.describe(
    'One action object, e.g. {"type":"click","id":"B3"}, {"type":"fill","id":"I2","value":"text","press_enter":true} or {"type":"goto","url":"https://…"}',
  ),
});

export const ScrapeInput = z.strictObject({
  session_id: SessionId,
  ...ScrapeRequest.pick({
    only_main_content: true,
    selector: true,
    instructions: true,
    scrape_images: true,
  }).shape,
});

export const SessionInput = z.strictObject({ session_id: SessionId });

export const ListSessionsInput = z.strictObject({
  only_active: z.boolean().default(true).describe('false also lists closed and timed-out sessions'),
});
