import { expect, shopUrl, test } from './sites';

/** Text hidden from everyone: never in an observation, not even marked. */
const HIDDEN = [
  'ZQOPACITYZERO',
  'ZQOPACITYONE',
  'ZQOPACITYNESTED',
  'ZQTRANSPARENT',
  'ZQALPHAZERO',
  'ZQWHITEONWHITE',
  'ZQSAMEASPANEL',
  'ZQFONTZERO',
  'ZQFONTONE',
  'ZQSCALEZERO',
  'ZQCOVERED',
  'ZQCOVEREDDEEP',
  'ZQBTNOPACITY',
  'ZQBTNSCALE',
];
/** Text kept for assistive technology: only inside a screen-reader annotation. */
const SCREEN_READER = [
  'SRONLYMARK',
  'ZQZEROBOX',
  'ZQINDENT',
  'ZQCLIPPATH',
  'ZQOFFSCREEN',
  'ZQBTNCLIPPATH',
  'ZQBTNSRONLY',
  'ZQBTNTINY',
];
/** Invisible buttons: never an action. */
const INVISIBLE_BUTTONS = [
  'ZQBTNOPACITY',
  'ZQBTNCLIPPATH',
  'ZQBTNSRONLY',
  'ZQBTNTINY',
  'ZQBTNSCALE',
];

// What an agent takes for visible text: everything outside the screen-reader annotations.
const ANNOTATION = /\(screen-reader (?:only|label): "(?:[^"\\]|\\.)*"\)/g;
const visibleText = (text: string): string => text.replace(ANNOTATION, ' ');
const annotations = (text: string): string => (text.match(ANNOTATION) ?? []).join('\n');

