import type { Frame, Page } from '@playwright/test';
import type { Observation } from '../src/shared/schema/observation';
import type { TabsightClient } from '../src/client';
import { expect, test } from './support/fixtures';
import type { Launched } from './support/launch';

type Action = Observation['space']['interaction_actions'][number];

const actions = (o: Observation): Action[] => o.space.interaction_actions;
const named = (o: Observation, text: string): Action[] =>
  actions(o).filter((a) => a.description.includes(`"${text}"`));
const idOf = (o: Observation, text: string): string | undefined => named(o, text)[0]?.id;

async function sessionPage(ext: Launched, path: string): Promise<Page> {
  for (let i = 0; i < 50; i++) {
    const page = ext.context.pages().find((p) => p.url().includes(path));
    if (page) {
      return page;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab at ${path}`);
}

test.describe('perception hard cases', () => {
  let client: TabsightClient;
  let session: string;
  let page: Observation;
  let viewport: Observation;

  test.beforeAll(async ({ client: c, site }) => {
    client = c;
    ({ session_id: session } = await client.start({ url: site.url('/perception/controls.html') }));
    page = await client.observe(session, { scope: 'page', max_nb_actions: 1000 });
    viewport = await client.observe(session, { max_nb_actions: 1000 });
  });
  test.afterAll(async () => {
    await client.stop(session);
  });

  const kinds: [string, string][] = [
    ['Plain link', 'link'],
    ['Plain button', 'button'],
    ['Email field', 'textbox'],
    ['Date field', 'textbox'],
    ['File field', 'file'],
    ['Check me', 'checkbox'],
    ['Radio one', 'radio'],
    ['Cabin', 'combobox'],
    ['Notes', 'textbox'],
    ['More options', ''],
    ['Editor', 'textbox'],
    ['Aria button', 'button'],
    ['First tab', 'tab'],
    ['Focusable div', ''],
    ['Cursor only', ''],
    ['Onclick div', ''],
  ];
  for (const [name, role] of kinds) {
    test(`lists ${name}${role ? ` as ${role}` : ''}`, () => {
      expect(named(page, name)[0]?.description ?? '').toMatch(new RegExp(`^${role}`));
    });
  }

  test('lists a clickable inside a clickable once', () => {
    expect(actions(page).filter((a) => a.description.includes('Nested link'))).toHaveLength(1);
  });

  for (const hidden of [
    'Hidden display',
    'Hidden visibility',
    'Collapsed inside',
    'Inert button',
    'Skipped content button',
    'Until found button',
    'Aria hidden button',
    'Occluded button',
    'Clipped by overflow',
    'Clipped on one axis',
  ]) {
    test(`leaves out ${hidden}`, () => {
      expect(named(page, hidden)).toEqual([]);
    });
  }

  test('lists what is scrolled out of a scroll container with scope page, out of view', () => {
    expect([
      named(page, 'Scrolled out of its box')[0]?.in_viewport,
      named(viewport, 'Scrolled out of its box').length,
    ]).toEqual([false, 0]);
  });

  test('lists the element below the fold only with scope page', () => {
    expect([!!idOf(page, 'Below the fold'), !!idOf(viewport, 'Below the fold')]).toEqual([
      true,
      false,
    ]);
  });

  test('reaches open shadow roots', () => {
    expect(idOf(page, 'Open shadow button')).toBeTruthy();
  });

  test('reaches closed shadow roots', () => {
    expect(idOf(page, 'Closed shadow button')).toBeTruthy();
  });

  test('flags disabled elements', () => {
    expect(named(page, 'Disabled button')[0]?.description).toContain('disabled');
  });

  test('keeps input types', () => {
    expect(named(page, 'Date field')[0]?.description).toContain('type=date');
  });

  test('lists select options and the selected one', () => {
    expect(named(page, 'Cabin')[0]?.description).toBe(
      'combobox "Cabin" (selected="Business"; options: Economy, Business)',
    );
  });

  test('keeps ids identical on a second observe', async () => {
    const again = await client.observe(session, { scope: 'page', max_nb_actions: 1000 });
    expect(actions(again).map((a) => [a.id, a.description])).toEqual(
      actions(page).map((a) => [a.id, a.description]),
    );
  });

  test('keeps ids after rows are inserted above', async () => {
    const before = [idOf(page, 'Row A'), idOf(page, 'Row B'), idOf(page, 'Below the fold')];
    await client.execute(session, { type: 'click', id: idOf(page, 'Insert rows')! });
    const after = await client.observe(session, { scope: 'page', max_nb_actions: 1000 });
    expect(idOf(after, 'New row 1')).toBeTruthy();
    expect([idOf(after, 'Row A'), idOf(after, 'Row B'), idOf(after, 'Below the fold')]).toEqual(
      before,
    );
  });

  test('gives a re-rendered subtree its ids back', async () => {
    const before = idOf(page, 'Rendered button');
    await client.execute(session, { type: 'click', id: idOf(page, 'Re-render')! });
    const after = await client.observe(session, { scope: 'page', max_nb_actions: 1000 });
    expect(idOf(after, 'Rendered button')).toBe(before);
  });
});

test('leaves out a button covered by an element that comes later in the page', async ({
  client,
  site,
}) => {
  const { session_id } = await client.start({ url: site.url('/perception/late-cover.html') });
  const o = await client.observe(session_id, { scope: 'page' });
  await client.stop(session_id);
  expect(actions(o).map((a) => a.description)).toEqual(['button "Uncovered button"']);
});

// The walk reads transforms only where author CSS, an inline style or an animation can set
// one (./author-css): each way must still reveal the in-flow element moved over a button.
for (const via of ['sheet', 'inline', 'individual', 'animation', 'shadow']) {
  test(`leaves out a button covered by an element moved over it (${via})`, async ({
    client,
    site,
  }) => {
    const url = site.url(`/perception/transform-cover.html?via=${via}`);
    const { session_id } = await client.start({ url });
    const o = await client.observe(session_id, { scope: 'page' });
    await client.stop(session_id);
    expect(actions(o).map((a) => a.description)).toEqual(['button "Uncovered button"']);
  });
}

test('lists both buttons when nothing is moved over them', async ({ client, site }) => {
  const url = site.url('/perception/transform-cover.html?via=none');
  const { session_id } = await client.start({ url });
  const o = await client.observe(session_id, { scope: 'page' });
  await client.stop(session_id);
  expect(actions(o).map((a) => a.description)).toEqual([
    'button "Covered button"',
    'button "Uncovered button"',
  ]);
});

test('lists what a relative offset or a transform moves into view out of an off-screen box', async ({
  client,
  site,
}) => {
  const { session_id } = await client.start({ url: site.url('/perception/moved-into-view.html') });
  const viewport = await client.observe(session_id, {});
  const page = await client.observe(session_id, { scope: 'page' });
  await client.stop(session_id);
  expect(actions(viewport).map((a) => a.description)).toEqual([
    'button "Lifted by offset"',
    'button "Lifted by transform"',
  ]);
  expect(actions(page).map((a) => a.description)).toEqual([
    'button "Lifted by offset"',
    'button "Lifted by transform"',
    'button "Far button"',
  ]);
});

test('names include ::before/::after text from document, shadow-root and ::slotted sheets', async ({
  client,
  site,
}) => {
  const described = async (path: string): Promise<string[]> => {
    const { session_id } = await client.start({ url: site.url(path) });
    const o = await client.observe(session_id, { scope: 'page' });
    await client.stop(session_id);
    return actions(o).map((a) => a.description);
  };
  expect(await described('/perception/generated.html')).toEqual([
    'link "Plain words"',
    'link "Next page →"',
  ]);
  expect(await described('/perception/generated-shadow.html')).toEqual([
    'link "Plain words"',
    'link "Go to inner page"',
    'link "Slotted link (slotted)"',
  ]);
});

test.describe('perception across frames', () => {
  let client: TabsightClient;
  let session: string;
  let observation: Observation;

  test.beforeAll(async ({ client: c, site, otherSite }) => {
    client = c;
    const other = otherSite.url('/perception/inner.html');
    const url = `${site.url('/perception/frames.html')}?other=${encodeURIComponent(other)}`;
    ({ session_id: session } = await client.start({ url }));
    observation = await client.observe(session, { scope: 'page', selectors: true });
  });
  test.afterAll(async () => {
    await client.stop(session);
  });

  test('lists same-origin frame elements', () => {
    expect(named(observation, 'Same frame button')[0]?.selector?.in_iframe).toBe(true);
  });

  test('lists cross-origin frame elements', () => {
    expect(named(observation, 'Cross frame field')[0]?.selector?.in_iframe).toBe(true);
  });

  test('gives elements of all frames unique ids', () => {
    const ids = actions(observation).map((a) => a.id);
    expect([ids.length, new Set(ids).size]).toEqual([5, 5]);
  });

  test('offsets frame elements by their frame: the frame below the fold is out of view', () => {
    const inView = (text: string) => named(observation, text)[0]?.in_viewport;
    expect([inView('Same frame button'), inView('Cross frame button')]).toEqual([true, false]);
  });
});

test('every selector resolves to exactly its element, in frames and shadow roots', async ({
  client,
  site,
  otherSite,
  ext,
}) => {
  const other = otherSite.url('/perception/inner.html');
  const url = `${site.url('/perception/frames.html')}?other=${encodeURIComponent(other)}`;
  const pages = [site.url('/perception/controls.html'), url];
  const misses: string[] = [];
  for (const target of pages) {
    const { session_id } = await client.start({ url: target });
    const o = await client.observe(session_id, {
      scope: 'page',
      selectors: true,
      max_nb_actions: 1000,
    });
    const tab = await sessionPage(ext, new URL(target).pathname);
    for (const a of actions(o)) {
      const s = a.selector!;
      const frame = await frameOf(tab, s.iframe_parent_css_selectors);
      const result = await frame.evaluate(
        ({ hosts, css, xpath, name }) => {
          let root: Document | ShadowRoot = document;
          for (const host of hosts) {
            const next: ShadowRoot | null | undefined = root.querySelector(host)?.shadowRoot;
            if (!next) {
              return 'closed';
            }
            root = next;
          }
          const all = root.querySelectorAll(css);
          const element = all[0];
          // document.evaluate takes no shadow root as context: start at the root's child the
          // first step names (`./tag[n]/…`), then evaluate the rest from there.
          const xpathMatches = (): Node[] => {
            let context: Node = root;
            let path = xpath;
            if (root !== document) {
              const [, tag, nth, rest] = /^\.\/([^[/]+)\[(\d+)\](.*)$/.exec(xpath) ?? [];
              const first = Array.from(root.children).filter((c) => c.localName === tag)[
                Number(nth) - 1
              ];
              if (!first) {
                return [];
              }
              context = first;
              path = rest ? `.${rest}` : '.';
            }
            const found = document.evaluate(path, context, null, 7, null);
            return Array.from({ length: found.snapshotLength }, (_, i) => found.snapshotItem(i)!);
          };
          const byXpath = xpathMatches();
          if (!element || all.length !== 1 || byXpath.length !== 1 || byXpath[0] !== element) {
            return `matches ${all.length} by css, ${byXpath.length} by xpath`;
          }
          // The element's own words, to tell that it is this element and not a neighbour.
          const labels = Array.from((element as HTMLInputElement).labels ?? []);
          const words = [element.textContent, element.getAttribute('aria-label')]
            .concat(labels.map((l) => l.textContent))
            .join(' ');
          return name === null || words.replace(/\s+/g, ' ').includes(name) ? 'ok' : words;
        },
        {
          hosts: s.shadow_host_css_selectors,
          css: s.css_selector,
          xpath: s.xpath_selector,
          name: /"([^"]*)"/.exec(a.description)?.[1] ?? null,
        },
      );
      // Page scripts cannot enter closed shadow roots: those are checked up to their host.
      if (result !== 'ok' && result !== 'closed') {
        misses.push(`${a.id} ${a.description}: ${result}`);
      }
    }
    await client.stop(session_id);
  }
  expect(misses).toEqual([]);
});

async function frameOf(tab: Page, iframes: string[]): Promise<Frame> {
  let frame = tab.mainFrame();
  for (const css of iframes) {
    const child = await (await frame.$(css))?.contentFrame();
    if (!child) {
      throw new Error(`no frame at ${css}`);
    }
    frame = child;
  }
  return frame;
}
