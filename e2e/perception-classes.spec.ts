// Perception by class of control, each by rule from accname, WAI-ARIA and Chromium's behaviour:
// names from content, widget roles on SVG, grid cells, clickable children, hints for unnamed
// controls, multi-line fields and figures.
import type { Observation } from '../src/shared/schema/observation';
import type { TabsightClient } from '../src/client';
import { expect, test } from './support/fixtures';

type Action = Observation['space']['interaction_actions'][number];

const actions = (o: Observation): Action[] => o.space.interaction_actions;
const described = (o: Observation, text: string): string[] =>
  actions(o)
    .map((a) => a.description)
    .filter((d) => d.includes(text));

test.describe('names from content', () => {
  let client: TabsightClient;
  let session: string;
  let page: Observation;

  test.beforeAll(async ({ client: c, site }) => {
    client = c;
    ({ session_id: session } = await client.start({ url: site.url('/perception/names.html') }));
    page = await client.observe(session, { scope: 'page', max_nb_actions: 1000 });
  });
  test.afterAll(async () => {
    await client.stop(session);
  });

  test('separates inline-block and block descendants by a space', () => {
    expect(described(page, '"What is your name?"')).toHaveLength(1);
    expect(described(page, '"Read the manual"')).toHaveLength(1);
    expect(described(page, 'Where do you live?')).toHaveLength(1);
    expect(described(page, 'Whatis')).toEqual([]);
  });

  test('leaves hidden descendants out of a name from content', () => {
    for (const name of ['Send', 'Open', 'Close']) {
      expect(described(page, `button "${name}"`)).toEqual([`button "${name}"`]);
    }
    expect(described(page, 'Archive')).toHaveLength(1);
    expect(described(page, 'forever')).toEqual([]);
  });

  test('names a control by the value of the controls embedded in its label', () => {
    expect(described(page, 'checkbox "Flash the screen 3 times"')).toHaveLength(1);
    expect(described(page, 'checkbox "Remind me in 10 minutes"')).toHaveLength(1);
    expect(described(page, 'checkbox "Volume 7"')).toHaveLength(1);
    expect(described(page, 'checkbox "Level four of ten"')).toHaveLength(1);
  });

  test('gives unnamed controls a hint marked as a hint, not a name', () => {
    const hints = actions(page).map((a) => a.description);
    expect(hints).toContain('clickable (hint="Delete message")');
    expect(hints).toContain('button "Star"');
    expect(hints).toContain('image (hint="reply-arrow")');
    expect(hints).toContain('button (hint="heart")');
    expect(hints).toContain('clickable (hint="trash")');
    expect(
      hints.filter((d) => d.startsWith('link (') && d.includes('/settings/profile')),
    ).toHaveLength(1);
  });

  test('does not name an unlabelled text field by its own value', () => {
    expect(described(page, 'value="typed by someone"')).toEqual([
      'textbox (value="typed by someone")',
    ]);
  });

  test('tells a multi-line text area from a one-line textbox', () => {
    expect(described(page, '"Story"')[0]).toMatch(/^textbox "Story" \(multiline, value="Once/);
    expect(described(page, '"Title"')).toEqual(['textbox "Title" (value="short")']);
  });

  test('keeps the full value of a long field reachable while its description stays short', async () => {
    const story = actions(page).find((a) => a.description.includes('"Story"'))!;
    expect(story.description.length).toBeLessThan(200);
    expect(story.description).not.toContain('zebra');
    const full = await client.observe(session, { scope: 'page', data: true });
    expect(full.data?.markdown ?? '').toMatch(
      /\[Story: Once upon a time .{200,} the last word is zebra\]/,
    );
  });

  test('says plainly that a figure with no text is there', async () => {
    const full = await client.observe(session, { scope: 'page', data: true });
    const markdown = full.data?.markdown ?? '';
    expect(markdown).toMatch(/figure: 3 shapes/);
    expect(markdown).toMatch(/figure "Sales by month"/);
    expect(markdown).toMatch(/figure: canvas/);
  });
});

test.describe('widgets', () => {
  let client: TabsightClient;
  let session: string;
  let page: Observation;

  test.beforeAll(async ({ client: c, site }) => {
    client = c;
    ({ session_id: session } = await client.start({ url: site.url('/perception/widgets.html') }));
    page = await client.observe(session, { scope: 'page', max_nb_actions: 1000 });
  });
  test.afterAll(async () => {
    await client.stop(session);
  });

  test('lists ARIA widget roles on SVG elements and SVG shapes that are clicked', () => {
    expect(described(page, 'slider "Temperature"')).toHaveLength(1);
    expect(described(page, 'radio "Small" (checked)')).toHaveLength(1);
    expect(described(page, 'radio "Large" (unchecked)')).toHaveLength(1);
    expect(
      actions(page).filter((a) => /^(image|clickable)/.test(a.description)).length,
    ).toBeGreaterThanOrEqual(2);
  });

  test('lists grid and treegrid cells that take focus', () => {
    for (const cell of ['1', '2', '3', 'Documents', '3 items']) {
      expect(described(page, `gridcell "${cell}"`)).toHaveLength(1);
    }
  });

  test('names a focusable combobox by the heading that labels it', () => {
    expect(described(page, 'combobox "Favourite fruit"')).toHaveLength(1);
  });

  test('lists clickable children of a clickable row, each its own target', () => {
    expect(described(page, 'Star')).toHaveLength(1);
    expect(described(page, 'hint="trash"')).toHaveLength(1);
    expect(described(page, '"Reply"')).toHaveLength(1);
    expect(described(page, '"Forward"')).toHaveLength(1);
    expect(described(page, 'Reply Forward')).toEqual([]);
  });

  test('a click on a child lands on it', async () => {
    const reply = actions(page).find((a) => a.description.includes('"Reply"'))!;
    expect((await client.execute(session, { type: 'click', id: reply.id })).success).toBe(true);
    const forward = actions(page).find((a) => a.description.includes('"Forward"'))!;
    expect((await client.execute(session, { type: 'click', id: forward.id })).success).toBe(true);
  });
});
