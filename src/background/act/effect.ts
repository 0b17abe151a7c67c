import browser from 'webextension-polyfill';
import type { FrameEffect } from '@shared/protocol/runtime';
import type { Effect, EffectElement } from '@shared/schema/effect';
import { callFrame, type FrameTarget } from '../frame-messaging';
import { idMapFor } from '../observe/tab-id-maps';
import type { SessionRecord } from '../sessions/session-record';
import type { SessionService } from '../sessions/session-service';
import type { Settled } from './settle';

interface FrameInfo {
  frameId: number;
  documentId?: string;
}

/**
 * Records what one action changes in a tab: the top frame's interactive elements and focus (the
 * content script compares before and after), tabs the page opened, and where the tab navigated.
 */
export async function watchEffect(record: SessionRecord) {
  const tabId = record.active_tab_id;
  const top: FrameTarget = { tabId, frameId: 0 };
  const created: number[] = [];
  const onCreated = (tab: browser.Tabs.Tab) => {
    if (tab.id !== undefined && (tab.openerTabId === tabId || tab.windowId === record.window_id)) {
      created.push(tab.id);
    }
  };
  browser.tabs.onCreated.addListener(onCreated);
  const urlBefore = (await browser.tabs.get(tabId).catch(() => null))?.url ?? '';
  // A page without a content script (a browser page) reports no element changes, not an error.
  await callFrame(top, 'content.effect_begin', {}).catch(() => undefined);
  return {
    stop: () => browser.tabs.onCreated.removeListener(onCreated),
    /** The report, once the page has settled; `frame` is the frame acted on, if not the top one. */
    async report(
      sessions: SessionService,
      sessionId: string,
      settled: Settled,
      frame: FrameTarget | null,
    ): Promise<Effect> {
      browser.tabs.onCreated.removeListener(onCreated);
      const urlAfter = (await browser.tabs.get(tabId).catch(() => null))?.url ?? urlBefore;
      const navigated = settled.reason.startsWith('navigation') || urlAfter !== urlBefore;
      const frames = navigated ? [] : [top, ...(frame && frame.frameId !== 0 ? [frame] : [])];
      const seen = await Promise.all(
        frames.map((f) => callFrame(f, 'content.effect_end', {}).catch(() => null)),
      );
      const anyElement = seen.some(
        (s) =>
          s && (s.appeared.length || s.disappeared.length || s.changes.length || s.dialog_opened),
      );
      const ids = anyElement ? await globalIds(tabId) : NO_IDS;
      const parts = seen.flatMap((s, i) =>
        s ? [{ effect: s, documentId: ids.documentOf(frames[i]!) }] : [],
      );
      const toGlobal =
        (documentId: string | undefined) =>
        (e: { local_id: string | null; description: string }): EffectElement => ({
          id: e.local_id && documentId ? ids.globalOf(documentId, e.local_id) : null,
          description: e.description,
        });
      const newTabs = created.length > 0 ? await newTabsOf(sessions, sessionId, created) : [];
      const effect: Omit<Effect, 'summary' | 'changed'> = {
        navigated: navigated ? { from: urlBefore, to: urlAfter } : null,
        appeared: parts.flatMap(({ effect: e, documentId }) =>
          e.appeared.map(toGlobal(documentId)),
        ),
        disappeared: parts.flatMap(({ effect: e, documentId }) =>
          e.disappeared.map(toGlobal(documentId)),
        ),
        changes: parts.flatMap(({ effect: e, documentId }) =>
          e.changes.map(({ local_id, ...change }) => ({
            ...change,
            id: toGlobal(documentId)({ local_id, description: '' }).id,
          })),
        ),
        dialog_opened: firstDialog(parts, toGlobal),
        focus_moved: parts.find((p) => p.effect.focus_moved)?.effect.focus_moved ?? null,
        new_tabs: newTabs,
        omitted: parts.reduce((n, p) => n + p.effect.omitted, 0),
        text_changes: parts.reduce((n, p) => n + p.effect.text_changes, 0),
        settle: {
          reason: settled.reason,
          waited_ms: settled.waited_ms,
          requests: settled.requests,
        },
      };
      const summary = summaryOf(effect);
      return {
        summary: summary ?? 'nothing visible changed',
        changed: summary !== null,
        ...effect,
      };
    },
  };
}
export type EffectWatch = Awaited<ReturnType<typeof watchEffect>>;

