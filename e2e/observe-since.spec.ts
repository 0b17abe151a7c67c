import type { Observation } from '../src/shared/schema/observation';
import { BridgeHttpError } from '../src/client';
import { expect, test } from './support/fixtures';

/** A small seeded generator, so a failing sequence of edits can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const descriptions = (o: Observation) =>
  new Map(o.space.interaction_actions.map((a) => [a.id, a.description]));
const lines = (o: Observation) =>
  (o.data?.markdown ?? '').split('\n').filter((line) => line.trim() !== '');

/** Lines of b not matched by a line of a, with repeats counted. */
function linesNotIn(b: string[], a: string[]): string[] {
  const left = new Map<string, number>();
  a.forEach((line) => left.set(line, (left.get(line) ?? 0) + 1));
  return b.filter((line) => {
    const n = left.get(line) ?? 0;
    left.set(line, n - 1);
    return n <= 0;
  });
}

test.describe('observe since: only what changed', () => {
  test('a page that did not change answers "unchanged", with nothing listed', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/act/since.html') });
    const first = await client.observe(session_id, { scope: 'page' });
    expect(first.observation_id).toMatch(/^o_[0-9a-f]{16}$/);
    const again = await client.observe(session_id, {
      scope: 'page',
      since: first.observation_id,
    });
    expect(again.delta).toMatchObject({
      full: false,
      summary: `unchanged since ${first.observation_id}`,
      added: [],
      removed: [],
      changed: [],
      unchanged: first.space.interaction_actions.length,
      text_appeared: [],
      text_disappeared: [],
    });
    expect(again.space.interaction_actions).toEqual([]);
    expect(again.observation_id).not.toBe(first.observation_id);
    await client.stop(session_id);
  });

  test('since answers equal the difference of two whole observations, over random edits', async ({
    client,
    site,
    ext,
  }) => {
    const url = site.url('/act/since.html');
    const { session_id } = await client.start({ url });
    // The session's window reaches Playwright's page list a moment after sessions/start answers.
    await expect.poll(() => ext.context.pages().some((p) => p.url() === url)).toBe(true);
    const page = ext.context.pages().find((p) => p.url() === url)!;
    const random = prng(20261203);
    let before = await client.observe(session_id, { scope: 'page' });
    const seen = { added: 0, removed: 0, changed: 0, text_appeared: 0, text_disappeared: 0 };
    for (let round = 0; round < 8; round += 1) {
      const edits = 1 + Math.floor(random() * 2);
      for (let e = 0; e < edits; e += 1) {
        await page.evaluate(
          ([kind, pick]) => {
            const rows = [...document.querySelectorAll('#rows li')];
            const row = rows[Math.floor(pick * rows.length)];
            const n = Math.floor(pick * 1000);
            if (kind < 0.3 || !row) {
              const li = document.createElement('li');
              li.innerHTML = `<a href="#n${n}">New message ${n}</a> <button type="button">Archive new ${n}</button>`;
              document.getElementById('rows')!.append(li);
            } else if (kind < 0.5) {
              row.remove();
            } else if (kind < 0.7) {
              row.querySelector('a')!.textContent = `Renamed message ${n}`;
            } else if (kind < 0.85) {
              const p = document.createElement('p');
              p.textContent = `A note that appeared (${n}).`;
              document.body.append(p);
            } else {
              document.querySelector('body > p:last-of-type')?.remove();
            }
          },
          [random(), random()] as const,
        );
      }
      const since = await client.observe(session_id, {
        scope: 'page',
        since: before.observation_id,
      });
      const after = await client.observe(session_id, { scope: 'page' });
      const [was, now] = [descriptions(before), descriptions(after)];
      const delta = since.delta!;
      expect(delta.full, delta.reason ?? '').toBe(false);
      expect(delta.added).toEqual(
        [...now].filter(([id]) => !was.has(id)).map(([id, description]) => ({ id, description })),
      );
      expect(delta.removed).toEqual(
        [...was].filter(([id]) => !now.has(id)).map(([id, description]) => ({ id, description })),
      );
      expect(delta.changed).toEqual(
        [...now]
          .filter(([id, d]) => was.has(id) && was.get(id) !== d)
          .map(([id, to]) => ({ id, from: was.get(id), to })),
      );
      expect(delta.text_appeared).toEqual(linesNotIn(lines(after), lines(before)));
      expect(delta.text_disappeared).toEqual(linesNotIn(lines(before), lines(after)));
      expect(since.space.interaction_actions.map((a) => a.id).sort()).toEqual(
        [...delta.added, ...delta.changed].map((a) => a.id).sort(),
      );
      for (const key of Object.keys(seen) as (keyof typeof seen)[]) {
        seen[key] += delta[key].length;
      }
      before = after;
    }
    // The edits exercised every kind of change the delta reports.
    expect(
      Object.values(seen).every((n) => n > 0),
      JSON.stringify(seen),
    ).toBe(true);
    await client.stop(session_id);
  });

  test('a new document is answered whole, and says why', async ({ client, site }) => {
    const { session_id } = await client.start({ url: site.url('/act/since.html') });
    const first = await client.observe(session_id, { scope: 'page' });
    await client.execute(session_id, { type: 'reload' });
    const after = await client.observe(session_id, { scope: 'page', since: first.observation_id });
    expect(after.delta).toMatchObject({
      full: true,
      reason: expect.stringMatching(/new document/),
    });
    expect(after.space.interaction_actions.length).toBe(first.space.interaction_actions.length);
    const unknown = await client.observe(session_id, { since: 'o_0000000000000000' });
    expect(unknown.delta).toMatchObject({ full: true, reason: expect.stringMatching(/no such/) });
    await client.stop(session_id);
  });

  test('a since that is not an observation id is refused with what to send', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/act/since.html') });
    const refused = await client.observe(session_id, { since: 'latest' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BridgeHttpError);
    expect((refused as BridgeHttpError).status).toBe(422);
    expect(JSON.stringify((refused as BridgeHttpError).body)).toContain(
      'since takes the observation_id of an earlier observe answer',
    );
    await client.stop(session_id);
  });
});
