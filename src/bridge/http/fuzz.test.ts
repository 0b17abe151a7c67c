// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ErrorBody } from '@shared/schema/errors';
import { GENERATORS, createRng, pick, type FuzzCase } from './fuzz-cases';
import { KNOWN_SESSION, TEST_HOST, TEST_TOKEN, createTestApp } from '../testing/test-app';

/** Fixed, so a failure reproduces; change it to explore, then pin any case that broke. */
const SEED = 0x7ab5;
const CASES = 1000;
/** A stack frame (`at fn (file:1:2)`) or a source path must never reach a client. */
const LEAK_PATTERN = /\bat \S+ \(|node:internal|\.ts:\d+|\/src\/bridge\//;
/**
 * 1000 requests through the whole app take about a second on an idle machine and several on a
 * loaded one; this bound is for a hang, not a speed goal (vitest's default 5 s is not).
 */
const FUZZ_TIMEOUT_MS = 60_000;

function generate(count: number): FuzzCase[] {
  const rng = createRng(SEED);
  const kinds = Object.keys(GENERATORS);
  return Array.from({ length: count }, () => GENERATORS[pick(rng, kinds)]!(rng));
}

describe('fuzz: malformed requests across every route', () => {
  it(
    `answers ${CASES} generated bad requests with a 4xx error body, then still serves`,
    async () => {
      const { app } = createTestApp();
      const cases = generate(CASES);
      const failures: string[] = [];
      const byKind = new Map<string, Map<number, number>>();

      for (const c of cases) {
        const res = await app.request(c.path, {
          method: c.method,
          headers: c.headers,
          body: c.body,
        });
        const text = await res.text();
        const statuses = byKind.get(c.kind) ?? new Map<number, number>();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        byKind.set(c.kind, statuses);
        let body: unknown = null;
        try {
          body = JSON.parse(text);
        } catch {
          // Reported below: the body must be JSON.
        }
        const label = `${c.kind} ${c.method} ${c.path.slice(0, 80)} body=${(c.body ?? '').slice(0, 60)}`;
        if (!c.expected.includes(res.status)) {
          failures.push(
            `${label}: got ${res.status}, expected ${c.expected.join('|')}: ${text.slice(0, 200)}`,
          );
        } else if (!ErrorBody.safeParse(body).success) {
          failures.push(`${label}: not an error body: ${text.slice(0, 200)}`);
        } else if (LEAK_PATTERN.test(text)) {
          failures.push(`${label}: leaks internals: ${text.slice(0, 200)}`);
        }
      }

      expect(failures.slice(0, 20)).toEqual([]);
      // Every generator ran and every answer was a client error.
      expect([...byKind.keys()].sort()).toEqual(Object.keys(GENERATORS).sort());
      for (const statuses of byKind.values()) {
        for (const status of statuses.keys()) {
          expect(status).toBeGreaterThanOrEqual(400);
          expect(status).toBeLessThan(500);
        }
      }

      const headers = { host: TEST_HOST, authorization: `Bearer ${TEST_TOKEN}` };
      expect((await app.request('/sessions', { headers })).status).toBe(200);
      const observe = await app.request(`/sessions/${KNOWN_SESSION}/page/observe`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{"data": false}',
      });
      expect(observe.status).toBe(200);
    },
    FUZZ_TIMEOUT_MS,
  );

  it('is deterministic for a seed', () => {
    const strip = (cs: FuzzCase[]) =>
      cs.map((c) => `${c.method} ${c.path.length} ${c.body?.length}`);
    expect(strip(generate(50))).toEqual(strip(generate(50)));
  });
});