test.describe('hidden text is not page text', () => {
  test('each hiding technique stays out of description, markdown and actions', async ({
    client,
    sites,
  }) => {
    const { session_id } = await client.start({
      url: shopUrl(sites, '/security/hidden-text.html'),
    });
    const observed = await client.observe(session_id, { scope: 'page' });
    const scraped = await client.execute(session_id, { type: 'scrape' });
    const description = observed.space.description;
    const markdown = observed.data?.markdown ?? '';
    const scrapedMarkdown = scraped.data?.markdown ?? '';
    const actions = observed.space.interaction_actions.map((action) => action.description);

    expect(scrapedMarkdown).toContain('HONESTTEXT');
    for (const text of [description, markdown, scrapedMarkdown]) {
      for (const marker of HIDDEN) {
        expect(text, marker).not.toContain(marker);
      }
      for (const marker of SCREEN_READER) {
        expect(visibleText(text), marker).not.toContain(marker);
      }
    }
    // Screen-reader text is said as such, in both texts.
    for (const marker of SCREEN_READER) {
      expect(annotations(description), marker).toContain(marker);
      expect(annotations(markdown), marker).toContain(marker);
    }
    expect(markdown).toContain('(screen-reader only: "SRONLYMARK per loaf")');

    for (const marker of INVISIBLE_BUTTONS) {
      expect(actions.join('\n'), marker).not.toContain(marker);
    }
    // The label people do not see is marked, the visible text is the name.
    expect(actions).toContain(
      'button "Save basket" (screen-reader label: "ZQARIALABEL Delete account")',
    );
    expect(visibleText(description)).not.toContain('ZQARIALABEL');
    expect(markdown).not.toContain('ZQARIALABEL');

    // Honest text and controls are all there.
    expect(visibleText(description)).toContain('HONESTTEXT');
    expect(visibleText(description)).toContain('PANELTEXT');
    expect(visibleText(markdown)).toContain('HONESTTEXT');
    expect(visibleText(markdown)).toContain('PANELTEXT');
    // Yellow on white has little luminance contrast but a hue people see.
    expect(visibleText(description)).toContain('HONESTYELLOW');
    expect(visibleText(markdown)).toContain('HONESTYELLOW');
    // Hit testing finds boxes, not paint: a transparent layer or a dimming backdrop hides nothing.
    for (const marker of ['HONESTGLASS', 'HONESTDIMMED']) {
      expect(visibleText(description), marker).toContain(marker);
      expect(visibleText(markdown), marker).toContain(marker);
    }
    expect(actions).toEqual(
      expect.arrayContaining([
        'button "Add to basket"',
        'button "Close offers"',
        'checkbox "Subscribe HONESTCHECK" (unchecked)',
        'file "Upload receipt" (type=file)',
      ]),
    );
    expect(markdown).toContain('[ ] Subscribe HONESTCHECK');
    expect(markdown).toContain('[Upload receipt: ___ (file)]');
    await client.stop(session_id);
  });

  test('the custom checkbox and file input stay usable through their labels', async ({
    client,
    sites,
  }) => {
    const { session_id } = await client.start({
      url: shopUrl(sites, '/security/hidden-text.html'),
    });
    const observed = await client.observe(session_id, { scope: 'page' });
    const idOf = (description: string) =>
      observed.space.interaction_actions.find((action) => action.description === description)!.id;
    const checked = await client.execute(session_id, {
      type: 'check',
      id: idOf('checkbox "Subscribe HONESTCHECK" (unchecked)'),
      value: true,
    });
    expect(checked).toMatchObject({ success: true });
    const again = await client.observe(session_id, { scope: 'page' });
    expect(again.space.description).toContain('checkbox "Subscribe HONESTCHECK" (checked)');
    await client.stop(session_id);
  });

  test('viewport scope hides the same text', async ({ client, sites }) => {
    const { session_id } = await client.start({
      url: shopUrl(sites, '/security/hidden-text.html'),
    });
    const observed = await client.observe(session_id, { data: false });
    for (const marker of [...HIDDEN, ...SCREEN_READER]) {
      expect(visibleText(observed.space.description), marker).not.toContain(marker);
    }
    expect(observed.space.description).toContain('HONESTTEXT');
    await client.stop(session_id);
  });

  test('a page hiding itself whole while it loads is read as it will show', async ({
    client,
    sites,
  }) => {
    // body { visibility: hidden } and html { opacity: 0 } of anti-flicker snippets, never lifted.
    const { session_id } = await client.start({
      url: shopUrl(sites, '/security/veiled-page.html'),
    });
    const observed = await client.observe(session_id, { scope: 'page' });
    const scraped = await client.execute(session_id, { type: 'scrape' });
    for (const markdown of [observed.data?.markdown ?? '', scraped.data?.markdown ?? '']) {
      expect(markdown).toContain('VEILHEADLINE');
      expect(markdown).toContain('VEILARTICLE');
    }
    await client.stop(session_id);
  });

  test('a body hidden around a box made visible again shows only that box', async ({
    client,
    sites,
  }) => {
    const { session_id } = await client.start({
      url: shopUrl(sites, '/security/veiled-island.html'),
    });
    const observed = await client.observe(session_id, { scope: 'page' });
    const scraped = await client.execute(session_id, { type: 'scrape' });
    for (const text of [
      observed.space.description,
      observed.data?.markdown ?? '',
      scraped.data?.markdown ?? '',
    ]) {
      expect(text).toContain('ISLANDTEXT');
      expect(text).not.toContain('ZQUNDERVEIL');
    }
    await client.stop(session_id);
  });

  test('inline styles and presentational attributes hide text where no author CSS paints', async ({
    client,
    sites,
  }) => {
    const { session_id } = await client.start({
      url: shopUrl(sites, '/security/hidden-text-inline.html'),
    });
    const observed = await client.observe(session_id, { scope: 'page' });
    const scraped = await client.execute(session_id, { type: 'scrape' });
    for (const text of [
      observed.space.description,
      observed.data?.markdown ?? '',
      scraped.data?.markdown ?? '',
    ]) {
      expect(text).toContain('HONESTINLINE');
      expect(text).toContain('HONESTCELL');
      for (const marker of [
        'ZQINLINEWHITE',
        'ZQINHERITEDWHITE',
        'ZQINHERITEDFONT',
        'ZQFONTCOLOR',
        'ZQBGCOLOR',
      ]) {
        expect(text, marker).not.toContain(marker);
      }
    }
    await client.stop(session_id);
  });
});
