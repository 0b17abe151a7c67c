import { API_ROUTES, isPublicRoute, type ApiRoute } from './api-routes';
import { KNOWN_SESSION, TEST_HOST, TEST_TOKEN } from '../testing/test-app';

/** Test-only: generators of malformed requests for fuzz.test.ts, driven by a seeded PRNG. */
export type Rng = () => number;

/** mulberry32: tiny, fast, and the same sequence for a seed on every machine. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

export interface FuzzCase {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Statuses this case may get; all are 4xx. */
  expected: readonly number[];
}

/** One MiB, the body limit (MAX_BODY_BYTES). */
const MIB = 1024 * 1024;
const HUGE_UNDER_LIMIT_CHARS = [2_001, 10_000, 200_000, MIB - 1_000];

const withPath = (route: ApiRoute, id: string) => route.path.replace('{session_id}', id);
const bodyRoutes = API_ROUTES.filter((r) => r.method === 'post');
const sessionRoutes = API_ROUTES.filter((r) => r.path.includes('{session_id}'));

const goodHeaders = (): Record<string, string> => ({
  host: TEST_HOST,
  authorization: `Bearer ${TEST_TOKEN}`,
  'content-type': 'application/json',
});

/** A request that would succeed, for the generators to break one thing of. */
const baseCase = (rng: Rng, kind: string, routes: readonly ApiRoute[] = bodyRoutes): FuzzCase => {
  const route = pick(rng, routes);
  return {
    kind,
    method: route.method.toUpperCase(),
    path: withPath(route, KNOWN_SESSION),
    headers: goodHeaders(),
    expected: [422],
  };
};

const randomText = (rng: Rng, length: number): string => {
  const alphabet = [
    'a',
    'Z',
    '0',
    ' ',
    '"',
    '\\',
    '{',
    '\u00e9',
    '\u4e2d',
    '\u{1f600}',
    '\u202e',
    '\n',
  ];
  return Array.from({ length }, () => pick(rng, alphabet)).join('');
};

const BROKEN_JSON = [
  '{',
  '{"url":',
  "{'url': 'x'}",
  '{"type":"click",}',
  'nul',
  '[1, 2',
  '{"a":1}}',
  '\u0000',
  '{"type": "click" "id": "B1"}',
  'undefined',
  '{"x": NaN}',
];

/** Values of the wrong type or out of range for each body schema: never valid by chance. */
const WRONG_BODIES: Record<string, readonly unknown[]> = {
  '/sessions/start': [
    { timeout_minutes: 'soon' },
    { timeout_minutes: 0 },
    { timeout_minutes: 1.5 },
    { max_steps: -1 },
    { url: 'not a url' },
    { attach: 'popup' },
    { viewport_width: 10 },
    { chrome_args: 'x' },
  ],
  '/sessions/{session_id}/page/observe': [
    { max_nb_actions: 0 },
    { scope: 'all' },
    { screenshot: 'yes' },
    { data: 1 },
    { url: 42 },
    { perception_type: 'slow' },
  ],
  '/sessions/{session_id}/page/execute': [
    { type: 'click', id: 5 },
    { type: 'fly' },
    { type: 'fill', id: 'B1' },
    { type: 'wait', time_ms: 99_999 },
    { type: 'check', id: 'X1', value: true },
    { id: 'B1' },
    { type: 'goto', url: 'javascript' },
  ],
  '/sessions/{session_id}/page/step': [
    { type: 'step', action_id: 'X1' },
    { type: 'step' },
    { action: { type: 'nope' } },
    { type: 'step', action_id: 'B1', value: 3 },
  ],
  '/sessions/{session_id}/page/scrape': [
    { only_main_content: 'no' },
    { selector: 5 },
    { scrape_images: 'none' },
  ],
  '/sessions/{session_id}/page/screenshot': [{ quality: 50 }, { full_page: true }],
};
const NON_OBJECTS = ['42', '"text"', '[]', 'null', 'true', '[{"type":"click","id":"B1"}]'];

const ODD_IDS = [
  '%C3%A9t%C3%A9',
  '%F0%9F%98%80',
  '%E2%80%AE',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '..%5C..%5Cwindows',
  '%00',
  '%0d%0aSet-Cookie:%20x',
  '%20',
  '%25',
  '%E0%A4%A',
  '<script>',
  "'%20OR%201=1",
];

type Generator = (rng: Rng) => FuzzCase;

