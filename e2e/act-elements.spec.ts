import { expect, test } from './support/fixtures';
import { idOf, observePage, stateOf } from './support/act-helpers';

test.describe('element actions', () => {
  test('click, fill (controlled, contenteditable), check, select, upload change the page', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/act/form.html'), max_steps: 50 });
    let page = await observePage(client, session_id);

    const accept = await client.execute(session_id, { type: 'click', id: idOf(page, 'Accept') });
    expect(accept).toMatchObject({ success: true, exception: null });
    expect(accept.message).toMatch(/clicked button "Accept"/);

    const counter = idOf(page, 'Count');
    expect((await client.execute(session_id, { type: 'click', id: counter })).success).toBe(true);

    const fill = await client.execute(session_id, {
      type: 'fill',
      id: idOf(page, 'Controlled'),
      value: 'typed by the agent',
    });
    expect(fill).toMatchObject({ success: true });
    await client.execute(session_id, { type: 'fill', id: idOf(page, 'Email'), value: 'a@b.c' });
    await client.execute(session_id, {
      type: 'fill',
      id: idOf(page, 'Editor'),
      value: 'new rich text',
    });
    await client.execute(session_id, {
      type: 'fill',
      id: idOf(page, 'Notes'),
      value: ' more',
      clear_before_fill: false,
    });

    const news = idOf(page, 'Newsletter');
    expect(
      (await client.execute(session_id, { type: 'check', id: news, value: true })).message,
    ).toMatch(/^checked/);
    const again = await client.execute(session_id, { type: 'check', id: news, value: true });
    expect(again).toMatchObject({ success: true });
    expect(again.message).toMatch(/already checked; nothing to do/);
    await client.execute(session_id, { type: 'check', id: idOf(page, 'Pro'), value: true });
    await client.execute(session_id, { type: 'check', id: idOf(page, 'Dark mode'), value: true });

    const cabin = idOf(page, 'Cabin');
    const select = await client.execute(session_id, {
      type: 'select_dropdown_option',
      id: cabin,
      value: '  business CLASS ',
    });
    expect(select.message).toMatch(/selected "Business class"/);
    const reselect = await client.execute(session_id, {
      type: 'select_dropdown_option',
      id: cabin,
      value: 'biz',
    });
    expect(reselect.message).toMatch(/already selected/);
    const colour = await client.execute(session_id, {
      type: 'select_dropdown_option',
      id: idOf(page, 'Colour'),
      value: 'green',
    });
    expect(colour).toMatchObject({ success: true });

    const bytes = 'hello from a file\n';
    const upload = await client.execute(session_id, {
      type: 'upload_file',
      id: idOf(page, 'Attachment'),
      file: { name: 'note.txt', base64: Buffer.from(bytes).toString('base64') },
    });
    expect(upload).toMatchObject({ success: true });
    expect(upload.action).toMatchObject({ file: { name: 'note.txt', base64: '' } });

    page = await observePage(client, session_id);
    const state = stateOf(page);
    expect(state).toMatchObject({
      controlled: 'typed by the agent',
      email: 'a@b.c',
      editor: 'new rich text',
      notes: ' more',
      news: true,
      plan: 'pro',
      dark: 'true',
      cabin: 'biz',
      colour: 'Green',
      count: 1,
      file: 'note.txt: hello from a file\n',
    });
    // The click landed at the element's visible centre, through the real event path.
    expect(state.clickAt).toEqual([expect.any(Number), expect.any(Number), false]);
    expect(page.progress.current_step).toBe(14);
    await client.stop(session_id);
  });

  test('every failure says what to do next', async ({ client, site }) => {
    const { session_id } = await client.start({ url: site.url('/act/form.html'), max_steps: 50 });
    const page = await observePage(client, session_id);
    const run = (action: Parameters<typeof client.execute>[1]) =>
      client.execute(session_id, action).then((r) => {
        expect(r.success).toBe(false);
        return r.message;
      });

    expect(await run({ type: 'click', id: idOf(page, 'Hidden behind banner') })).toMatch(
      /is covered by div#modal "Accept cookies.*"; close or dismiss it first/,
    );
    expect(await run({ type: 'click', id: idOf(page, 'Pay') })).toMatch(
      /button "Pay" \(B\d+\) is disabled/,
    );
    expect(await run({ type: 'fill', id: idOf(page, 'Count'), value: 'x' })).toMatch(
      /is not editable/,
    );
    expect(
      await run({ type: 'select_dropdown_option', id: idOf(page, 'Cabin'), value: 'First' }),
    ).toMatch(/option "First" not found; options are: Economy, Business class/);
    expect(await run({ type: 'check', id: idOf(page, 'Basic'), value: false })).toMatch(
      /cannot be unchecked/,
    );
    expect(await run({ type: 'click', id: 'B999' })).toBe('element B999 is gone; observe again');
    expect(await run({ type: 'captcha_solve' })).toMatch(/captcha solving is not supported/);
    expect(await run({ type: 'press_key', key: 'Hyper+Q' })).toMatch(/unknown modifier/);

    // After navigating away, ids of the old page are gone.
    const next = idOf(page, 'Next page');
    await client.execute(session_id, { type: 'goto', url: site.url('/act/next.html') });
    expect(await run({ type: 'click', id: next })).toBe(`element ${next} is gone; observe again`);
    await client.stop(session_id);
  });

  test('a session at max_steps answers 409', async ({ client, site }) => {
    const { session_id } = await client.start({ url: site.url('/act/form.html'), max_steps: 1 });
    expect((await client.execute(session_id, { type: 'wait', time_ms: 1 })).success).toBe(true);
    await expect(client.execute(session_id, { type: 'wait', time_ms: 1 })).rejects.toMatchObject({
      status: 409,
    });
    await client.stop(session_id);
  });
});
