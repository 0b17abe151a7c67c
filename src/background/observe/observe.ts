import { nowIso } from '@shared/schema/common';
import { TabsightError } from '@shared/schema/errors';
import type { Observation, ObserveRequest, TabInfo } from '@shared/schema/observation';
import { randomHex, toWireSession } from '../sessions/session-record';
import type { SessionService } from '../sessions/session-service';
import { loadWaitWithin, navigate } from '../navigation';
import { retryOnceIfPageGone } from '../page-gone';
import { captureSessionTab } from './capture-tab';
import { advance, cutPage, restOf } from './budget';
import { findCursor, keepCapture, keepCursor } from './cursor-store';
import { collectTab } from './collect-tab';
import { mergeFrames } from './merge-frames';
import { buildSpace } from './space';
import { findObservation, keepObservation } from './observation-store';
import { applySince, recordOf } from './since';
import { idMapFor, saveIdMap } from './tab-id-maps';

const EMPTY_STRUCTURED = { success: true, error: null, data: null };

export type TabObservation = Omit<Observation, 'progress' | 'session'>;

export interface TabObservationExtras {
  /** Told the top document's id (the `since` records key on it). */
  onTopDocument?: (documentId: string) => void;
  /** `metadata.tabs`: the session's tabs, or the tab's window for a popup. */
  tabs: () => Promise<TabInfo[]>;
  /** Takes the screenshot when the request asks for one; without it, `screenshot` is null. */
  screenshot?: () => Promise<string>;
}

/** One observation of a tab: every frame, merged into the contract's shape, session aside. */
export async function observeTab(
  tabId: number,
  request: ObserveRequest,
  extras: TabObservationExtras,
): Promise<TabObservation> {
  const { frames, skipped } = await collectTab(tabId, {
    scope: request.scope,
    data: request.data,
    ids_in_markdown: request.ids_in_markdown,
    selectors: request.selectors,
    reveal_secrets: request.reveal_secrets,
    only_main_content: true,
  });
  const top = frames[0]!;
  extras.onTopDocument?.(top.documentId);
  const idMap = await idMapFor(tabId, top.documentId);
  const merged = mergeFrames(frames, idMap);
  await saveIdMap(tabId, idMap);
  const viewport = top.snapshot.viewport;
  const pageTools = top.snapshot.page_tools ?? [];
  const [tabs, screenshot] = await Promise.all([
    extras.tabs(),
    request.screenshot && extras.screenshot ? extras.screenshot() : Promise.resolve(null),
  ]);
  return {
    metadata: {
      title: top.snapshot.title,
      url: top.snapshot.url,
      viewport,
      tabs,
      timestamp: nowIso(),
    },
    screenshot,
    space: buildSpace(merged, request, viewport, pageTools),
    data: request.data
      ? {
          markdown: merged.markdown ?? '',
          images: merged.images,
          structured: top.snapshot.page?.structured ?? EMPTY_STRUCTURED,
        }
      : null,
    ...(skipped.length + merged.skipped.length > 0
      ? { skipped_frames: [...skipped, ...merged.skipped] }
      : {}),
    ...(pageTools.length > 0 ? { page_tools: pageTools } : {}),
  };
}

/** Kept of a call's deadline for collecting the page after `url` has loaded. */
const COLLECT_RESERVE_MS = 2_000;

const newCursor = () => `c_${randomHex(8)}`;

/** The next part of a capture a budget cut (cursor-store.ts): the page is not read again. */
async function observeCursor(
  sessions: SessionService,
  sessionId: string,
  request: ObserveRequest,
  cursor: string,
): Promise<Observation> {
  if (request.url || request.since) {
    throw new TabsightError(
      'invalid-request',
      `cursor pages a capture already taken, so it cannot be asked with ${request.url ? 'url' : 'since'}`,
      'send {"cursor": …} alone (max_tokens may change), or observe without cursor to read the page now',
    );
  }
  const current = await sessions.touch(sessionId);
  const position = findCursor(sessionId, cursor);
  if (!position) {
    throw new TabsightError(
      'invalid-request',
      `this session has no cursor ${cursor}: cursors name the rest of its last 3 cut captures and are kept in memory only (gone when the browser stops the extension's worker)`,
      'observe again (with max_tokens) for a fresh capture and its cursor',
    );
  }
  const { capture, start, part } = position;
  const next = newCursor();
  const page = cutPage(restOf(capture.answer, start), request.max_tokens ?? capture.maxTokens, {
    cursor: next,
    part,
    alwaysBudget: true,
    header:
      `[part ${part} of the capture ${capture.observationId} taken at ${capture.takenAt}: ` +
      "the page may have changed since; these ids are the capture's, observe again to see the page now]",
  });
  if (page.cut) {
    keepCursor(sessionId, capture, next, advance(start, page.kept), part + 1);
  }
  // Part 1 carried the screenshot and the delta; later parts carry only the rest.
  const answer: Omit<typeof page.answer, 'delta'> & { delta?: unknown } = { ...page.answer };
  delete answer.delta;
  return {
    ...(answer as Omit<typeof page.answer, 'delta'>),
    screenshot: null,
    observation_id: capture.observationId,
    progress: { current_step: current.current_step, max_steps: current.max_steps },
    session: toWireSession(current),
  };
}

/**
 * One observation of the session's current tab; with `since`, only what changed (since.ts);
 * with `cursor`, the next part of an earlier capture that `max_tokens` cut.
 */
export async function observe(
  sessions: SessionService,
  sessionId: string,
  request: ObserveRequest,
  deadline = Infinity,
): Promise<Observation> {
  if (request.cursor) {
    return observeCursor(sessions, sessionId, request, request.cursor);
  }
  let record = await sessions.touch(sessionId);
  if (request.url) {
    await navigate(record.active_tab_id, request.url, loadWaitWithin(deadline, COLLECT_RESERVE_MS));
    record = await sessions.record(sessionId);
  }
  const current = record;
  let topDocumentId = '';
  const observed = await retryOnceIfPageGone(current.active_tab_id, () =>
    observeTab(current.active_tab_id, request, {
      tabs: () => sessions.sessionTabs(current),
      screenshot: () => captureSessionTab(current, current.active_tab_id),
      onTopDocument: (id) => (topDocumentId = id),
    }),
  );
  const observationId = `o_${randomHex(8)}`;
  const now = recordOf(observationId, current.active_tab_id, topDocumentId, request, observed);
  const answer = request.since
    ? applySince(observed, await findObservation(sessionId, request.since), now, request.since)
    : observed;
  await keepObservation(sessionId, now);
  let cut: typeof answer = answer;
  if (request.max_tokens) {
    const cursor = newCursor();
    const page = cutPage(answer, request.max_tokens, { cursor });
    if (page.cut) {
      keepCapture(
        sessionId,
        {
          observationId,
          takenAt: answer.metadata.timestamp,
          maxTokens: request.max_tokens,
          answer: { ...answer, screenshot: null },
        },
        cursor,
        page.kept,
      );
    }
    cut = page.answer;
  }
  return {
    ...cut,
    observation_id: observationId,
    progress: { current_step: current.current_step, max_steps: current.max_steps },
    session: toWireSession(current),
  };
}
