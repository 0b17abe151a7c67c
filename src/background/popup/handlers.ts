import browser from 'webextension-polyfill';
import type { Handlers } from '@shared/protocol/method';
import type { LinkState, PopupMethods } from '@shared/protocol/popup';
import { TabsightError } from '@shared/schema/errors';
import { ObserveRequest } from '@shared/schema/observation';
import { observeTab } from '../observe/observe';
import type { SessionService } from '../sessions/session-service';
import type { OverlayRelay } from './overlay-relay';

export interface PopupDeps {
  sessions: SessionService;
  ready: Promise<void>;
  linkStatus: () => LinkState;
  overlay: OverlayRelay;
}

/** The tab the popup means: the one it names, or the focused tab of the last focused window. */
export async function resolveTab(tabId: number | undefined): Promise<browser.Tabs.Tab> {
  if (tabId !== undefined) {
    return browser.tabs.get(tabId).catch(() => {
      throw new TabsightError('tab-not-found', `no tab ${tabId}`, 'reopen the popup');
    });
  }
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) {
    throw new TabsightError('tab-not-found', 'there is no focused tab', 'focus a tab first');
  }
  return tab;
}

const CONTENT_BLOCKED = /Cannot access|cannot be scripted|extensions gallery/i;

/** One handler per popup method; a method without one fails to compile. */
export function createPopupHandlers(deps: PopupDeps): Handlers<PopupMethods> {
  const tabIdOf = async (tabId: number | undefined) => (await resolveTab(tabId)).id!;
  return {
    'popup.observe': async ({ tab_id, scope }) => {
      await deps.ready;
      const tab = await resolveTab(tab_id);
      const tabId = tab.id!;
      const request = ObserveRequest.parse({ scope, max_nb_actions: 10_000 });
      try {
        const observed = await observeTab(tabId, request, {
          tabs: async () =>
            (await browser.tabs.query({ windowId: tab.windowId })).map((t, index) => ({
              tab_id: index,
              title: t.title ?? '',
              url: t.url ?? '',
            })),
        });
        return {
          tab_id: tabId,
          metadata: observed.metadata,
          space: observed.space,
          data: observed.data,
        };
      } catch (err) {
        // Injecting into a page the browser protects (PDF viewer, other extensions) fails with
        // the browser's own words; the popup explains it as "no content script here".
        if (
          err instanceof Error &&
          !(err instanceof TabsightError) &&
          CONTENT_BLOCKED.test(err.message)
        ) {
          throw new TabsightError('content-unreachable', err.message);
        }
        throw err;
      }
    },
    'popup.status': async () => {
      await deps.ready;
      const link = deps.linkStatus();
      const active = await deps.sessions.list(true);
      const sessions = await Promise.all(
        active.map(async (session) => ({
          session,
          tabs: await deps.sessions
            .record(session.session_id)
            .then((record) => deps.sessions.sessionTabs(record))
            .catch(() => []),
        })),
      );
      return {
        link: {
          connected: link.connected,
          last_error: link.last_error,
          host: link.host
            ? { listening: link.host.listening, url: link.host.url, error: link.host.error }
            : null,
          since: link.since,
        },
        sessions,
      };
    },
    'popup.highlight': async ({ tab_id, id, scroll }) => {
      await deps.ready;
      return { shown: await deps.overlay.focus(await tabIdOf(tab_id), id, scroll) };
    },
    'popup.showAllIds': async ({ tab_id, on, ids }) => {
      await deps.ready;
      return { shown: await deps.overlay.showAll(await tabIdOf(tab_id), on ? ids : null) };
    },
  };
}
