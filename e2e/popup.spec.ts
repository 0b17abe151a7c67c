import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** Opens the fixture in a tab and the popup page as another tab that targets it (`?tab=`). */
async function openPopup(
  ext: { context: BrowserContext; worker: Worker; extensionId: string },
  url: string,
): Promise<{ page: Page; popup: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(url);
  const tabId = await ext.worker.evaluate(
    async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1,
    page.url(),
  );
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 420, height: 560 });
  await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
  return { page, popup, tabId };
}

const overlayOf = (page: Page) => page.locator('[data-tabsight-overlay]');

test.describe('the popup viewer', () => {
  test('shows the observation of the target tab: header, grouped actions, views', async ({
    ext,
    site,
  }, testInfo) => {
    const { page, popup } = await openPopup(ext, site.url('/popup-fixture.html'));
    await expect(popup.locator('body')).toHaveAttribute('data-state', 'ready');
    await expect(popup.locator('.head .title')).toHaveText('Popup fixture');
    await expect(popup.locator('.head .url')).toHaveText(site.url('/popup-fixture.html'));
    await expect(popup.locator('.head .badge')).not.toBeEmpty();
    await expect(popup.locator('.group-title').first()).toContainText('Interaction Actions');
    await expect(popup.locator('.group-title').nth(1)).toContainText('Special Browser Actions');
    const find = popup.locator('.row', { hasText: 'Find trips' });
    await expect(find.locator('.id')).toHaveText(/^B\d+$/);
    await expect(find.locator('.type')).toHaveText('click');
    await expect(popup.locator('.row', { hasText: 'City' }).locator('.type')).toHaveText('fill');
    // Below the fold: listed only with the whole-page scope.
    await expect(popup.locator('.row', { hasText: 'Load more trips' })).toHaveCount(0);
    await popup.screenshot({ path: testInfo.outputPath('popup-actions.png') });

    await popup.getByLabel('Filter actions').fill('trips');
    await expect(popup.locator('.row[data-id]')).toHaveCount(1);
    await popup.getByLabel('Filter actions').fill('');

    await popup.getByLabel('Scope').selectOption('page');
    await expect(popup.locator('.row', { hasText: 'Load more trips' })).toHaveCount(1);

    await popup.getByRole('tab', { name: 'Markdown' }).click();
    await expect(popup.locator('#panel-markdown pre')).toContainText('Weekend trips');
    await popup.getByRole('tab', { name: 'Images' }).click();
    await expect(popup.locator('#panel-images')).toContainText('A map of the coast');
    await popup.getByRole('tab', { name: 'JSON' }).click();
    await expect(popup.locator('#panel-json pre')).toContainText('"interaction_actions"');
    await popup.screenshot({ path: testInfo.outputPath('popup-json.png') });
    await popup.close();
    await page.close();
  });

  test('hovering a row outlines its element in the page; leaving removes it', async ({
    ext,
    site,
  }, testInfo) => {
    const { page, popup } = await openPopup(ext, site.url('/popup-fixture.html'));
    const row = popup.locator('.row', { hasText: 'Find trips' });
    const id = (await row.locator('.id').textContent()) ?? '';
    await row.hover();
    await expect(overlayOf(page)).toHaveAttribute('data-tabsight-overlay', id);
    // The overlay is not part of the page's layout or its interactive elements.
    expect(await overlayOf(page).evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    await page.bringToFront();
    await page.screenshot({ path: testInfo.outputPath('page-highlight.png') });
    await popup.bringToFront();
    await popup.locator('.head .title').hover();
    await expect(overlayOf(page)).toHaveCount(0);

    // Keyboard: the arrows move between rows and outline each; Enter scrolls it into view.
    await popup.getByLabel('Scope').selectOption('page');
    const far = popup.locator('.row', { hasText: 'Load more trips' });
    await far.click();
    await expect(overlayOf(page)).toHaveAttribute(
      'data-tabsight-overlay',
      (await far.locator('.id').textContent()) ?? '',
    );
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
    await popup.keyboard.press('ArrowUp');
    await expect(overlayOf(page)).toHaveAttribute('data-tabsight-overlay', id);

    // "Show all ids" labels every listed element; closing the popup removes the overlay.
    await popup.locator('.head .title').hover();
    await popup.getByLabel('Show all ids').check();
    await expect
      .poll(
        async () =>
          ((await overlayOf(page).getAttribute('data-tabsight-overlay')) ?? '').split(' ').length,
      )
      .toBe(await popup.locator('.row[data-id]').count());
    // The overlay is not perceived: observing again lists the same elements, and keeps the labels.
    const listed = await popup.locator('.row[data-id]').count();
    await popup.getByRole('button', { name: 'Observe again' }).click();
    await expect(popup.locator('body')).toHaveAttribute('data-state', 'ready');
    await expect(popup.locator('.row[data-id]')).toHaveCount(listed);
    await expect(popup.getByLabel('Show all ids')).toBeChecked();
    await expect(popup.locator('#panel-markdown pre')).not.toContainText(id);
    await page.bringToFront();
    await page.screenshot({ path: testInfo.outputPath('page-all-ids.png') });
    await popup.close();
    await expect(overlayOf(page)).toHaveCount(0);
    await page.close();
  });

  test('shows a connected bridge with its URL, the token command and the sessions', async ({
    ext,
    client,
    site,
  }, testInfo) => {
    const session = await client.start({ url: site.url('/basic.html') });
    const { page, popup } = await openPopup(ext, site.url('/popup-fixture.html'));
    await expect(popup.locator('.pill-title')).toHaveText('Bridge connected');
    await popup.getByRole('button', { name: /Bridge connected/ }).click();
    await expect(popup.locator('#panel-bridge .bridge-url')).toHaveText(ext.bridgeUrl);
    await expect(popup.locator('#panel-bridge')).toContainText('npm run token');
    const listed = popup.locator('#panel-bridge .sessions li', {
      has: popup.locator(`[title="${session.session_id}"]`),
    });
    await expect(listed).toContainText('Basic fixture');
    await popup.screenshot({ path: testInfo.outputPath('popup-bridge-connected.png') });
    await client.stop(session.session_id);
    await popup.close();
    await page.close();
  });

  test('explains that a chrome:// page cannot be observed', async ({ ext }, testInfo) => {
    const { page, popup } = await openPopup(ext, 'chrome://version/');
    await expect(popup.locator('body')).toHaveAttribute('data-state', 'unavailable');
    await expect(popup.locator('.notice')).toContainText('Browser pages cannot be observed');
    await expect(popup.locator('.notice')).toContainText('chrome://version');
    await popup.screenshot({ path: testInfo.outputPath('popup-chrome-page.png') });
    await popup.close();
    await page.close();
  });

  test('is readable in dark mode', async ({ ext, site }, testInfo) => {
    const { page, popup } = await openPopup(ext, site.url('/popup-fixture.html'));
    await popup.emulateMedia({ colorScheme: 'dark' });
    await expect(popup.locator('body')).toHaveAttribute('data-state', 'ready');
    const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(23, 25, 30)');
    await popup.screenshot({ path: testInfo.outputPath('popup-dark.png') });
    await popup.close();
    await page.close();
  });
});
