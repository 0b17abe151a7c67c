import { BridgeHttpError } from '../src/client';
import { expect, test } from './support/fixtures';

test.describe('observe max_tokens: a budget', () => {
  test('keeps the best-ranked elements, says what it left out, and the ids stay valid', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/loop/app.html') });
    const whole = await client.observe(session_id, { scope: 'page' });
    const cut = await client.observe(session_id, { scope: 'page', max_tokens: 100 });
    const kept = cut.space.interaction_actions;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(whole.space.interaction_actions.length);
    // The same ranking as the whole answer, cut: viewport first, then page order.
    expect(kept).toEqual(whole.space.interaction_actions.slice(0, kept.length));
    expect(cut.budget).toMatchObject({
      max_tokens: 100,
      elements_left_out: whole.space.interaction_actions.length - kept.length,
    });
    expect(cut.space.description).toMatch(/\[cut to max_tokens 100: left out \d+ of \d+ elements/);
    // An id from the cut answer acts as any other.
    const first = kept.find((a) => a.type === 'click')!;
    const clicked = await client.execute(session_id, { type: 'click', id: first.id });
    expect(clicked.success).toBe(true);
    const roomy = await client.observe(session_id, { scope: 'page', max_tokens: 100_000 });
    expect(roomy.budget).toBeUndefined();
    await client.stop(session_id);
  });

  test('a budget too small for any page is refused with the least it takes', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/loop/app.html') });
    const refused = await client.observe(session_id, { max_tokens: 5 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BridgeHttpError);
    expect((refused as BridgeHttpError).status).toBe(422);
    expect(JSON.stringify((refused as BridgeHttpError).body)).toContain('ask at least 100');
    await client.stop(session_id);
  });

  test('cursor: following the pages of a cut capture yields every element once, with ids that act', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/loop/app.html') });
    const whole = await client.observe(session_id, { scope: 'page' });
    const first = await client.observe(session_id, { scope: 'page', max_tokens: 100 });
    expect(first.budget?.cursor).toMatch(/^c_[0-9a-f]{16}$/);
    expect(first.space.description).toContain(`observe {"cursor": "${first.budget!.cursor!}"}`);
    const pages = [first];
    while (pages.at(-1)!.budget?.cursor && pages.length < 200) {
      pages.push(await client.observe(session_id, { cursor: pages.at(-1)!.budget!.cursor! }));
    }
    const last = pages.at(-1)!;
    expect(last.budget).toMatchObject({ elements_left_out: 0, content_lines_left_out: 0 });
    expect(last.budget?.cursor).toBeUndefined();
    expect(pages.length).toBeGreaterThan(2);
    // Every element of the whole observation, exactly once, with the same ids, in order.
    expect(pages.flatMap((p) => p.space.interaction_actions.map((a) => a.id))).toEqual(
      whole.space.interaction_actions.map((a) => a.id),
    );
    const second = pages[1]!;
    expect(second.observation_id).toBe(first.observation_id);
    expect(second.budget?.part).toBe(2);
    expect(second.space.description.split('\n')[0]).toContain(
      `[part 2 of the capture ${first.observation_id!} taken at ${first.metadata.timestamp}: the page may have changed since`,
    );
    // An id from page 2 acts as any other.
    const later = pages.slice(1).flatMap((p) => p.space.interaction_actions);
    const target = later.find((a) => a.type === 'click') ?? later[0]!;
    const done = await client.execute(session_id, {
      type: target.type === 'fill' ? 'fill' : 'click',
      id: target.id,
      ...(target.type === 'fill' ? { value: 'x' } : {}),
    } as Parameters<typeof client.execute>[1]);
    expect(done.success).toBe(true);
    await client.stop(session_id);
  });

  test('an unknown cursor, or one with since or url, is a 422 that says what to do', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/loop/app.html') });
    const refusal = (body: Parameters<typeof client.observe>[1]) =>
      client.observe(session_id, body).then(
        () => null,
        (e: unknown) => e as BridgeHttpError,
      );
    const unknown = await refusal({ cursor: 'c_0123456789abcdef' });
    expect(unknown?.status).toBe(422);
    expect(JSON.stringify(unknown?.body)).toContain('observe again');
    const malformed = await refusal({ cursor: 'next' });
    expect(malformed?.status).toBe(422);
    expect(JSON.stringify(malformed?.body)).toContain('budget.cursor');
    const cut = await client.observe(session_id, { scope: 'page', max_tokens: 100 });
    const cursor = cut.budget!.cursor!;
    const withSince = await refusal({ cursor, since: cut.observation_id! });
    expect(withSince?.status).toBe(422);
    expect(JSON.stringify(withSince?.body)).toContain('cannot be asked with since');
    const withUrl = await refusal({ cursor, url: site.url('/loop/app.html') });
    expect(withUrl?.status).toBe(422);
    // A cursor is its session's own: another session cannot read that capture with it.
    const other = await client.start({ url: site.url('/loop/app.html') });
    const foreign = await client.observe(other.session_id, { cursor }).then(
      () => null,
      (e: unknown) => e as BridgeHttpError,
    );
    expect(foreign?.status).toBe(422);
    await client.stop(other.session_id);
    // The refusals used nothing up: the cursor still answers.
    expect((await client.observe(session_id, { cursor })).budget?.part).toBe(2);
    await client.stop(session_id);
  });
});
