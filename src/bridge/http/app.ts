import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Action } from '@shared/schema/actions';
import { SessionListQuery } from '@shared/schema/session';
import { observationFromLink } from '@shared/protocol/bridge-link';
import { SessionPath, isPublicRoute } from './api-routes';
import { executeFor, observationFor, scrapeFor, sessionFor } from './compat/answer-shapes';
import { createSdkEdge } from './compat/edge';
import { pageOf } from './compat/list-query';
import type { CallOptions, ExtensionLink } from '../native/extension-link';
import { bearerGuard, hostGuard, isAuthorized, originGuard } from './guards';
import { healthOf } from './health';
import { HttpProblem, errorJson, errorResponse } from './errors';
import { buildOpenApi } from './openapi';
import { readJsonBody, readPath, readQuery } from './request-input';
import { stepToAction } from './step';
import { inlineUploadFile, type ReadFile } from './upload';
import { readUploadFile } from './upload-folder';
import { assertNavigable, type UrlPolicy } from '@shared/url-policy';
import { IdentityQuery } from '@shared/identity';
import { identityProofOf } from './identity-proof';

/** docs/SPEC.md section 1: larger bodies get a 413 before anything parses them. */
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

/** Page tools may run up to 20 s in the page. */
const PAGE_TOOL_EXTRA_MS = 15_000;

/** `wait` actions and page tools may legitimately outlast the default call timeout. */
const executeCallOptions = (action: Action): CallOptions =>
  action.type === 'wait'
    ? { extraMs: action.time_ms }
    : action.type === 'page_tool'
      ? { extraMs: PAGE_TOOL_EXTRA_MS }
      : {};

/** The bridge's HTTP API (docs/SPEC.md sections 1 and 2), without listening. */
export function createApp(deps: AppDeps): Hono {
  const { link, version } = deps;
  const token = lazy(deps.token);
  const port = lazy(deps.port);
  const allowedOrigins = lazy(deps.allowedOrigins ?? []);
  const log = deps.log ?? ((message: string) => console.error(`[tabsight:bridge] ${message}`));
  // Not strict: Python clients of the hosted API call `/sessions/` with a trailing slash.
  const app = new Hono({ strict: false });
  const sessionId = (c: Context) => readPath(c, SessionPath).session_id;
  let openApi: Record<string, unknown> | null = null;
  const readUpload =
    deps.readFile ?? ((p: string) => readUploadFile(p, { uploadDir: null, forbidden: [] }));
  const sdk = createSdkEdge(log);
  const urlPolicy = deps.urlPolicy ?? { allowFileUrls: false };
  const checkUrl = (url: string | undefined) => {
    if (url !== undefined) {
      assertNavigable(url, urlPolicy);
    }
  };

  const execute = async (c: Context, action: Action) => {
    checkUrl(navigationUrlOf(action));
    const ready = await inlineUploadFile(action, readUpload);
    const result = await link.call(
      'page.execute',
      { session_id: sessionId(c), action: ready },
      executeCallOptions(ready),
    );
    return c.json(executeFor(result, sdk.profile(c)));
  };
  const session = (c: Context, method: 'session.get' | 'session.stop') =>
    link
      .call(method, { session_id: sessionId(c) })
      .then((s) => c.json(sessionFor(s, sdk.profile(c))));
  const list = async (c: Context) => {
    const { only_active, page, page_size } = readQuery(c, SessionListQuery);
    const sessions = await link.call('session.list', { only_active });
    const profile = sdk.profile(c);
    return c.json(pageOf(sessions, page, page_size).map((s) => sessionFor(s, profile)));
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

  // Unauthenticated by design: the client asks before it trusts this process with the token.
  app.get('/identity', (c) => {
    const { challenge } = readQuery(c, IdentityQuery);
    return c.json({ proof: identityProofOf(token(), port(), challenge) });
  });

  app.get('/openapi.json', (c) => c.json((openApi ??= buildOpenApi(version))));

  app.post('/sessions/start', async (c) => {
    const body = await sdk.start(c);
    checkUrl(body.url);
    return c.json(sessionFor(await link.call('session.start', body), sdk.profile(c)));
  });

  app.get('/sessions', list);

  app.get('/sessions/:session_id', (c) => session(c, 'session.get'));

  app.delete('/sessions/:session_id/stop', (c) => session(c, 'session.stop'));

  app.post('/sessions/:session_id/page/observe', async (c) => {
    const id = sessionId(c);
    const { request, profile } = await sdk.observe(c);
    checkUrl(request.url);
    const started_at = new Date().toISOString();
    const observation = observationFromLink(
      await link.call('page.observe', { session_id: id, request }),
    );
    const timing = { started_at, ended_at: new Date().toISOString() };
    return c.json(observationFor(observation, profile, timing));
  });

  app.post('/sessions/:session_id/page/execute', async (c) => execute(c, await sdk.execute(c)));

  app.post('/sessions/:session_id/page/step', async (c) =>
    execute(c, stepToAction(await sdk.step(c))),
  );

  app.post('/sessions/:session_id/page/scrape', async (c) => {
    const id = sessionId(c);
    const { request, goto, askedFormat } = await sdk.scrape(c);
    if (goto !== null) {
      const opened = await link.call('page.execute', { session_id: id, action: goto });
      if (!opened.success) {
        throw new HttpProblem(502, `scrape could not open url ${goto.url}: ${opened.message}`);
      }
    }
    const scrape = await link.call('page.scrape', { session_id: id, request });
    return c.json(scrapeFor(scrape, sdk.profile(c), askedFormat));
  });

  app.post('/sessions/:session_id/page/screenshot', async (c) => {
    const id = sessionId(c);
    await readJsonBody(c, z.strictObject({}));
    const { jpeg_base64 } = await link.call('page.screenshot', { session_id: id });
    return c.body(Buffer.from(jpeg_base64, 'base64'), 200, { 'Content-Type': 'image/jpeg' });
  });

  return app;
}
