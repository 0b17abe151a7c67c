// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { observationForLink, type BridgeMethod } from '@shared/protocol/bridge-link';
import { TabsightError, type ErrorCode } from '@shared/schema/errors';
import { API_ROUTES, honoPath } from './api-routes';
import { MAX_BODY_BYTES, createApp } from './app';
import type { ExtensionLink, LinkState } from '../native/extension-link';
import { HTTP_STATUS_BY_CODE } from './errors';
import {
  sampleExecute,
  sampleHello,
  sampleObservation,
  sampleSession,
} from '../testing/test-fixtures';

const PORT = 7410;
const TOKEN = 'test-token_abcdefghijklmnopqrstuvwxyz0123456789';
const EXTENSION_ORIGIN = `chrome-extension://${sampleHello.extension_id}`;

interface Call {
  method: BridgeMethod;
  params: unknown;
  extraMs?: number;
}

function createFakeLink() {
  const calls: Call[] = [];
  let state: LinkState = { connected: true, hello: sampleHello };
  let failure: Error | null = null;
  const answers: Partial<Record<BridgeMethod, (params: unknown) => unknown>> = {
    'session.start': () => sampleSession(),
    'session.list': () => [sampleSession()],
    'session.get': () => sampleSession(),
    'session.stop': () =>
      sampleSession({ status: 'closed', closed_at: '2026-11-28T12:01:00.000Z' }),
    'page.observe': () => observationForLink(sampleObservation()),
    'page.execute': (p) => sampleExecute((p as { action: never }).action),
    'page.scrape': () => ({
      markdown: '# Hi',
      images: [],
      structured: { success: true, error: null, data: null },
      session: sampleSession(),
    }),
    'page.screenshot': () => ({ jpeg_base64: Buffer.from([0xff, 0xd8, 0xff]).toString('base64') }),
  };
  const link: ExtensionLink = {
    call: (method, params, options) => {
      calls.push({ method, params, extraMs: options?.extraMs });
      if (failure) {
        return Promise.reject(failure);
      }
      // The fake answers with wire-valid samples, as the real link's schema check would ensure.
      return Promise.resolve(answers[method]?.(params) as never);
    },
    onFrame: () => {},
    close: () => {},
    state: () => state,
  };
  return {
    link,
    calls,
    fail: (error: Error) => void (failure = error),
    disconnect: (reason: string) => void (state = { connected: false, reason, hello: null }),
  };
}

let fake: ReturnType<typeof createFakeLink>;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  fake = createFakeLink();
  app = createApp({
    link: fake.link,
    token: TOKEN,
    port: PORT,
    version: '0.1.0',
    allowedOrigins: [EXTENSION_ORIGIN],
    log: () => {},
    readFile: (p) =>
      p === '/tmp/note.txt'
        ? Promise.resolve(new TextEncoder().encode('hi'))
        : Promise.reject(new Error('ENOENT')),
  });
});

interface Req {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  auth?: string | null;
}

function send(
  path: string,
  { method = 'GET', body, headers = {}, auth = `Bearer ${TOKEN}` }: Req = {},
) {
  const all: Record<string, string> = { host: `127.0.0.1:${PORT}`, ...headers };
  if (auth !== null) {
    all.authorization = auth;
  }
  let payload: string | undefined;
  if (body !== undefined) {
    payload = typeof body === 'string' ? body : JSON.stringify(body);
    all['content-type'] ??= 'application/json';
  }
  return app.request(path, { method, headers: all, body: payload });
}

const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

