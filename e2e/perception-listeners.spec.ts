// Handler-only targets: controls whose only sign is a listener a framework added by script (no
// role, no tabindex, no onclick attribute, no pointer cursor). The pages build the same
// controls as jQuery (3.x and 1.x storage), d3, React and Vue would, through stand-ins that
// leave exactly the traces those libraries leave (no copy of them is vendored): see the
// *-stand-in.js files in e2e/pages/perception/listeners/.
import type { Observation } from '../src/shared/schema/observation';
import type { TabsightClient } from '../src/client';
import { expect, test } from './support/fixtures';

const descriptions = (o: Observation): string[] =>
  o.space.interaction_actions.map((a) => a.description);

function idOf(o: Observation, description: string, nth = 0): string {
  const matches = o.space.interaction_actions.filter((a) => a.description === description);
  const found = matches[nth];
  if (!found) {
    throw new Error(`no ${nth}th ${description} in:\n${descriptions(o).join('\n')}`);
  }
  return found.id;
}

const PAGES = [
  { page: 'jquery.html', delegated: true },
  { page: 'jquery.html?legacy', delegated: true },
  { page: 'd3.html', delegated: false },
  { page: 'react.html', delegated: false },
  { page: 'vue.html', delegated: false },
  { page: 'script.html', delegated: false },
];

for (const { page: file, delegated } of PAGES) {
  test.describe(`handler-only targets: ${file}`, () => {
    let client: TabsightClient;
    let session: string;
    let page: Observation;

    test.beforeAll(async ({ client: c, site }) => {
      client = c;
      ({ session_id: session } = await client.start({
        url: site.url(`/perception/listeners/${file}`),
      }));
      page = await client.observe(session, { scope: 'page', max_nb_actions: 1000 });
    });
    test.afterAll(async () => {
      await client.stop(session);
    });

    test('lists each control with a handler, and nothing without one', () => {
      const listed = descriptions(page);
      expect(listed).toContain('clickable (hint="heart")');
      // Nine board cells and three swatches: empty boxes, known by where they are.
      expect(listed.filter((d) => d === 'clickable')).toHaveLength(12);
      // A list item takes no name from its content (accname): its text is the hint.
      expect(listed).toContain('listitem (hint="Lunch on Friday")');
      expect(listed).toContain('listitem (hint="Quarterly report")');
      expect(listed.filter((d) => d === 'clickable (hint="trash")')).toHaveLength(2);
      for (const fruit of ['Apples', 'Pears', 'Plums']) {
        expect(listed).toContain(`listitem (hint="${fruit}")`);
      }
      expect(listed.filter((d) => d.includes('Plain box'))).toEqual([]);
      expect(listed.filter((d) => d.includes('Board') || d.includes('Mail'))).toEqual([]);
    });

    test('clicking each through execute runs its handler', async () => {
      const clicks: [string, string][] = [
        [idOf(page, 'clickable (hint="heart")'), 'clicked like'],
        [idOf(page, 'clickable', 4), 'clicked cell 4'],
        [idOf(page, 'clickable', 10), 'clicked swatch green'],
        [idOf(page, 'clickable (hint="trash")', 1), 'clicked trash report'],
        [idOf(page, 'listitem (hint="Lunch on Friday")'), 'clicked open lunch'],
        [idOf(page, 'listitem (hint="Pears")'), 'clicked menu Pears'],
      ];
      for (const [id, logged] of clicks) {
        const result = await client.execute(session, { type: 'click', id });
        expect(result.success, result.message).toBe(true);
        // The handler's only effect is the log's text: the report says so, not "nothing".
        expect(result.effect?.summary).toMatch(/text changed in \d+ place/);
        expect(result.effect?.changed).toBe(true);
        const after = await client.observe(session, { scope: 'page', max_nb_actions: 1000 });
        expect(after.space.description, `${id} → ${logged}`).toContain(`Log: ${logged}`);
      }
    });

    if (delegated) {
      test('a delegated handler makes the matching descendants targets, not the list', () => {
        const listed = descriptions(page);
        expect(listed.filter((d) => d.startsWith('listitem (hint="P'))).toHaveLength(2);
        expect(listed.filter((d) => d.includes('Apples Pears'))).toEqual([]);
      });
    }
  });
}
