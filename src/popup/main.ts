import browser from 'webextension-polyfill';
import { POPUP_PORT_NAME, type PopupObservation, type PopupStatus } from '@shared/protocol/popup';
import { errorInfoOf } from '@shared/schema/errors';
import { imagesView, jsonView, markdownView } from './data-views';
import { h } from './dom';
import { renderHeader, renderPlainHeader } from './header';
import { createHighlighter } from './highlighter';
import { actionsView } from './observation-view';
import { callWorker } from './rpc';
import { statusPill, statusView } from './status-view';
import { createTabs } from './tabs';
import { explainUnavailable } from './unavailable';

const STATUS_REFRESH_MS = 2_000;
const VIEWS = ['Actions', 'Markdown', 'Images', 'JSON', 'Bridge'] as const;

/**
 * The tab to show: the one in front of the popup's window, which the user is looking at. Nothing
 * in the address names another tab: an agent or a page that loads this page could otherwise use
 * it as a window onto the user's other tabs (README "Security model").
 */
async function targetTab(): Promise<browser.Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

function setState(state: 'loading' | 'ready' | 'unavailable' | 'error' | 'in-tab'): void {
  document.body.dataset.state = state;
}

/**
 * Loaded in a tab rather than as the toolbar popup, the page shows nothing of any tab and asks
 * the worker nothing (which would refuse it anyway, src/background/popup/dispatch.ts).
 */
function explainInTab(app: HTMLElement): void {
  app.replaceChildren(
    h(
      'div',
      { class: 'notice', role: 'status' },
      h('h2', {}, 'Open Tabsight from the toolbar'),
      h(
        'p',
        {},
        'The Tabsight viewer shows what an agent sees only as the toolbar popup, for the tab in front. Opened in a tab it shows nothing, so no page or agent can use it to look into your other tabs.',
      ),
    ),
  );
  setState('in-tab');
}

async function main(): Promise<void> {
  const app = document.getElementById('app')!;
  // The toolbar popup is not a tab; any page loaded in a tab is.
  if (await browser.tabs.getCurrent()) {
    explainInTab(app);
    return;
  }
  const header = h('header', { class: 'head' });
  const pageInfo = h('div', { class: 'page' }, h('p', { class: 'muted' }, 'Observing…'));
  const pill = h(
    'button',
    { type: 'button', class: 'pill-button', title: 'Bridge status' },
    statusPill(null),
  );
  const refresh = h(
    'button',
    { type: 'button', class: 'icon', title: 'Observe again', 'aria-label': 'Observe again' },
    '↻',
  );
  header.append(pageInfo, refresh);
  const tabs = createTabs(VIEWS, 'Actions');
  const footer = h('footer', { class: 'foot' }, pill);
  app.replaceChildren(header, tabs.bar, ...VIEWS.map((v) => tabs.panel(v)), footer);
  pill.addEventListener('click', () => tabs.select('Bridge', true));
  setState('loading');

  const tab = await targetTab();
  if (tab?.id === undefined) {
    pageInfo.replaceWith(renderPlainHeader('No tab', ''));
    setState('error');
    return;
  }
  const tabId = tab.id;
  // Held open while the popup lives; its disconnect tells the worker to clear the page overlay.
  browser.runtime.connect({ name: `${POPUP_PORT_NAME}:${tabId}` });
  const highlighter = createHighlighter(tabId);
  let scope: 'viewport' | 'page' = 'viewport';
  let showAll = false;
  let actions: ReturnType<typeof actionsView> | null = null;

  const showStatus = (status: PopupStatus) => {
    pill.replaceChildren(statusPill(status));
    tabs.panel('Bridge').replaceChildren(statusView(status));
  };
  const pollStatus = async () => {
    try {
      showStatus(await callWorker('popup.status', {}));
    } catch (err) {
      tabs.panel('Bridge').replaceChildren(h('p', { class: 'error' }, errorInfoOf(err).message));
    }
  };

  const showObservation = (observation: PopupObservation) => {
    header.firstElementChild!.replaceWith(renderHeader(observation));
    actions = actionsView(observation, {
      tabId,
      highlighter,
      scope,
      onScope: (next) => {
        scope = next;
        void observe();
      },
      showAll,
      onShowAll: (on) => {
        showAll = on;
      },
    });
    tabs.panel('Actions').replaceChildren(actions.element);
    tabs.panel('Markdown').replaceChildren(markdownView(observation));
    tabs.panel('Images').replaceChildren(imagesView(observation));
    tabs.panel('JSON').replaceChildren(jsonView(observation));
    setState('ready');
  };

  const showFailure = (err: unknown) => {
    const info = errorInfoOf(err);
    const url = tab.url ?? tab.pendingUrl ?? '';
    header.firstElementChild!.replaceWith(renderPlainHeader(tab.title ?? '', url));
    const unavailable = explainUnavailable(url, info);
    const message = unavailable
      ? h(
          'div',
          { class: 'notice', role: 'status' },
          h('h2', {}, unavailable.title),
          h('p', {}, unavailable.body),
        )
      : h(
          'div',
          { class: 'notice error', role: 'alert' },
          h('h2', {}, 'Could not observe this tab'),
          h('p', {}, info.message),
          info.hint ? h('p', { class: 'muted' }, info.hint) : null,
        );
    tabs.panel('Actions').replaceChildren(message);
    for (const view of ['Markdown', 'Images', 'JSON'] as const) {
      tabs.panel(view).replaceChildren(h('p', { class: 'empty' }, 'No observation for this tab.'));
    }
    setState(unavailable ? 'unavailable' : 'error');
  };

  async function observe(): Promise<void> {
    setState('loading');
    try {
      showObservation(await callWorker('popup.observe', { tab_id: tabId, scope }));
    } catch (err) {
      showFailure(err);
    }
  }

  refresh.addEventListener('click', () => void observe());
  document.addEventListener('keydown', (event) => {
    const typing = (event.target as HTMLElement).matches('input, select, textarea');
    if (event.key === '/' && !typing && actions) {
      event.preventDefault();
      tabs.select('Actions');
      actions.focusFilter();
    }
  });
  setInterval(() => void pollStatus(), STATUS_REFRESH_MS);
  await Promise.all([pollStatus(), observe()]);
}

void main();
