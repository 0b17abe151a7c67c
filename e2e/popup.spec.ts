import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  openToolbarPopup,
  popupPageUrl,
  type ExtensionHandle,
  type ToolbarPopup,
} from './support/toolbar-popup';

/** Opens the fixture in a tab, then the toolbar popup over it. */
async function openPopup(
  ext: ExtensionHandle,
  url: string,
): Promise<{ page: Page; popup: ToolbarPopup }> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return { page, popup: await openToolbarPopup(ext, page) };
}

// Small reads and gestures inside the popup's document (see support/toolbar-popup.ts).
const stateOf = (popup: ToolbarPopup) => popup.run((doc) => doc.body.dataset.state ?? '');
const textOf = (popup: ToolbarPopup, selector: string) =>
  popup.run((doc, s) => doc.querySelector(s)?.textContent ?? null, selector);
const rowsWith = (popup: ToolbarPopup, text: string) =>
  popup.run(
    (doc, t) =>
      [...doc.querySelectorAll('.row')]
        .filter((row) => (row.textContent ?? '').includes(t))
        .map((row) => ({
          id: row.querySelector('.id')?.textContent ?? '',
          type: row.querySelector('.type')?.textContent ?? '',
        })),
    text,
  );
const listedCount = (popup: ToolbarPopup) =>
  popup.run((doc) => doc.querySelectorAll('.row[data-id]').length);
