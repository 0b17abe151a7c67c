import { z } from 'zod';
import { IsoDateTime } from './common';

export const SessionStatus = z.enum(['active', 'closed', 'error', 'timed_out']);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const DEFAULT_TIMEOUT_MINUTES = 3;
export const DEFAULT_MAX_STEPS = 20;

/** Keys of the hosted API that mean nothing in a local browser: accepted, ignored, reported. */
export const IGNORED_SESSION_KEYS = [
  'headless',
  'proxies',
  'solve_captchas',
  'browser_type',
  'user_agent',
  'chrome_args',
] as const;

export const SessionStart = z.strictObject({
  timeout_minutes: z
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(DEFAULT_TIMEOUT_MINUTES)
    .describe('Idle timeout: a session untouched this long becomes timed_out'),
  max_steps: z.number().int().min(1).max(10_000).default(DEFAULT_MAX_STEPS),
  url: z.url().optional().describe('Page to open when the session starts'),
  viewport_width: z.number().int().min(200).max(7680).optional(),
  viewport_height: z.number().int().min(200).max(4320).optional(),
  attach: z
    .enum(['new_window', 'active_tab'])
    .default('new_window')
    .describe(
      "new_window: the session owns a new window; active_tab: adopts the user's focused tab",
    ),
  headless: z.boolean().optional(),
  proxies: z.unknown().optional(),
  solve_captchas: z.boolean().optional(),
  browser_type: z.string().optional(),
  user_agent: z.string().optional(),
  chrome_args: z.array(z.string()).optional(),
});
export type SessionStart = z.infer<typeof SessionStart>;

export const Session = z.strictObject({
  session_id: z.string(),
  timeout_minutes: z.number().int(),
  created_at: IsoDateTime,
  closed_at: IsoDateTime.nullable(),
  last_accessed_at: IsoDateTime,
  duration: z.string().describe('ISO-8601 duration, e.g. PT41.5S'),
  status: SessionStatus,
  error: z.string().nullable(),
  proxies: z.literal(false),
  browser_type: z.literal('chromium'),
});
export type Session = z.infer<typeof Session>;

const PageNumber = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, 'a whole number from 1, e.g. 1')
  .transform(Number);

export const SessionListQuery = z.strictObject({
  only_active: z
    .enum(['true', 'false', 'True', 'False'])
    .default('true')
    .transform((v) => v.toLowerCase() === 'true')
    .describe('Python clients send True/False'),
  page: PageNumber.optional().describe('Page to answer, from 1 (with page_size)'),
  page_size: PageNumber.optional().describe('Sessions per page; without it, all of them'),
});