function firstDialog(
  parts: { effect: FrameEffect; documentId: string | undefined }[],
  toGlobal: (
    d: string | undefined,
  ) => (e: { local_id: string | null; description: string }) => EffectElement,
): EffectElement | null {
  for (const { effect, documentId } of parts) {
    if (effect.dialog_opened) {
      return toGlobal(documentId)(effect.dialog_opened);
    }
  }
  return null;
}

/** The tabs opened during the action, at their index in the session's tabs. */
async function newTabsOf(sessions: SessionService, sessionId: string, created: number[]) {
  const latest = await sessions.record(sessionId);
  const order = latest ? await sessions.tabsInOrder(latest) : [];
  return order.flatMap((t, index) =>
    t.id !== undefined && created.includes(t.id)
      ? [{ tab_index: index, url: t.pendingUrl || t.url || '' }]
      : [],
  );
}

const NO_IDS = { documentOf: () => undefined, globalOf: () => null };

/** Tab-wide ids of frame-local ones, looked up without handing out new ids. */
async function globalIds(tabId: number) {
  const frames = ((await browser.webNavigation.getAllFrames({ tabId }).catch(() => [])) ??
    []) as FrameInfo[];
  const top = frames.find((f) => f.frameId === 0);
  const state = top ? await idMapFor(tabId, top.documentId ?? '0') : null;
  return {
    documentOf: (target: FrameTarget) => {
      const frame = frames.find((f) => f.frameId === target.frameId);
      return frame ? (frame.documentId ?? String(frame.frameId)) : undefined;
    },
    globalOf: (documentId: string, localId: string): string | null =>
      state?.forward[`${documentId}|${localId}`] ?? null,
  };
}

const listed = (elements: EffectElement[]) =>
  elements
    .slice(0, 3)
    .map((e) => (e.id ? `${e.id} ${e.description}` : e.description))
    .join(', ') + (elements.length > 3 ? ` and ${elements.length - 3} more` : '');

/** One line for the agent, or null when nothing visible changed. */
export function summaryOf(effect: Omit<Effect, 'summary' | 'changed'>): string | null {
  const parts: string[] = [];
  if (effect.navigated) {
    parts.push(
      effect.navigated.from === effect.navigated.to
        ? `reloaded ${effect.navigated.to}`
        : `navigated from ${effect.navigated.from} to ${effect.navigated.to}`,
    );
  }
  if (effect.new_tabs.length > 0) {
    parts.push(
      `opened ${effect.new_tabs.map((t) => `${t.url} (tab_index ${t.tab_index})`).join(', ')} in a new tab`,
    );
  }
  if (effect.dialog_opened) {
    parts.push(`a dialog opened: ${listed([effect.dialog_opened])}`);
  }
  if (effect.appeared.length > 0) {
    parts.push(`appeared: ${listed(effect.appeared)}`);
  }
  if (effect.disappeared.length > 0) {
    parts.push(`disappeared: ${listed(effect.disappeared)}`);
  }
  for (const change of effect.changes.slice(0, 3)) {
    const name = change.id ? `${change.id} ${change.description}` : change.description;
    parts.push(
      change.from === null && change.to === null
        ? `${name}: ${change.property} changed`
        : `${name}: ${change.property} ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`,
    );
  }
  if (effect.changes.length > 3) {
    parts.push(`${effect.changes.length - 3} more changes`);
  }
  if (effect.focus_moved) {
    parts.push(`focus moved to ${effect.focus_moved.to ?? 'the page'}`);
  }
  // Text alone (a board cell's mark, a status line) is a visible change too; observe reads it.
  const texts = effect.text_changes ?? 0;
  if (parts.length === 0 && texts > 0) {
    parts.push(`text changed in ${texts} place${texts === 1 ? '' : 's'} (observe to read it)`);
  }
  return parts.length > 0 ? parts.join('; ') : null;
}
