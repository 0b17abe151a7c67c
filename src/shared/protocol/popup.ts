import { z } from 'zod';
import { Metadata, PageData, Space, TabInfo } from '../schema/observation';
import { Session } from '../schema/session';
import type { Registry } from './method';

/** Name of the port a popup holds open while it lives; its disconnect clears the page overlay. */
export const POPUP_PORT_NAME = 'tabsight.popup';

const TabId = z
  .number()
  .int()
  .optional()
  .describe('Tab to act on; the focused tab of the last focused window when absent');

/** What the popup shows: an observation of one tab, without session or progress. */
export const PopupObservation = z.strictObject({
  tab_id: z.number().int(),
  metadata: Metadata,
  space: Space,
  data: PageData.nullable(),
});
export type PopupObservation = z.infer<typeof PopupObservation>;

/** The native link as the service worker last saw it. */
export const LinkState = z.strictObject({
  connected: z.boolean(),
  last_error: z
    .string()
    .nullable()
    .describe("Why the last connection ended, in the browser's words"),
  host: z
    .strictObject({
      listening: z.boolean(),
      url: z.string().nullable(),
      error: z.string().nullable(),
    })
    .nullable(),
  since: z.string(),
});
export type LinkState = z.infer<typeof LinkState>;

export const SessionWithTabs = z.strictObject({
  session: Session,
  tabs: z.array(TabInfo),
});
export type SessionWithTabs = z.infer<typeof SessionWithTabs>;

export const PopupStatus = z.strictObject({
  link: LinkState,
  sessions: z.array(SessionWithTabs).describe('Active sessions, oldest first'),
});
export type PopupStatus = z.infer<typeof PopupStatus>;

/** Popup → service worker. */
export const PopupMethods = {
  'popup.observe': {
    params: z.strictObject({
      tab_id: TabId,
      scope: z.enum(['viewport', 'page']).default('viewport'),
    }),
    result: PopupObservation,
  },
  'popup.status': { params: z.strictObject({}), result: PopupStatus },
  'popup.highlight': {
    params: z.strictObject({
      tab_id: TabId,
      id: z.string().nullable().describe('Tab-wide id to outline; null removes the outline'),
      scroll: z.boolean().default(false),
    }),
    result: z.strictObject({ shown: z.number().int() }),
  },
  'popup.showAllIds': {
    params: z.strictObject({
      tab_id: TabId,
      on: z.boolean(),
      ids: z.array(z.string()).default([]).describe('The ids the popup lists (after its filter)'),
    }),
    result: z.strictObject({ shown: z.number().int() }),
  },
} as const satisfies Registry;
export type PopupMethods = typeof PopupMethods;
