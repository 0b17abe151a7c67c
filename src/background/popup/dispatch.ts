import browser from 'webextension-polyfill';
import type { Handlers } from '@shared/protocol/method';
import { PopupMethods } from '@shared/protocol/popup';
import { RuntimeRequest, type RuntimeReply } from '@shared/protocol/runtime';
import { errorInfoOf, TabsightError } from '@shared/schema/errors';

const LOG = '[tabsight:bg]';

const invalid = (message: string): RuntimeReply => ({
  ok: false,
  error: { code: 'invalid-request', message, retryable: false },
});

/**
 * Our own extension pages. Content scripts share our extension id but run inside web pages, so
 * their sender URL is the page's: that is what tells them apart.
 */
export function isExtensionPage(sender: browser.Runtime.MessageSender): boolean {
  return (
    sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''))
  );
}

/**
 * Only the toolbar popup, which the user opens and sees, may call popup methods: they read any
 * tab and list the sessions' tabs. The same page loaded in a tab (a tab an agent drives, or one
 * a page opened) carries `sender.tab`, which the real popup never does, and is refused: it would
 * be a window onto the user's other tabs (README "Security model").
 */
export function isToolbarPopup(sender: browser.Runtime.MessageSender): boolean {
  return isExtensionPage(sender) && sender.tab === undefined;
}

/** The answer to a popup method from our page loaded in a tab. */
export const REFUSED_IN_TAB: RuntimeReply = {
  ok: false,
  error: {
    code: 'unauthorized',
    message: 'the Tabsight viewer answers only in the toolbar popup, not in a tab',
    hint: 'click the Tabsight button in the toolbar',
    retryable: false,
  },
};

/** Parses one popup request, runs its handler and wraps the outcome in the reply envelope. */
export async function dispatchPopup(
  handlers: Handlers<PopupMethods>,
  message: unknown,
): Promise<RuntimeReply> {
  const request = RuntimeRequest.safeParse(message);
  if (!request.success) {
    return invalid(request.error.message);
  }
  if (!Object.hasOwn(PopupMethods, request.data.method)) {
    return invalid(`unknown method ${request.data.method}`);
  }
  const method = request.data.method as keyof PopupMethods;
  const params = PopupMethods[method].params.safeParse(request.data.params);
  if (!params.success) {
    return invalid(params.error.message);
  }
  try {
    const handler = handlers[method] as (p: unknown, ctx: void) => Promise<unknown>;
    return { ok: true, result: await handler(params.data, undefined) };
  } catch (err) {
    if (!(err instanceof TabsightError)) {
      console.error(LOG, method, err);
    }
    return { ok: false, error: errorInfoOf(err) };
  }
}
