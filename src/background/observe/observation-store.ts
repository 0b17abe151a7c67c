import browser from 'webextension-polyfill';
import type { ObservationRecord } from './since';

/** A `since` names one of the session's last few observations; older ones are let go. */
const KEPT_PER_SESSION = 3;
const keyOf = (sessionId: string) => `tabsight.observations.${sessionId}`;
const cache = new Map<string, ObservationRecord[]>();

/** The session's recent observation records, from memory or `storage.session` (worker restarts). */
async function recordsOf(sessionId: string): Promise<ObservationRecord[]> {
  let records = cache.get(sessionId);
  if (!records) {
    const stored = (await browser.storage.session.get(keyOf(sessionId)))[keyOf(sessionId)];
    records = Array.isArray(stored) ? (stored as ObservationRecord[]) : [];
    cache.set(sessionId, records);
  }
  return records;
}

export async function findObservation(
  sessionId: string,
  observationId: string,
): Promise<ObservationRecord | undefined> {
  return (await recordsOf(sessionId)).find((r) => r.id === observationId);
}

export async function keepObservation(sessionId: string, record: ObservationRecord): Promise<void> {
  const records = [...(await recordsOf(sessionId)), record].slice(-KEPT_PER_SESSION);
  cache.set(sessionId, records);
  await browser.storage.session.set({ [keyOf(sessionId)]: records });
}

export async function forgetObservations(sessionId: string): Promise<void> {
  cache.delete(sessionId);
  await browser.storage.session.remove(keyOf(sessionId));
}
