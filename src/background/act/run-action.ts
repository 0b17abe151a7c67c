import browser from 'webextension-polyfill';
import { isInteractionAction, type Action } from '@shared/schema/actions';
import type { SessionRecord } from '../sessions/session-record';
import type { SessionService } from '../sessions/session-service';
import { navigate } from '../navigation';
import { assertScriptable } from '../observe/collect-tab';
import { runElementAction } from './element-action';
import { failed, succeeded, topFrame, type StepOutcome } from './outcome';
import { formFill, pressKey, scroll } from './page-actions';
import { scrapeTab } from './scrape';
import { closeTab, openTab, switchTab } from './tab-actions';

/** History moves reject when there is nothing to go to; say so instead of failing the call. */
async function history(tabId: number, direction: 'back' | 'forward'): Promise<StepOutcome> {
  try {
    await (direction === 'back' ? browser.tabs.goBack(tabId) : browser.tabs.goForward(tabId));
  } catch {
    return failed(
      `there is no ${direction === 'back' ? 'previous' : 'next'} page in this tab's history; use goto instead`,
    );
  }
  return succeeded(`went ${direction}`, topFrame(tabId));
}

/** Runs one action in the session's current tab; the page settling afterwards is the caller's. */
export async function runAction(
  sessions: SessionService,
  record: SessionRecord,
  action: Action,
): Promise<StepOutcome> {
  const tabId = record.active_tab_id;
  if (isInteractionAction(action)) {
    assertScriptable((await browser.tabs.get(tabId)).url);
    return runElementAction(tabId, action);
  }
  switch (action.type) {
    case 'goto':
      await navigate(tabId, action.url);
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
      return formFill(tabId, action.value);
    case 'help':
      return succeeded(`help requested: ${action.reason}`);
    case 'completion':
      return succeeded(
        `task marked ${action.success ? 'successful' : 'unsuccessful'}: ${action.answer}`,
      );
    case 'captcha_solve':
      return failed('captcha solving is not supported: solve it yourself or ask the user (help)');
  }
}
