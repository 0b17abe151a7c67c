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
 * Only our own extension pages (the popup, or the popup page opened as a tab) may call popup
 * methods. Content scripts share our extension id but run inside web pages, so their sender URL
 * is the page's: that is what tells them apart.
 */
export function isExtensionPage(sender: browser.Runtime.MessageSender): boolean {
  return (
    sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''))
  );
}

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
