import { expect, test } from './support/fixtures';
import { idOf, observePage } from './support/act-helpers';

test.describe('the agent loop: settle and effect reports', () => {
  test('a static click answers on a quiet DOM, with nothing visible changed said plainly', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/act/loop.html'), max_steps: 10 });
    const page = await observePage(client, session_id);
    const press = await client.execute(session_id, {
      type: 'click',
      id: idOf(page, 'Static press'),
    });
    expect(press.success).toBe(true);
    // Settled by the short quiet window, not by a fixed floor or the cap, with no request made.
    expect(press.effect?.settle).toMatchObject({ reason: 'dom-quiet', requests: 0 });
    const after = await observePage(client, session_id);
    expect(after.data?.markdown).toContain('Pressed 1 times');

    const noop = await client.execute(session_id, {
      type: 'click',
      id: idOf(page, 'Does nothing'),
    });
    expect(noop.effect).toMatchObject({ changed: false, summary: 'nothing visible changed' });
    expect(noop.effect?.appeared).toEqual([]);
    await client.stop(session_id);
  });

  test('a click that starts a slow fetch waits for it; the results are in the next observe', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/act/loop.html'), max_steps: 10 });
    const page = await observePage(client, session_id);
    const load = await client.execute(session_id, {
      type: 'click',
      id: idOf(page, 'Load results'),
    });
    expect(load.effect?.settle.reason).toBe('network-idle');
    expect(load.effect?.settle.requests).toBeGreaterThanOrEqual(1);
    expect(load.effect?.appeared.map((e) => e.description)).toEqual([
      'link "Alpha result"',
      'link "Beta result"',
    ]);
    const after = await observePage(client, session_id);
    expect(after.data?.markdown).toContain('Alpha result');
    expect(after.space.interaction_actions.some((a) => a.description.includes('Beta result'))).toBe(
      true,
    );
    await client.stop(session_id);
  });

  test('effect reports: insertion, removal, value, expanded, dialog, focus', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/act/loop.html'), max_steps: 20 });
    const page = await observePage(client, session_id);

    const add = await client.execute(session_id, { type: 'click', id: idOf(page, 'Add row') });
    expect(add.effect).toMatchObject({ changed: true, disappeared: [] });
    expect(add.effect?.appeared).toEqual([{ id: null, description: 'button "Row 1"' }]);
    expect(add.effect?.summary).toContain('appeared: button "Row 1"');

    const removeId = idOf(page, 'Remove me');
    const remove = await client.execute(session_id, { type: 'click', id: removeId });
    expect(remove.effect?.disappeared).toEqual([
      { id: removeId, description: 'button "Remove me"' },
    ]);

    const qty = idOf(page, 'Quantity');
    const fill = await client.execute(session_id, { type: 'fill', id: qty, value: '3' });
    expect(fill.effect?.changes).toEqual([
      { id: qty, description: 'textbox "Quantity"', property: 'value', from: '1', to: '3' },
    ]);

    const more = idOf(page, 'More options');
    const expand = await client.execute(session_id, { type: 'click', id: more });
    expect(expand.effect?.changes).toContainEqual(
      expect.objectContaining({ id: more, property: 'expanded', from: 'false', to: 'true' }),
    );
    expect(expand.effect?.appeared.map((e) => e.description)).toContain('button "Extra option"');

    const open = await client.execute(session_id, { type: 'click', id: idOf(page, 'Open dialog') });
    expect(open.effect?.dialog_opened?.description).toBe('dialog "Confirm order"');
    expect(open.effect?.summary).toMatch(/a dialog opened: dialog "Confirm order"/);
    // showModal() focuses the dialog's first focusable element.
    expect(open.effect?.focus_moved?.to).toBe('button "Confirm"');
    await client.stop(session_id);
  });

  test('effect reports: navigation and a new tab', async ({ client, site }) => {
    const { session_id } = await client.start({ url: site.url('/act/loop.html'), max_steps: 10 });
    const page = await observePage(client, session_id);

    const tab = await client.execute(session_id, {
      type: 'click',
      id: idOf(page, 'Open in new tab'),
    });
    expect(tab.effect?.new_tabs).toEqual([{ tab_index: 1, url: site.url('/act/next.html') }]);
    expect(tab.effect?.summary).toContain('in a new tab');

    const go = await client.execute(session_id, {
      type: 'click',
      id: idOf(page, 'Go to next page'),
    });
    expect(go.effect?.navigated).toEqual({
      from: site.url('/act/loop.html'),
      to: site.url('/act/next.html?q=loop'),
    });
    expect(go.effect?.settle.reason).toBe('navigation-loaded');
    expect(go.effect?.summary).toMatch(/^navigated from .*loop\.html to .*next\.html\?q=loop/);
    await client.stop(session_id);
  });
});