describe('routes (happy paths)', () => {
  it('POST /sessions/start with no body applies the defaults', async () => {
    const res = await send('/sessions/start', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual(sampleSession());
    expect(fake.calls[0]).toMatchObject({
      method: 'session.start',
      params: { timeout_minutes: 3 },
    });
  });

  it('POST /sessions/start forwards the body', async () => {
    const res = await send('/sessions/start', {
      method: 'POST',
      body: { url: 'https://example.test/', attach: 'active_tab', headless: true },
    });
    expect(res.status).toBe(200);
    expect(fake.calls[0]?.params).toMatchObject({
      url: 'https://example.test/',
      attach: 'active_tab',
    });
  });

  it('GET /sessions defaults only_active to true and accepts false', async () => {
    expect((await send('/sessions')).status).toBe(200);
    await send('/sessions?only_active=false');
    expect(fake.calls.map((c) => c.params)).toEqual([
      { only_active: true },
      { only_active: false },
    ]);
  });

  it('GET /sessions/:id and DELETE /sessions/:id/stop', async () => {
    const got = await send('/sessions/sess_abc123');
    expect(got.status).toBe(200);
    const stopped = await send('/sessions/sess_abc123/stop', { method: 'DELETE' });
    expect(await json(stopped)).toMatchObject({ status: 'closed' });
    expect(fake.calls.map((c) => [c.method, c.params])).toEqual([
      ['session.get', { session_id: 'sess_abc123' }],
      ['session.stop', { session_id: 'sess_abc123' }],
    ]);
  });

  it('POST /page/observe with an empty body uses the defaults', async () => {
    const res = await send('/sessions/s1/page/observe', { method: 'POST', body: '' });
    expect(res.status).toBe(200);
    expect(Object.keys(await json(res))).toEqual([
      'metadata',
      'screenshot',
      'space',
      'data',
      'progress',
      'session',
    ]);
    expect(fake.calls[0]?.params).toMatchObject({
      session_id: 's1',
      request: { max_nb_actions: 100, scope: 'viewport', data: true },
    });
  });

  it('POST /page/execute forwards the action; a wait extends the timeout', async () => {
    const res = await send('/sessions/s1/page/execute', {
      method: 'POST',
      body: { type: 'fill', id: 'I2', value: 'hello' },
    });
    expect(res.status).toBe(200);
    expect(fake.calls[0]?.params).toEqual({
      session_id: 's1',
      action: { type: 'fill', id: 'I2', value: 'hello', clear_before_fill: true },
    });
    await send('/sessions/s1/page/execute', {
      method: 'POST',
      body: { type: 'wait', time_ms: 20_000 },
    });
    expect(fake.calls[1]?.extraMs).toBe(20_000);
  });

  it.each([
    [
      { type: 'step', action_id: 'B3' },
      { type: 'click', id: 'B3' },
    ],
    [
      { type: 'step', action_id: 'B4', value: true },
      { type: 'check', id: 'B4', value: true },
    ],
    [
      { type: 'step', action_id: 'I1', value: 'x', enter: true },
      { type: 'fill', id: 'I1', value: 'x', clear_before_fill: true, press_enter: true },
    ],
    [{ action: { type: 'go_back' } }, { type: 'go_back' }],
  ])('POST /page/step %j', async (body, action) => {
    const res = await send('/sessions/s1/page/step', { method: 'POST', body });
    expect(res.status).toBe(200);
    expect(fake.calls[0]).toMatchObject({ method: 'page.execute', params: { action } });
  });

  it('POST /page/scrape', async () => {
    const res = await send('/sessions/s1/page/scrape', {
      method: 'POST',
      body: { selector: 'main' },
    });
    expect(await json(res)).toMatchObject({ markdown: '# Hi' });
    expect(fake.calls[0]?.params).toMatchObject({
      request: { selector: 'main', only_main_content: true },
    });
  });

  it('POST /page/screenshot answers JPEG bytes', async () => {
    const res = await send('/sessions/s1/page/screenshot', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff]);
  });
});

