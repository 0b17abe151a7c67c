import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { BridgeHttpError } from '../../src/client';
import type { Launched } from './launch';

/** The running host's pid, from the status file it writes next to the token. */
export const hostPid = (configDir: string): number | null => {
  try {
    return (
      JSON.parse(readFileSync(path.join(configDir, 'bridge.json'), 'utf8')) as { pid: number }
    ).pid;
  } catch {
    return null;
  }
};

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** True once nothing listens on the bridge's port any more. */
export const bridgeIsDown = async (bridgeUrl: string): Promise<boolean> =>
  fetch(`${bridgeUrl}/health`).then(
    () => false,
    () => true,
  );

/** The Playwright page showing `url` in the extension's browser (a session's tab). */
export async function pageAt(ext: Launched, url: string): Promise<Page> {
  for (;;) {
    const page = ext.context.pages().find((p) => p.url() === url);
    if (page) {
      return page;
    }
    await ext.context.waitForEvent('page', { timeout: 10_000 }).catch(() => undefined);
  }
}

/** The browser tab id of the tab showing `url`. */
export const tabIdAt = (ext: Launched, url: string): Promise<number> =>
  ext.worker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1,
    url,
  );

/** Runs a client call and gives back the HTTP status and message, success or not. */
export async function outcomeOf(
  call: Promise<unknown>,
): Promise<{ status: number; message: string; value: unknown }> {
  try {
    return { status: 200, message: '', value: await call };
  } catch (err) {
    if (err instanceof BridgeHttpError) {
      return { status: err.status, message: err.body.message, value: err.body };
    }
    throw err;
  }
}
