/** Loading one corpus page in the eval's tab and asking its content script for `data`. */
import type { Page, Worker } from '@playwright/test';
import type { FramePage, FrameSnapshot } from '../src/shared/protocol/frame-snapshot';
import { collectInPage } from './support';

const LOAD_TIMEOUT_MS = 15_000;
const READY_TRIES = 10;

export interface Collected {
  page: FramePage;
  /** FrameSnapshot.timings_ms.page: markdown, images and structured data of the frame. */
  pageMs: number;
}

/** Fields of `structured.data` as strings (null when absent or not a string). */
export function structuredField(page: FramePage, key: string): string | null {
  const data = page.structured.data;
  const value = data && !Array.isArray(data) ? data[key] : null;
  return typeof value === 'string' ? value : null;
}

export async function collectPage(worker: Worker, tab: Page, url: string): Promise<Collected> {
  // A page whose own scripts keep it from `load` is still measured, as it stands by then.
  await tab.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS }).catch(() => undefined);
  let snapshot: FrameSnapshot | null = null;
  let lastError: unknown = null;
  // The content script may not have registered its listener yet right after navigation.
  for (let attempt = 0; attempt < READY_TRIES && !snapshot; attempt += 1) {
    try {
      snapshot = await collectInPage(worker, tab, {
        scope: 'page',
        data: true,
        ids_in_markdown: false,
        selectors: false,
        only_main_content: true,
      });
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  if (!snapshot?.page) {
    throw new Error(`no page data: ${String(lastError)}`);
  }
  return { page: snapshot.page, pageMs: snapshot.timings_ms.page ?? NaN };
}

export const pct = (n: number, total: number): string =>
  total ? `${((100 * n) / total).toFixed(1)}% (${n}/${total})` : 'n/a (0/0)';
