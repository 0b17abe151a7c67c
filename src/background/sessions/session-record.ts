import { z } from 'zod';
import { isoDuration, nowIso } from '@shared/schema/common';
import type { Session } from '@shared/schema/session';
import { SessionStatus } from '@shared/schema/session';

/** What the service worker keeps per session; the wire `Session` is derived from it. */
export const SessionRecord = z.strictObject({
  session_id: z.string(),
  timeout_minutes: z.number().int(),
  max_steps: z.number().int(),
  created_at: z.string(),
  closed_at: z.string().nullable(),
  last_accessed_at: z.string(),
  status: SessionStatus,
  error: z.string().nullable(),
  attach: z.enum(['new_window', 'active_tab']),
  window_id: z.number().int(),
  /** Tabs the session may touch, in no particular order; the window gives the order. */
  tab_ids: z.array(z.number().int()),
  active_tab_id: z.number().int(),
  current_step: z.number().int(),
  ignored_keys: z.array(z.string()),
});
export type SessionRecord = z.infer<typeof SessionRecord>;

export function toWireSession(record: SessionRecord, nowMs = Date.now()): Session {
  const created = Date.parse(record.created_at);
  const end = record.closed_at ? Date.parse(record.closed_at) : nowMs;
  return {
    session_id: record.session_id,
    timeout_minutes: record.timeout_minutes,
    created_at: record.created_at,
    closed_at: record.closed_at,
    last_accessed_at: record.last_accessed_at,
    duration: isoDuration(created, end),
    status: record.status,
    error: record.error,
    proxies: false,
    browser_type: 'chromium',
  };
}

/** `bytes` random bytes as lowercase hex. */
export function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A session id nobody can guess: 128 random bits, hex. */
export const newSessionId = (): string => randomHex(16);

export function closeRecord(
  record: SessionRecord,
  status: Exclude<SessionStatus, 'active'>,
  error: string | null = null,
): SessionRecord {
  const at = nowIso();
  return { ...record, status, error, closed_at: at, last_accessed_at: at };
}
