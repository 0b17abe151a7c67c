/**
 * The engine: perception, page content and actions, injected by the service worker into a frame
 * the first time it asks that frame something, and reached through the loader's message listener
 * (src/content/README.md). Built as its own classic script by vite.engine.config.ts.
 */
import { ContentMethods, RuntimeRequest, type RuntimeReply } from '@shared/protocol/runtime';
import { errorInfoOf } from '@shared/schema/errors';
import { registerEngine } from './engine-slot';
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

// An injection that races another (two callers asked at once) finds the first engine in place.
registerEngine(async (message: unknown) => {
  const request = RuntimeRequest.safeParse(message);
  return request.success ? dispatch(request.data) : undefined;
});
