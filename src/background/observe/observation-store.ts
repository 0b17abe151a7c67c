import { sessionStore } from '../session-store';
import type { ObservationRecord } from './since';

/** A `since` names one of the session's last few observations; older ones are let go. */
const KEPT_PER_SESSION = 3;
const store = sessionStore<string, ObservationRecord[]>('tabsight.observations');

export async function findObservation(
  sessionId: string,
  observationId: string,
): Promise<ObservationRecord | undefined> {
  return ((await store.get(sessionId)) ?? []).find((r) => r.id === observationId);
}

export async function keepObservation(sessionId: string, record: ObservationRecord): Promise<void> {
  const records = [...((await store.get(sessionId)) ?? []), record].slice(-KEPT_PER_SESSION);
  await store.set(sessionId, records);
}

export const forgetObservations = (sessionId: string): Promise<void> => store.remove(sessionId);
