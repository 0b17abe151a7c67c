import browser from 'webextension-polyfill';
import { createBridgeHandlers, helloOf } from './link/handlers';
import { createNativeLink, type LinkStatus } from './link/native-link';
import { reconcileSessions } from './sessions/reconcile';
import { createSessionService, sessionIdOfAlarm } from './sessions/session-service';
import { createSessionStore } from './sessions/session-store';
import { watchLoadErrors } from './load-errors';
import { forgetTab } from './observe/tab-id-maps';
import { dispatchPopup, isExtensionPage, isToolbarPopup, REFUSED_IN_TAB } from './popup/dispatch';
import { createPopupHandlers } from './popup/handlers';
import { createOverlayRelay } from './popup/overlay-relay';
import { onPopupConnect } from './popup/popup-port';

const LOG = '[tabsight:bg]';
const RECONNECT_ALARM = 'tabsight.reconnect';
/**
 * The open native port keeps this worker alive, but when Chrome stops it anyway (an update, a
 * crash, DevTools' "stop") it takes the bridge down with it: Chrome ends the host as the port
 * closes, and no HTTP request can wake a worker. This alarm is what restarts worker and bridge;
 * 30 s is the shortest period Chrome 120+ allows (minimum_chrome_version is 120).
 * https://developer.chrome.com/docs/extensions/reference/api/alarms#method-create
 */
const RECONNECT_PERIOD_MINUTES = 0.5;
const LINK_STATUS_KEY = 'tabsight.link-status';

const sessions = createSessionService(createSessionStore(browser.storage.session));

/** Everything a handler needs before it may run: state reconciled after a (re)start. */
const ready: Promise<void> = reconcileSessions(sessions).catch((err: unknown) => {
  console.error(LOG, 'reconcile failed', err);
});

const link = createNativeLink(
  createBridgeHandlers(sessions, ready),
  helloOf,
  (status: LinkStatus) => {
    void browser.storage.session.set({ [LINK_STATUS_KEY]: status });
  },
);

const overlay = createOverlayRelay();
const popupHandlers = createPopupHandlers({
  sessions,
  ready,
  linkStatus: () => link.status(),
  overlay,
});

// Listeners are registered synchronously at top level, so a woken worker never misses its event.
watchLoadErrors();
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RECONNECT_ALARM) {
    link.ensureConnected();
    return;
  }
  const sessionId = sessionIdOfAlarm(alarm.name);
  if (sessionId) {
    void ready.then(() => sessions.timeOut(sessionId)).catch(() => undefined);
  }
});
browser.windows.onRemoved.addListener((windowId) => {
  void ready.then(() => reconcileSessions(sessions, { closedWindowId: windowId }));
});
browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void ready.then(() => reconcileSessions(sessions, { closedTabId: tabId }));
});
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Returning undefined leaves messages that are not ours to other listeners.
  if (!isExtensionPage(sender)) {
    return undefined;
  }
  return isToolbarPopup(sender)
    ? dispatchPopup(popupHandlers, message)
    : Promise.resolve(REFUSED_IN_TAB);
});
browser.runtime.onConnect.addListener(onPopupConnect(overlay));
browser.runtime.onStartup.addListener(() => link.ensureConnected());
browser.runtime.onInstalled.addListener(() => link.ensureConnected());

void browser.alarms.create(RECONNECT_ALARM, { periodInMinutes: RECONNECT_PERIOD_MINUTES });
link.connect();
