/** One homepage of the corpus observed through the bridge: what `eval:homepages` records. */
import type { Page, Worker } from '@playwright/test';
import { BridgeHttpError, type TabsightClient } from '../src/client';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Observation, ObserveRequestInput } from '../src/shared/schema/observation';
import { collectInPage } from './support';

/** Past this a page counts as stuck; the bridge's own call timeout (15 s) should answer first. */
export const PAGE_TIMEOUT_MS = Number(process.env.EVAL_PAGE_TIMEOUT_MS ?? 30_000);
const LOAD_TIMEOUT_MS = 15_000;

export const MODES = {
  viewport: {},
  page: { scope: 'page' },
} satisfies Record<string, ObserveRequestInput>;
export type Mode = keyof typeof MODES;

export interface ModeResult {
  ok: boolean;
  /** HTTP status, `timeout` (our bound), `schema` (the client's zod parse) or `error`. */
  status?: number | 'timeout' | 'schema' | 'error';
  message?: string;
  observeMs: number;
  /** Content script timings of the top frame (perceive, page, …), from a separate collect. */
  inPage?: Record<string, number>;
  actions?: number;
  descriptionChars?: number;
  markdownChars?: number;
  answerChars?: number;
  images?: number;
  /** What a successful answer says went wrong inside it (markdown or metadata extraction). */
  notes?: string[];
}

export interface PageResult {
  file: string;
  /** Set when the page did not reach `load` in time; it is still observed as it stands. */
  loadError?: string;
  modes: Partial<Record<Mode, ModeResult>>;
}

const DUMP_DIR = process.env.EVAL_DUMP;

/** A 200 can still carry a failure: extractPage and extractStructured report theirs in-band. */
function degradations(answer: Observation): string[] {
  const notes: string[] = [];
  const markdown = answer.data?.markdown ?? '';
  if (markdown.startsWith('[markdown extraction failed')) {
    notes.push(markdown.slice(0, 160));
  }
  const structured = answer.data?.structured;
  if (structured && !structured.success) {
    notes.push(`structured: ${(structured.error ?? '').slice(0, 160)}`);
  }
  return notes;
}

export class Timeout extends Error {}

export function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, bound]).finally(() => clearTimeout(timer));
}

function failure(err: unknown, observeMs: number): ModeResult {
  const message = (err instanceof Error ? err.message : String(err)).slice(0, 300);
  if (err instanceof BridgeHttpError) {
    return { ok: false, status: err.status, message: err.body.message.slice(0, 300), observeMs };
  }
  if (err instanceof Timeout) {
    return { ok: false, status: 'timeout', message, observeMs };
  }
  const isZod = err instanceof Error && err.name === 'ZodError';
  return { ok: false, status: isZod ? 'schema' : 'error', message, observeMs };
}

async function observeOnce(
  client: TabsightClient,
  worker: Worker,
  tab: Page,
  sessionId: string,
  mode: Mode,
  deadline: number,
): Promise<ModeResult> {
  const start = performance.now();
  let result: ModeResult;
  let answer: Observation;
  try {
    answer = await within(deadline - Date.now(), client.observe(sessionId, MODES[mode]));
    result = {
      ok: true,
      observeMs: performance.now() - start,
      actions: answer.space.interaction_actions.length,
      descriptionChars: answer.space.description.length,
      markdownChars: answer.data?.markdown.length ?? 0,
      answerChars: JSON.stringify(answer).length,
      images: answer.data?.images.length ?? 0,
      notes: degradations(answer),
    };
  } catch (err) {
    return failure(err, performance.now() - start);
  }
  if (DUMP_DIR) {
    mkdirSync(DUMP_DIR, { recursive: true });
    writeFileSync(
      path.join(DUMP_DIR, `${path.basename(tab.url())}.${mode}.json`),
      JSON.stringify(answer),
    );
  }
  // In-page timings come from the content script itself, as the worker would ask it.
  const snapshot = await within(
    deadline - Date.now(),
    collectInPage(worker, tab, {
      scope: mode === 'page' ? 'page' : 'viewport',
      data: true,
      ids_in_markdown: false,
      selectors: false,
      only_main_content: true,
    }),
  ).catch(() => null);
  if (snapshot) {
    result.inPage = snapshot.timings_ms;
  }
  return result;
}

/** Loads one file in the session's tab and observes it in each mode, all within PAGE_TIMEOUT_MS. */
export async function measurePage(
  client: TabsightClient,
  worker: Worker,
  tab: Page,
  sessionId: string,
  file: string,
  url: string,
): Promise<PageResult> {
  const deadline = Date.now() + PAGE_TIMEOUT_MS;
  const result: PageResult = { file, modes: {} };
  try {
    await tab.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  } catch (err) {
    result.loadError = String(err).split('\n')[0]!.slice(0, 200);
  }
  for (const mode of Object.keys(MODES) as Mode[]) {
    if (Date.now() >= deadline) {
      result.modes[mode] = failure(new Timeout('the page used up its time'), 0);
      continue;
    }
    result.modes[mode] = await observeOnce(client, worker, tab, sessionId, mode, deadline);
  }
  return result;
}