export const GENERATORS: Record<string, Generator> = {
  badJson: (rng) => ({ ...baseCase(rng, 'badJson'), body: pick(rng, BROKEN_JSON) }),

  wrongTypes: (rng) => {
    const c = baseCase(rng, 'wrongTypes');
    const route = bodyRoutes.find((r) => withPath(r, KNOWN_SESSION) === c.path)!;
    const body =
      rng() < 0.25 ? pick(rng, NON_OBJECTS) : JSON.stringify(pick(rng, WRONG_BODIES[route.path]!));
    return { ...c, body };
  },

  unknownKeys: (rng) => {
    if (rng() < 0.2) {
      const key = encodeURIComponent(randomText(rng, int(rng, 1, 12)));
      return { ...baseCase(rng, 'unknownKeys'), method: 'GET', path: `/sessions?x${key}=1` };
    }
    const key = `x_${randomText(rng, int(rng, 1, 20))}`;
    return { ...baseCase(rng, 'unknownKeys'), body: JSON.stringify({ [key]: randomText(rng, 5) }) };
  },

  hugeStrings: (rng) => {
    const c = baseCase(rng, 'hugeStrings');
    if (rng() < 0.1) {
      // Over the limit: refused before anything parses it.
      return {
        ...c,
        body: JSON.stringify({ url: 'x'.repeat(MIB + int(rng, 1, 4096)) }),
        expected: [413],
      };
    }
    const huge = 'y'.repeat(pick(rng, HUGE_UNDER_LIMIT_CHARS));
    const shapes = [
      { instructions: huge },
      { [`k${huge.slice(0, 3000)}`]: 1 },
      { type: huge },
      { selector: huge },
    ];
    const id = rng() < 0.2 ? huge.slice(0, int(rng, 201, 20_000)) : KNOWN_SESSION;
    return {
      ...c,
      path: c.path.replace(KNOWN_SESSION, id),
      body: JSON.stringify(pick(rng, shapes)),
    };
  },

  oddIds: (rng) => {
    const route = pick(rng, sessionRoutes);
    const id = rng() < 0.2 ? 'z'.repeat(int(rng, 201, 50_000)) : pick(rng, ODD_IDS);
    return {
      kind: 'oddIds',
      method: route.method.toUpperCase(),
      path: withPath(route, id),
      headers: goodHeaders(),
      body: route.method === 'post' ? '{}' : undefined,
      // 404: the extension has no such session; 422: the id is over 200 characters.
      expected: [404, 422],
    };
  },

  wrongMethods: (rng) => {
    const route = pick(rng, API_ROUTES);
    const served = API_ROUTES.filter((r) => r.path === route.path).map((r) =>
      r.method.toUpperCase(),
    );
    const method = pick(
      rng,
      ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].filter((m) => !served.includes(m)),
    );
    return {
      kind: 'wrongMethods',
      method,
      path: withPath(route, KNOWN_SESSION),
      headers: goodHeaders(),
      body: method === 'GET' ? undefined : '{}',
      expected: [404],
    };
  },

  oddHeaders: (rng) => {
    const c = { ...baseCase(rng, 'oddHeaders', API_ROUTES), body: undefined as string | undefined };
    if (c.method !== 'GET') {
      c.body = '{}';
    }
    const variants: Array<[(h: Record<string, string>) => void, number[]]> = [
      [(h) => delete h.authorization, [401]],
      [(h) => (h.authorization = `Basic ${TEST_TOKEN}`), [401]],
      [(h) => (h.authorization = `Bearer ${TEST_TOKEN}x`), [401]],
      [(h) => (h.authorization = 'Bearer'), [401]],
      [(h) => (h.authorization = `bearer\t${TEST_TOKEN}`), [401]],
      [(h) => delete h.host, [403]],
      [
        (h) =>
          (h.host = pick(rng, [
            'evil.example',
            '127.0.0.1:1',
            'localhost',
            '127.0.0.1.nip.io:7410',
          ])),
        [403],
      ],
      [
        (h) => (h.origin = pick(rng, ['https://evil.example', 'null', 'chrome-extension://other'])),
        [403],
      ],
    ];
    // Only POST routes read a body; DELETE /stop ignores one, as HTTP gives it no meaning.
    if (c.method === 'POST') {
      variants.push([
        (h) =>
          (h['content-type'] = pick(rng, [
            'text/plain',
            'application/xml',
            'multipart/form-data',
            '',
          ])),
        [415],
      ]);
    }
    const [mutate, expected] = pick(rng, variants);
    // Public routes (/health, /identity): only Host and Origin apply to them.
    if (isPublicRoute(c.method, c.path) && expected[0] === 401) {
      return { ...c, headers: { ...c.headers, origin: 'https://evil.example' }, expected: [403] };
    }
    mutate(c.headers);
    return { ...c, expected };
  },
};
