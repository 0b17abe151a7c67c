import browser from 'webextension-polyfill';
import { nowIso } from '@shared/schema/common';
import type { Observation, ObserveRequest } from '@shared/schema/observation';
import { toWireSession, type SessionRecord } from '../sessions/session-record';
import type { SessionService } from '../sessions/session-service';
import { navigate } from '../navigation';
import { collectTab } from './collect-tab';
import { mergeFrames } from './merge-frames';
import { buildSpace } from './space';
import { idMapFor, saveIdMap } from './tab-id-maps';

const EMPTY_STRUCTURED = { success: true, error: null, data: null };

export async function captureJpeg(record: SessionRecord): Promise<string> {
  const dataUrl = await browser.tabs.captureVisibleTab(record.window_id, {
    format: 'jpeg',
    quality: 80,
  });
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}

/** One observation of the session's current tab: every frame, merged into the contract's shape. */
export async function observe(
  sessions: SessionService,
  sessionId: string,
  request: ObserveRequest,
): Promise<Observation> {
  let record = await sessions.touch(sessionId);
  if (request.url) {
    await navigate(record.active_tab_id, request.url);
    record = await sessions.record(sessionId);
  }
  const tabId = record.active_tab_id;
  const frames = await collectTab(tabId, {
    scope: request.scope,
    data: request.data,
    ids_in_markdown: request.ids_in_markdown,
    selectors: request.selectors,
    only_main_content: true,
  });
  const top = frames[0]!;
  const idMap = await idMapFor(tabId, top.documentId);
  const merged = mergeFrames(frames, idMap);
  await saveIdMap(tabId, idMap);
  const viewport = top.snapshot.viewport;
  const [tabs, screenshot] = await Promise.all([
    sessions.sessionTabs(record),
    request.screenshot ? captureJpeg(record) : Promise.resolve(null),
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
    space: buildSpace(merged, request, viewport),
    data: request.data
      ? {
          markdown: merged.markdown ?? '',
          images: merged.images,
          structured: top.snapshot.page?.structured ?? EMPTY_STRUCTURED,
        }
      : null,
    progress: { current_step: record.current_step, max_steps: record.max_steps },
    session: toWireSession(record),
  };
}
