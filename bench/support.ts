import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { FrameSnapshot } from '../src/shared/protocol/frame-snapshot';
import type { CollectOptions } from '../src/shared/protocol/runtime';
import { ENGINE_FILE, ENGINE_MISSING } from '../src/shared/protocol/engine';
import { launchChromiumWithExtension, REPO_ROOT } from '../e2e/support/launch';
import {
  MAX_DELEGATIONS,
  MAX_LISTENER_TARGETS,
  MAX_PATH_DEPTH,
  type ListenerHints,
} from '../src/shared/protocol/listeners';
import { probeListeners } from '../src/background/observe/listener-probe';

/** Where the shared real-page corpus lives; benchmarks and evals skip without it. */
export const CORPUS_DIR = path.resolve(
  REPO_ROOT,
  process.env.TABSIGHT_CORPUS ?? path.join('..', 'shared', 'corpus'),
);

export function corpusOrSkip(sub: string): string | null {
  const dir = path.join(CORPUS_DIR, sub);
  if (!existsSync(dir)) {
    console.log(`skipped: corpus folder ${dir} not found (set TABSIGHT_CORPUS to its location)`);
    return null;
  }
  return dir;
}

export interface ExtensionOnly {
  context: BrowserContext;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension but no native host registered: content scripts and the
 * service worker run (the worker retries the host quietly), so evals that only ask content
 * scripts for snapshots do not depend on the bridge. Same flags as the e2e launcher.
 */
export async function launchExtensionOnly(): Promise<ExtensionOnly> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tabsight-eval-'));
  const { context, worker } = await launchChromiumWithExtension(path.join(scratch, 'profile'));
  return {
    context,
    worker,
    close: async () => {
      await context.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Pages from the corpus reference hosts we cannot reach: only loopback requests go through. */
export async function loopbackOnly(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    // chrome-extension: is the extension's own pages (the popup); the content script is one file.
    const local =
      hostname === '127.0.0.1' ||
      hostname === 'localhost' ||
      // *.test names resolve to 127.0.0.1 (HOST_RESOLVER_RULES).
      hostname.endsWith('.test') ||
      protocol === 'data:' ||
      protocol === 'chrome-extension:';
    return local ? route.continue() : route.abort();
  });
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** A rough token count (about four characters a token for English-like text and markup). */
export const approxTokens = (text: string): number => Math.ceil(text.length / 4);

/**
 * The listener probe's call as the worker makes it (src/background/observe/probe-frame.ts), as
 * source for page.evaluate, which runs in the page's main world too. tsx keeps function names
 * through a `__name` helper the page lacks: the call gives it a no-op one.
 */
export const LISTENER_PROBE_CALL = `(() => { const __name = (f) => f; return (${probeListeners.toString()})(${JSON.stringify(
  { maxTargets: MAX_LISTENER_TARGETS, maxDelegations: MAX_DELEGATIONS, maxDepth: MAX_PATH_DEPTH },
)}); })()`;

/** The listener probe's report of the page's top frame, for a collect as observe makes it. */
export const probeInPage = (page: Page): Promise<ListenerHints> =>
  page.evaluate<ListenerHints>(LISTENER_PROBE_CALL);

/** Asks the content script of the page's top frame for its snapshot, through the worker. */
export async function collectInPage(
  worker: Worker,
  page: Page,
  options: CollectOptions,
): Promise<FrameSnapshot> {
  const url = page.url();
  // The content script is a module that loads a moment after the page: retry until it answers.
  for (let attempt = 0; ; attempt++) {
    try {
      return await collectOnce(worker, url, options);
    } catch (err) {
      if (attempt >= 20 || !/Receiving end does not exist/.test(String(err))) {
        throw err;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Sends one content-script message to the top frame of the tab at `url`, from the worker. The
 * declared loader answers `ENGINE_MISSING` until the engine is injected (src/content/README.md):
 * the bench injects it then and asks again, as the worker's callFrame does.
 */
export async function askTopFrame(worker: Worker, url: string, message: unknown): Promise<unknown> {
  return worker.evaluate(
    async ({ url, message, engine, missing }): Promise<unknown> => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t) => t.url === url);
      if (tab?.id === undefined) {
        throw new Error(`no tab at ${url}`);
      }
      // No named functions in here: tsx would wrap them in a helper the worker lacks.
      const reply = await chrome.tabs.sendMessage<unknown, unknown>(tab.id, message, {
        frameId: 0,
      });
      const isMissing =
        typeof reply === 'object' &&
        reply !== null &&
        (reply as Record<string, unknown>).tabsight_engine === missing;
      if (!isMissing) {
        return reply;
      }
      await chrome.scripting.executeScript({
        target: { tabId: tab.id, frameIds: [0] },
        files: [engine],
      });
      return chrome.tabs.sendMessage<unknown, unknown>(tab.id, message, { frameId: 0 });
    },
    { url, message, engine: ENGINE_FILE, missing: ENGINE_MISSING.tabsight_engine },
  );
}

async function collectOnce(
  worker: Worker,
  url: string,
  options: CollectOptions,
): Promise<FrameSnapshot> {
  const reply = await askTopFrame(worker, url, { method: 'content.collect', params: options });
  const typed = reply as { ok: boolean; result?: FrameSnapshot; error?: { message: string } };
  if (!typed.ok || !typed.result) {
    throw new Error(`collect failed: ${typed.error?.message ?? 'no reply'}`);
  }
  return typed.result;
}

export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) {
    return;
  }
  const headers = Object.keys(rows[0]!);
  const cell = (v: string | number) => (typeof v === 'number' ? String(Number(v.toFixed(1))) : v);
  console.log(`| ${headers.join(' | ')} |`);
  console.log(`|${headers.map(() => '---').join('|')}|`);
  for (const row of rows) {
    console.log(`| ${headers.map((h) => cell(row[h] ?? '')).join(' | ')} |`);
  }
}
