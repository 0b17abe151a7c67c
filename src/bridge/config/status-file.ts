import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { IsoDateTime } from '@shared/schema/common';
import { ensureConfigDir } from './config-dir';

export const STATUS_FILE = 'bridge.json';

/** What a running host tells CLI tools: where to reach it. */
export const BridgeStatus = z.strictObject({
  pid: z.number().int(),
  port: z.number().int(),
  url: z.string(),
  started_at: IsoDateTime,
});
export type BridgeStatus = z.infer<typeof BridgeStatus>;

export const statusPathOf = (configDir: string): string => join(configDir, STATUS_FILE);

export function writeStatus(configDir: string, status: BridgeStatus): void {
  ensureConfigDir(configDir);
  writeFileSync(statusPathOf(configDir), `${JSON.stringify(status, null, 2)}\n`, { mode: 0o600 });
}

/** Removes the file only if it is still ours: a newer host may have replaced it. */
export function removeStatus(configDir: string, pid: number): void {
  if (readStatus(configDir)?.pid === pid) {
    rmSync(statusPathOf(configDir), { force: true });
  }
}

export function readStatus(configDir: string): BridgeStatus | null {
  try {
    return BridgeStatus.parse(JSON.parse(readFileSync(statusPathOf(configDir), 'utf8')));
  } catch {
    return null;
  }
}
