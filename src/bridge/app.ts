import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { Action } from '@shared/schema/actions';
import { StepRequest } from '@shared/schema/execute';
import { ObserveRequest } from '@shared/schema/observation';
import { ScrapeRequest } from '@shared/schema/scrape';
import { SessionListQuery, SessionStart } from '@shared/schema/session';
import { SessionPath, isPublicRoute } from './api-routes';
import type { CallOptions, ExtensionLink } from './extension-link';
import { bearerGuard, hostGuard, isAuthorized, originGuard } from './guards';
import { healthOf } from './health';
import { errorJson, errorResponse } from './http-errors';
import { buildOpenApi } from './openapi';
import { readJsonBody, readPath, readQuery } from './request-input';
import { stepToAction } from './step';
import { inlineUploadFile, type ReadFile } from './upload';
import { readUploadFile } from './upload-folder';
import { assertNavigable, type UrlPolicy } from '@shared/url-policy';

/** SPEC section 1: larger bodies get a 413 before anything parses them. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppDeps {
  link: ExtensionLink;
  token: string | (() => string);
  /** The port clients reach us on; a function when it is known only after listen (port 0). */
  port: number | (() => number);
  version: string;
  /** Origins allowed to send an Origin header, e.g. `chrome-extension://<id>`. */
  allowedOrigins?: readonly string[] | (() => readonly string[]);
  log?: (message: string) => void;
  /** Reads upload_file's file_path (the extension cannot read the disk); off by default. */
  readFile?: ReadFile;
  /** Which page addresses agents may navigate to; file: URLs are off by default. */
  urlPolicy?: UrlPolicy;
}

/** The URL an action or request navigates to, if any. */
const navigationUrlOf = (action: Action): string | undefined =>
  action.type === 'goto' || action.type === 'goto_new_tab' ? action.url : undefined;

const lazy = <T>(value: T | (() => T)): (() => T) =>
  typeof value === 'function' ? (value as () => T) : () => value;

/** `wait` actions may legitimately outlast the default call timeout. */
const executeCallOptions = (action: Action): CallOptions =>
  action.type === 'wait' ? { extraMs: action.time_ms } : {};

/** The bridge's HTTP API (SPEC sections 1 and 2), without listening. */
export function createApp(deps: AppDeps): Hono {
  const { link, version } = deps;
  const token = lazy(deps.token);
  const port = lazy(deps.port);
  const allowedOrigins = lazy(deps.allowedOrigins ?? []);
  const log = deps.log ?? ((message: string) => console.error(`[tabsight:bridge] ${message}`));
  const app = new Hono();
  const sessionId = (c: Context) => readPath(c, SessionPath).session_id;
  let openApi: Record<string, unknown> | null = null;
  const readUpload =
    deps.readFile ?? ((p: string) => readUploadFile(p, { uploadDir: null, forbidden: [] }));
  const urlPolicy = deps.urlPolicy ?? { allowFileUrls: false };
  const checkUrl = (url: string | undefined) => {
    if (url !== undefined) {
      assertNavigable(url, urlPolicy);
    }
  };

  const execute = async (c: Context, action: Action) => {
    checkUrl(navigationUrlOf(action));
    const ready = await inlineUploadFile(action, readUpload);
    return c.json(
      await link.call(
        'page.execute',
        { session_id: sessionId(c), action: ready },
        executeCallOptions(ready),
      ),
    );
  };

  app.onError((err, c) => errorResponse(c, err, log));
  app.notFound((c) =>
    errorJson(c, 404, `no route ${c.req.method} ${c.req.path}; GET /openapi.json lists the routes`),
  );

  app.use('*', hostGuard(port));
  app.use('*', originGuard(allowedOrigins));
  app.use('*', bearerGuard(token, isPublicRoute));
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => errorJson(c, 413, `the body is over the ${MAX_BODY_BYTES}-byte limit`),
    }),
  );

  app.get('/health', (c) => {
    const authorized = isAuthorized(c.req.header('authorization'), token());
    return c.json(healthOf(link.state(), version, authorized));
  });

  app.get('/openapi.json', (c) => c.json((openApi ??= buildOpenApi(version))));

  app.post('/sessions/start', async (c) => {
    const body = await readJsonBody(c, SessionStart);
    checkUrl(body.url);
    return c.json(await link.call('session.start', body));
  });

  app.get('/sessions', async (c) => {
    const { only_active } = readQuery(c, SessionListQuery);
    return c.json(await link.call('session.list', { only_active }));
  });

  app.get('/sessions/:session_id', async (c) =>
    c.json(await link.call('session.get', { session_id: sessionId(c) })),
  );

  app.delete('/sessions/:session_id/stop', async (c) =>
    c.json(await link.call('session.stop', { session_id: sessionId(c) })),
  );

  app.post('/sessions/:session_id/page/observe', async (c) => {
    const id = sessionId(c);
    const request = await readJsonBody(c, ObserveRequest);
    checkUrl(request.url);
    return c.json(await link.call('page.observe', { session_id: id, request }));
  });

  app.post('/sessions/:session_id/page/execute', async (c) =>
    execute(c, await readJsonBody(c, Action)),
  );

  app.post('/sessions/:session_id/page/step', async (c) =>
    execute(c, stepToAction(await readJsonBody(c, StepRequest))),
  );

  app.post('/sessions/:session_id/page/scrape', async (c) => {
    const id = sessionId(c);
    const request = await readJsonBody(c, ScrapeRequest);
    return c.json(await link.call('page.scrape', { session_id: id, request }));
  });

  app.post('/sessions/:session_id/page/screenshot', async (c) => {
    const id = sessionId(c);
    await readJsonBody(c, z.strictObject({}));
    const { jpeg_base64 } = await link.call('page.screenshot', { session_id: id });
    return c.body(Buffer.from(jpeg_base64, 'base64'), 200, { 'Content-Type': 'image/jpeg' });
  });

  return app;
}