describe('front door', () => {
  it.each([
    ['missing', null],
    ['wrong', 'Bearer nope'],
    ['wrong scheme', `Basic ${TOKEN}`],
    ['token of another length', `Bearer ${TOKEN}x`],
  ])('401 with WWW-Authenticate when the token is %s', async (_name, auth) => {
    const res = await send('/sessions', { auth });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await json(res)).toMatchObject({ message: expect.any(String) as string, detail: null });
    expect(fake.calls).toEqual([]);
  });

  it('guards /openapi.json and unknown routes with the token too', async () => {
    expect((await send('/openapi.json', { auth: null })).status).toBe(401);
    expect((await send('/nope', { auth: null })).status).toBe(401);
  });

  it.each(['127.0.0.1', 'localhost', '[::1]'])('accepts Host %s:PORT', async (host) => {
    const res = await send('/health', { headers: { host: `${host}:${PORT}` } });
    expect(res.status).toBe(200);
  });

  it.each([`evil.test:${PORT}`, '127.0.0.1:9999', '127.0.0.1', ''])(
    'refuses Host "%s" (DNS rebinding) with 403',
    async (host) => {
      const res = await send('/health', { headers: { host } });
      expect(res.status).toBe(403);
      expect((await json(res)).message).toMatch(/DNS-rebinding/);
    },
  );

  it('refuses a web page Origin and allows the extension origin', async () => {
    const page = await send('/sessions', { headers: { origin: 'https://example.com' } });
    expect(page.status).toBe(403);
    const opaque = await send('/sessions', { headers: { origin: 'null' } });
    expect(opaque.status).toBe(403);
    const ext = await send('/sessions', { headers: { origin: EXTENSION_ORIGIN } });
    expect(ext.status).toBe(200);
  });

  it('never sends CORS headers, even on a preflight', async () => {
    const responses = [
      await send('/sessions', { headers: { origin: EXTENSION_ORIGIN } }),
      await send('/sessions', { method: 'OPTIONS', headers: { origin: 'https://example.com' } }),
      await send('/health'),
    ];
    for (const res of responses) {
      const cors = [...res.headers.keys()].filter((k) => k.startsWith('access-control-'));
      expect(cors).toEqual([]);
    }
  });

  it('413 for a body over 1 MiB', async () => {
    const big = JSON.stringify({ type: 'fill', id: 'I1', value: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await send('/sessions/s1/page/execute', { method: 'POST', body: big });
    expect(res.status).toBe(413);
    expect(fake.calls).toEqual([]);
  });

  it('415 for a non-JSON body', async () => {
    const res = await send('/sessions/start', {
      method: 'POST',
      body: 'timeout_minutes=5',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect((await json(res)).message).toMatch(/application\/json/);
  });

  it('404 with the error body for an unknown route', async () => {
    const res = await send('/nope');
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({
      message: 'no route GET /nope; GET /openapi.json lists the routes',
      detail: null,
    });
  });
});

describe('validation', () => {
  it('422 for an unknown key, with loc in the body', async () => {
    const res = await send('/sessions/s1/page/observe', { method: 'POST', body: { bogus: 1 } });
    expect(res.status).toBe(422);
    expect((await json(res)).detail).toEqual([
      { loc: ['body', 'bogus'], msg: 'unknown key "bogus"', type: 'extra_forbidden' },
    ]);
  });

  it('422 for a wrong type', async () => {
    const res = await send('/sessions/start', { method: 'POST', body: { timeout_minutes: 'x' } });
    expect(res.status).toBe(422);
    const [issue] = (await json(res)).detail as { loc: unknown[]; type: string }[];
    expect(issue).toMatchObject({ loc: ['body', 'timeout_minutes'], type: 'invalid_type' });
  });

  it('422 for an unknown query key and a bad query value', async () => {
    const res = await send('/sessions?only_active=maybe&x=1');
    expect(res.status).toBe(422);
    const locs = ((await json(res)).detail as { loc: unknown[] }[]).map((d) => d.loc);
    expect(locs).toEqual(
      expect.arrayContaining([
        ['query', 'only_active'],
        ['query', 'x'],
      ]),
    );
  });

  it('422 for an invalid action and for malformed JSON', async () => {
    const bad = await send('/sessions/s1/page/execute', { method: 'POST', body: { type: 'fly' } });
    expect(bad.status).toBe(422);
    const broken = await send('/sessions/s1/page/execute', { method: 'POST', body: '{"type":' });
    expect(broken.status).toBe(422);
    expect((await json(broken)).detail).toMatchObject([{ loc: ['body'], type: 'json_invalid' }]);
  });
});

describe('errors from the extension', () => {
  it.each(Object.entries(HTTP_STATUS_BY_CODE))('%s → %i', async (code, status) => {
    fake.fail(new TabsightError(code as ErrorCode, `failed with ${code}`, 'a hint'));
    const res = await send('/sessions/s1');
    expect(res.status).toBe(status);
    expect(await json(res)).toEqual({
      message: `failed with ${code}`,
      detail: { code, hint: 'a hint', retryable: false },
    });
  });

  it('500 never leaks a stack', async () => {
    fake.fail(new Error('secret /home/user/path at Object.<anonymous>'));
    const res = await send('/sessions/s1');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/secret|anonymous|at /);
  });

  it('503 with what to do while the extension is not connected', async () => {
    fake.fail(
      new TabsightError(
        'extension-not-connected',
        'The Tabsight extension is not connected: run `npm start`',
      ),
    );
    const res = await send('/sessions/start', { method: 'POST' });
    expect(res.status).toBe(503);
    expect((await json(res)).message).toMatch(/npm start/);
  });

  it('504 when the tab does not answer', async () => {
    fake.fail(
      new TabsightError('timeout', 'the browser did not answer page.observe within 15000 ms'),
    );
    expect((await send('/sessions/s1/page/observe', { method: 'POST' })).status).toBe(504);
  });
});

describe('GET /health', () => {
  it('answers without a token, and says why only with one', async () => {
    fake.disconnect('waiting for hello');
    const anonymous = await json(await send('/health', { auth: null }));
    expect(anonymous).toEqual({
      status: 'degraded',
      version: '0.1.0',
      protocol_version: '2.0.0',
      extension: { connected: false, id: null, version: null },
    });
    const authorized = await json(await send('/health'));
    expect(authorized.reason).toBe('waiting for hello');
  });

  it('reports the connected extension', async () => {
    const health = await json(await send('/health', { auth: null }));
    expect(health).toMatchObject({
      status: 'ok',
      extension: { connected: true, id: sampleHello.extension_id, version: '0.1.0' },
    });
  });
});

describe('GET /openapi.json', () => {
  type Doc = {
    openapi: string;
    paths: Record<string, Record<string, { responses: object; security: unknown[] }>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };

  it('is an OpenAPI 3.1 document whose $refs all resolve', async () => {
    const res = await send('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer' });
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const name = /#\/components\/schemas\/(\w+)/.exec(ref)?.[1] ?? '';
      expect(doc.components.schemas, ref).toHaveProperty(name);
    }
    expect(doc.paths['/health']?.get?.security).toEqual([]);
    expect(doc.paths['/sessions/start']?.post?.security).toEqual([{ bearerAuth: [] }]);
  });

  it('lists every route the app serves, and only those', async () => {
    const doc = (await (await send('/openapi.json')).json()) as Doc;
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${honoPath(path)}`))
      .sort();
    const served = app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(documented).toEqual(served);
    expect(documented).toHaveLength(API_ROUTES.length);
  });
});

describe('URL policy at the bridge edge', () => {
  const refused = [
    ['/sessions/start', { url: 'file:///etc/passwd' }],
    ['/sessions/s1/page/observe', { url: 'file:///' }],
    ['/sessions/s1/page/execute', { type: 'goto', url: 'chrome://settings' }],
    ['/sessions/s1/page/execute', { type: 'goto_new_tab', url: 'view-source:http://a.test/' }],
    ['/sessions/s1/page/step', { action: { type: 'goto', url: 'javascript:alert(1)' } }],
  ] as const;

  it.each(refused)('POST %s %j is a 422 that never reaches the browser', async (path, body) => {
    const res = await send(path, { method: 'POST', body });
    expect(res.status).toBe(422);
    expect(await json(res)).toMatchObject({ detail: { code: 'restricted-url' } });
    expect(fake.calls).toEqual([]);
  });

  it('lets http pages through', async () => {
    const res = await send('/sessions/s1/page/execute', {
      method: 'POST',
      body: { type: 'goto', url: 'http://shop.test/' },
    });
    expect(res.status).toBe(200);
    expect(fake.calls.map((c) => c.method)).toEqual(['page.execute']);
  });
});
