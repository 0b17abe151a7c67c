import browser from 'webextension-polyfill';
import { ContentMethods, RuntimeRequest, type RuntimeReply } from '@shared/protocol/runtime';
import { errorInfoOf } from '@shared/schema/errors';
import { listenForFrameTokens } from './dom/frame-tokens';
import { contentHandlers } from './handlers';

const LOG = '[tabsight:cs]';

async function dispatch(request: RuntimeRequest): Promise<RuntimeReply> {
  if (!Object.hasOwn(ContentMethods, request.method)) {
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `unknown method ${request.method}`,
        retryable: false,
      },
    };
  }
  const method = request.method as keyof ContentMethods;
  const params = ContentMethods[method].params.safeParse(request.params);
  if (!params.success) {
    return {
      ok: false,
      error: { code: 'invalid-request', message: params.error.message, retryable: false },
    };
  }
  try {
    const handler = contentHandlers[method] as (p: unknown, ctx: void) => unknown;
    return { ok: true, result: await handler(params.data, undefined) };
  } catch (err) {
    console.debug(LOG, method, err);
    return { ok: false, error: errorInfoOf(err) };
  }
}

// Early, so a parent's token posted while this document loads is not missed.
listenForFrameTokens();

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Only our own service worker and pages talk to content scripts; a page cannot reach this
  // listener, but another extension's frame could try.
  if (sender.id !== browser.runtime.id) {
    return undefined;
  }
  const request = RuntimeRequest.safeParse(message);
  if (!request.success) {
    return undefined;
  }
  return dispatch(request.data);
});
