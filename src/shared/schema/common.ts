import { z } from 'zod';

/** ISO-8601 UTC datetime with a `Z` suffix, as every datetime on the wire. */
export const IsoDateTime = z.iso.datetime().describe('ISO-8601 UTC datetime ending in Z');
export type IsoDateTime = z.infer<typeof IsoDateTime>;

export const nowIso = (): string => new Date().toISOString();

/** ISO-8601 duration between two instants, e.g. `PT41.5S`. */
export function isoDuration(fromMs: number, toMs: number): string {
  const seconds = Math.max(0, toMs - fromMs) / 1000;
  return `PT${Number(seconds.toFixed(3))}S`;
}
