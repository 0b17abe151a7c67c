import browser from 'webextension-polyfill';
import type { ParamsInputOf, ResultOf } from '@shared/protocol/method';
import { PopupMethods } from '@shared/protocol/popup';
import { RuntimeReply } from '@shared/protocol/runtime';
import { TabsightError } from '@shared/schema/errors';

/** Calls a popup method in the service worker; the reply is parsed with the method's schema. */
export async function callWorker<K extends keyof PopupMethods>(
  method: K,
  params: ParamsInputOf<PopupMethods, K>,
): Promise<ResultOf<PopupMethods, K>> {
  const reply = RuntimeReply.parse(await browser.runtime.sendMessage({ method, params }));
  if (!reply.ok) {
    throw TabsightError.from(reply.error);
  }
  return PopupMethods[method].result.parse(reply.result) as ResultOf<PopupMethods, K>;
}
