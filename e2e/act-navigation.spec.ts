import { expect, test } from './support/fixtures';
import { idOf, observePage } from './support/act-helpers';

test.describe('navigation, keys and tabs', () => {
  test('a link click lands on the new page, fill with press_enter submits', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/act/form.html'), max_steps: 50 });
    let page = await observePage(client, session_id);
    const click = await client.execute(session_id, { type: 'click', id: idOf(page, 'Next page') });
    expect(click.success).toBe(true);
    page = await client.observe(session_id);
    expect(page.metadata.title).toBe('Next page');

    const back = await client.execute(session_id, { type: 'go_back' });
    expect(back, back.message).toMatchObject({ success: true });
    page = await observePage(client, session_id);
    expect(page.metadata.title).toBe('Act fixture');
    expect((await client.execute(session_id, { type: 'go_forward' })).success).toBe(true);
    expect((await client.observe(session_id)).metadata.title).toBe('Next page');
    await client.execute(session_id, { type: 'go_back' });

    page = await observePage(client, session_id);
    const submit = await client.execute(session_id, {
      type: 'fill',
      id: idOf(page, 'Query'),
      value: 'flights',
      press_enter: true,
    });
    expect(submit.message).toMatch(/pressed Enter \(submitted the form\)/);
    page = await client.observe(session_id);
    expect(page.metadata.url).toBe(site.url('/act/next.html?q=flights'));
    expect(page.data?.markdown).toContain('Query: flights');

    expect((await client.execute(session_id, { type: 'reload' })).success).toBe(true);
    expect((await client.observe(session_id)).data?.markdown).toContain('Query: flights');
    await client.stop(session_id);
  });

  test('press_key, scroll, scrape and form_fill', async ({ client, site }) => {
    const { session_id } = await client.start({ url: site.url('/act/form.html'), max_steps: 50 });
    let page = await observePage(client, session_id);
    await client.execute(session_id, { type: 'click', id: idOf(page, 'Accept') });
    await client.execute(session_id, { type: 'fill', id: idOf(page, 'Controlled'), value: 'ab' });
    const key = await client.execute(session_id, { type: 'press_key', key: 'Backspace' });
    expect(key.message).toMatch(/pressed Backspace on textbox "Controlled" \(deleted\)/);
    await client.execute(session_id, { type: 'press_key', key: 'Control+A' });
    await client.execute(session_id, { type: 'press_key', key: 'z' });
    page = await observePage(client, session_id);
    expect(page.data?.markdown).toMatch(/Backspace:8 Control\+a:65 z:90/);
    expect(page.data?.markdown).toContain('"controlled":"z"');

    const down = await client.execute(session_id, { type: 'scroll_down', amount: 500 });
    expect(down.message).toMatch(/scrolled down 500 px/);
    expect((await client.observe(session_id)).metadata.viewport.scroll_y).toBe(500);
    const up = await client.execute(session_id, { type: 'scroll_up', amount: null });
    expect(up.message).toMatch(/scrolled up 500 px/);

    const scrape = await client.execute(session_id, { type: 'scrape', instructions: 'bottom' });
    expect(scrape.data?.markdown).toContain('Bottom of the page');
    // Blocks that do not mention a keyword are left out; the heading above a match stays.
    expect(scrape.data?.markdown).not.toContain('State:');

    const filled = await client.execute(session_id, {
      type: 'form_fill',
      value: { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', fax: '1' },
    });
    expect(filled.success).toBe(true);
    expect(filled.message).toMatch(/email → textbox "Email"/);
    expect(filled.message).toMatch(/first_name → textbox "First name"/);
    expect(filled.message).toMatch(/last_name → textbox "Last name"/);
    expect(filled.message).toMatch(/no field found for fax/);
    await client.stop(session_id);
  });

  test('tabs open, switch and close; help and completion are recorded', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/act/form.html'), max_steps: 50 });
    const opened = await client.execute(session_id, {
      type: 'goto_new_tab',
      url: site.url('/act/next.html'),
    });
    expect(opened.message).toMatch(/tab_index 1/);
    let page = await client.observe(session_id);
    expect(page.metadata.title).toBe('Next page');
    expect(page.metadata.tabs.map((t) => t.title)).toEqual(['Act fixture', 'Next page']);

    expect((await client.execute(session_id, { type: 'switch_tab', tab_index: 0 })).success).toBe(
      true,
    );
    expect((await client.observe(session_id)).metadata.title).toBe('Act fixture');
    const bad = await client.execute(session_id, { type: 'switch_tab', tab_index: 5 });
    expect(bad).toMatchObject({ success: false });
    expect(bad.message).toMatch(/no tab at index 5: the session has 2 tab/);

    const closed = await client.execute(session_id, { type: 'close_tab' });
    expect(closed.message).toMatch(/closed tab 0 "Act fixture"; now on tab 0 "Next page"/);
    page = await client.observe(session_id);
    expect(page.metadata.tabs).toHaveLength(1);
    const last = await client.execute(session_id, { type: 'close_tab' });
    expect(last).toMatchObject({ success: false });
    expect(last.message).toMatch(/only tab/);

    expect((await client.execute(session_id, { type: 'help', reason: 'stuck' })).message).toBe(
      'help requested: stuck',
    );
    const done = await client.execute(session_id, {
      type: 'completion',
      success: true,
      answer: '42',
    });
    expect(done).toMatchObject({ success: true, session: { status: 'active' } });
    await client.stop(session_id);
  });
});
