import { expect, test } from './support/fixtures';
import { idOf, observePage } from './support/act-helpers';

test.describe('actions inside frames and shadow roots', () => {
  test('click and fill inside a cross-origin iframe', async ({ client, site, otherSite }) => {
    const inner = otherSite.url('/act/inner.html');
    const url = `${site.url('/act/frame.html')}?inner=${encodeURIComponent(inner)}`;
    const { session_id } = await client.start({ url });
    let page = await observePage(client, session_id);
    const fill = await client.execute(session_id, {
      type: 'fill',
      id: idOf(page, 'Inner name'),
      value: 'Grace',
    });
    expect(fill.success).toBe(true);
    // Focus is in the iframe's field: the key follows it there.
    const key = await client.execute(session_id, { type: 'press_key', key: 'z' });
    expect(key.message).toMatch(/pressed z on textbox "Inner name" \(typed "z"\)/);
    const click = await client.execute(session_id, {
      type: 'click',
      id: idOf(page, 'Inner count'),
    });
    expect(click.success).toBe(true);
    page = await observePage(client, session_id);
    expect(page.data?.markdown).toContain('clicks 1, name Gracez');
    await client.stop(session_id);
  });

  test('click and fill inside a closed shadow root', async ({ client, site }) => {
    const { session_id } = await client.start({ url: site.url('/act/shadow.html') });
    let page = await observePage(client, session_id);
    await client.execute(session_id, { type: 'fill', id: idOf(page, 'Shadow field'), value: 'x1' });
    const click = await client.execute(session_id, {
      type: 'click',
      id: idOf(page, 'Shadow button'),
    });
    expect(click.success).toBe(true);
    page = await observePage(client, session_id);
    expect(page.data?.markdown).toContain('shadow clicked, field x1');
    await client.stop(session_id);
  });
});