const setFilter = (popup: ToolbarPopup, value: string) =>
  popup.run((doc, v) => {
    const input = doc.querySelector<HTMLInputElement>('input[aria-label="Filter actions"]')!;
    input.value = v;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
const setScope = (popup: ToolbarPopup, value: 'viewport' | 'page') =>
  popup.run((doc, v) => {
    const select = doc.querySelector<HTMLSelectElement>('select[aria-label="Scope"]')!;
    select.value = v;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
const click = (popup: ToolbarPopup, selector: string) =>
  popup.run((doc, s) => doc.querySelector<HTMLElement>(s)!.click(), selector);
/** The pointer over the row that shows `rowText`, or (null) off the list. */
const pointAt = (popup: ToolbarPopup, rowText: string | null) =>
  popup.run((doc, t) => {
    const list = doc.querySelector('.actions[role="listbox"]')!;
    if (t === null) {
      list.dispatchEvent(new MouseEvent('mouseleave'));
      return;
    }
    const row = [...list.querySelectorAll('.row')].find((r) => (r.textContent ?? '').includes(t))!;
    row.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
  }, rowText);

const overlayOf = (page: Page) => page.locator('[data-tabsight-overlay]');

test.describe('the popup viewer', () => {
  test('shows the observation of the tab in front: header, grouped actions, views', async ({
    ext,
    site,
  }) => {
    const { page, popup } = await openPopup(ext, site.url('/popup-fixture.html'));
    await expect.poll(() => stateOf(popup)).toBe('ready');
    expect(await textOf(popup, '.head .title')).toBe('Popup fixture');
    expect(await textOf(popup, '.head .url')).toBe(site.url('/popup-fixture.html'));
    expect(await textOf(popup, '.head .badge')).not.toBe('');
    const groups = await popup.run((doc) =>
      [...doc.querySelectorAll('.group-title')].map((g) => g.textContent ?? ''),
    );
    expect(groups[0]).toContain('Interaction Actions');
    expect(groups[1]).toContain('Special Browser Actions');
    const [find] = await rowsWith(popup, 'Find trips');
    expect(find?.id).toMatch(/^B\d+$/);
    expect(find?.type).toBe('click');
    expect((await rowsWith(popup, 'City'))[0]?.type).toBe('fill');
    // Below the fold: listed only with the whole-page scope.
    expect(await rowsWith(popup, 'Load more trips')).toHaveLength(0);

    await setFilter(popup, 'trips');
    expect(await listedCount(popup)).toBe(1);
    await setFilter(popup, '');

    await setScope(popup, 'page');
    await expect.poll(async () => (await rowsWith(popup, 'Load more trips')).length).toBe(1);

    await click(popup, '#tab-markdown');
    expect(await textOf(popup, '#panel-markdown pre')).toContain('Weekend trips');
    await click(popup, '#tab-images');
    expect(await textOf(popup, '#panel-images')).toContain('A map of the coast');
    await click(popup, '#tab-json');
    expect(await textOf(popup, '#panel-json pre')).toContain('"interaction_actions"');
    await popup.close();
    await page.close();
  });

  test('pointing at a row outlines its element in the page; leaving removes it', async ({
    ext,
    site,
  }, testInfo) => {
    const { page, popup } = await openPopup(ext, site.url('/popup-fixture.html'));
    await expect.poll(() => stateOf(popup)).toBe('ready');
    const id = (await rowsWith(popup, 'Find trips'))[0]!.id;
    await pointAt(popup, 'Find trips');
    await expect(overlayOf(page)).toHaveAttribute('data-tabsight-overlay', id);
    // The overlay is not part of the page's layout or its interactive elements.
    expect(await overlayOf(page).evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    await page.screenshot({ path: testInfo.outputPath('page-highlight.png') });
    await pointAt(popup, null);
    await expect(overlayOf(page)).toHaveCount(0);

    // Choosing a row outlines it and scrolls it into view.
    await setScope(popup, 'page');
    await expect.poll(async () => (await rowsWith(popup, 'Load more trips')).length).toBe(1);
    const far = (await rowsWith(popup, 'Load more trips'))[0]!.id;
    await click(popup, `.row[data-id="${far}"]`);
    await expect(overlayOf(page)).toHaveAttribute('data-tabsight-overlay', far);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);

    // "Show all ids" labels every listed element; closing the popup removes the overlay.
    await pointAt(popup, null);
    await click(popup, '#show-all');
    const listed = await listedCount(popup);
    await expect
      .poll(
        async () =>
          ((await overlayOf(page).getAttribute('data-tabsight-overlay')) ?? '').split(' ').length,
      )
      .toBe(listed);
    // The overlay is not perceived: observing again lists the same elements, and keeps the labels.
    await click(popup, 'button[aria-label="Observe again"]');
    await expect.poll(() => stateOf(popup)).toBe('ready');
    expect(await listedCount(popup)).toBe(listed);
    expect(
      await popup.run((doc) => doc.querySelector<HTMLInputElement>('#show-all')!.checked),
    ).toBe(true);
    expect(await textOf(popup, '#panel-markdown pre')).not.toContain(id);
    await page.screenshot({ path: testInfo.outputPath('page-all-ids.png') });
    await popup.close();
    await expect(overlayOf(page)).toHaveCount(0);
    await page.close();
  });

  test('shows a connected bridge with its URL, the token command and the sessions', async ({
    ext,
    client,
    site,
  }) => {
    const session = await client.start({ url: site.url('/basic.html') });
    const { page, popup } = await openPopup(ext, site.url('/popup-fixture.html'));
    await expect.poll(() => textOf(popup, '.pill-title')).toBe('Bridge connected');
    await click(popup, '.pill-button');
    expect(await textOf(popup, '#panel-bridge .bridge-url')).toBe(ext.bridgeUrl);
    expect(await textOf(popup, '#panel-bridge')).toContain('npm run token');
    const listed = await popup.run(
      (doc, sid) =>
        doc.querySelector(`#panel-bridge .sessions [title="${sid}"]`)?.closest('li')?.textContent ??
        '',
      session.session_id,
    );
    expect(listed).toContain('Basic fixture');
    await popup.close();
    await page.close();
    await client.stop(session.session_id);
  });

  test('explains that a chrome:// page cannot be observed', async ({ ext }) => {
    const { page, popup } = await openPopup(ext, 'chrome://version/');
    await expect.poll(() => stateOf(popup)).toBe('unavailable');
    expect(await textOf(popup, '.notice')).toContain('Browser pages cannot be observed');
    expect(await textOf(popup, '.notice')).toContain('chrome://version');
    await popup.close();
    await page.close();
  });

  test('is readable in dark mode', async ({ ext }, testInfo) => {
    // The popup's style sheet, in the page loaded in a tab (which shows only its notice there).
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 420, height: 560 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(popupPageUrl(ext.extensionId));
    await expect(page.locator('body')).toHaveAttribute('data-state', 'in-tab');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(23, 25, 30)');
    await page.screenshot({ path: testInfo.outputPath('popup-dark.png') });
    await page.close();
  });
});
