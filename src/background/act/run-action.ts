import browser from 'webextension-polyfill';
import { isInteractionAction, type Action } from '@shared/schema/actions';
import type { SessionRecord } from '../sessions/session-record';
import type { SessionService } from '../sessions/session-service';
import { loadWaitWithin, navigate } from '../navigation';
import { assertScriptable } from '../observe/collect-tab';
import { runElementAction } from './element-action';
import { failed, succeeded, topFrame, type StepOutcome } from './outcome';
import { formFill, pageTool, pressKey, scroll } from './page-actions';
import { scrapeTab } from './scrape';
import { closeTab, openTab, switchTab } from './tab-actions';

/**
 * Back and forward run `history.back()` in the page rather than `tabs.goBack`: Chrome's history
 * manipulation intervention makes the browser's own back skip entries created without a user
 * gesture, which every navigation an agent causes is
 * (https://chromium.googlesource.com/chromium/src/+/main/docs/history_manipulation_intervention.md).
 */
async function history(tabId: number, direction: 'back' | 'forward'): Promise<StepOutcome> {
  const [injection] = await browser.scripting.executeScript({
    target: { tabId },
    args: [direction],
    func: (dir: 'back' | 'forward') => {
      // Runs in the page, whose globals the worker's types do not describe.
      const page = globalThis as unknown as {
        navigation?: { canGoBack: boolean; canGoForward: boolean };
        history: { back(): void; forward(): void };
      };
      const nav = page.navigation;
      if (nav && !(dir === 'back' ? nav.canGoBack : nav.canGoForward)) {
        return false;
      }
      if (dir === 'back') {
        page.history.back();
      } else {
        page.history.forward();
      }
      return true;
    },
  });
  if (injection?.result !== true) {
    return failed(
      `there is no ${direction === 'back' ? 'previous' : 'next'} page in this tab's history; use goto instead`,
    );
  }
  return succeeded(`went ${direction}`, topFrame(tabId));
}

/** Runs one action in the session's current tab; the page settling afterwards is the caller's. */
/** Kept of a call's deadline for the settle and the effect report after a page load. */
const SETTLE_RESERVE_MS = 1_000;

export async function runAction(
  sessions: SessionService,
  record: SessionRecord,
  action: Action,
  deadline = Infinity,
): Promise<StepOutcome> {
  const tabId = record.active_tab_id;
  if (isInteractionAction(action)) {
    assertScriptable(await browser.tabs.get(tabId));
    return runElementAction(tabId, action);
  }
  switch (action.type) {
    case 'goto':
      await navigate(tabId, action.url, loadWaitWithin(deadline, SETTLE_RESERVE_MS));
      return succeeded(`went to ${action.url}`);
    case 'goto_new_tab':
      return openTab(sessions, record, action.url);
    case 'close_tab':
      return closeTab(sessions, record);
    case 'switch_tab':
      return switchTab(sessions, record, action.tab_index);
    case 'go_back':
      return history(tabId, 'back');
    case 'go_forward':
      return history(tabId, 'forward');
    case 'reload':
      await browser.tabs.reload(tabId);
      return succeeded('reloaded the page', topFrame(tabId));
    case 'wait':
      await new Promise((resolve) => setTimeout(resolve, action.time_ms));
      return succeeded(`waited ${action.time_ms} ms`);
    case 'press_key':
      return pressKey(tabId, action.key);
    case 'scroll_up':
      return scroll(tabId, 'up', action.amount);
    case 'scroll_down':
      return scroll(tabId, 'down', action.amount);
    case 'scrape': {
      const data = await scrapeTab(tabId, {
        only_main_content: action.only_main_content,
        instructions: action.instructions,
      });
      return { ...succeeded(`scraped ${data.markdown.length} characters of markdown`), data };
    }
    case 'form_fill':
      return formFill(tabId, action.value, action.frame_origin);
    case 'help':
      return succeeded(`help requested: ${action.reason}`);
    case 'completion':
      return succeeded(
        `task marked ${action.success ? 'successful' : 'unsuccessful'}: ${action.answer}`,
      );
    case 'captcha_solve':
      return failed('captcha solving is not supported: solve it yourself or ask the user (help)');
    case 'page_tool':
      assertScriptable(await browser.tabs.get(tabId));
      return pageTool(tabId, action.name, action.arguments);
  }
}
