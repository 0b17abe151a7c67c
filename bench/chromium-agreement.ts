// Agreement of our accessible names with Chromium's accessibility tree, page by page: over every
// element Chromium exposes (our naming function, asked by selector) and over the elements we
// list in the action space (their `name`).
import type { Page, Worker } from '@playwright/test';
import { CHROMIUM_NAME, markChromiumNames } from './chromium-names';
import { askTopFrame, collectInPage, probeInPage } from './support';

export interface Agreement {
  all: number;
  allExact: number;
  listed: number;
  listedExact: number;
  /** Listed elements named otherwise than Chromium names them. */
  misses: string[];
  /** Elements (listed or not) our naming function names otherwise. */
  allMisses: string[];
}

export const emptyAgreement = (): Agreement => ({
  all: 0,
  allExact: 0,
  listed: 0,
  listedExact: 0,
  misses: [],
  allMisses: [],
});

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
const SELECTOR = `[${CHROMIUM_NAME}]`;

async function ourNames(worker: Worker, page: Page): Promise<string[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = await askTopFrame(worker, page.url(), {
        method: 'content.name',
        params: { selector: SELECTOR },
      });
      return (reply as { result?: { names: string[] } }).result?.names ?? [];
    } catch (err) {
      if (attempt >= 20) {
        throw err;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Adds the page's elements to `into`; `label` prefixes the misses. */
export async function measureAgreement(
  worker: Worker,
  page: Page,
  label: string,
  into: Agreement,
): Promise<void> {
  await markChromiumNames(page);
  const chromium = await page.evaluate(
    (attribute) =>
      Array.from(document.querySelectorAll(`[${attribute}]`), (e) => [
        e.getAttribute(attribute) ?? '',
        e.outerHTML.slice(0, 80),
      ]),
    CHROMIUM_NAME,
  );
  const ours = await ourNames(worker, page);
  chromium.forEach(([name, html], i) => {
    into.all += 1;
    if (norm(ours[i] ?? '') === norm(name!)) {
      into.allExact += 1;
    } else {
      into.allMisses.push(`${label}: Chromium "${norm(name!)}", ours "${ours[i] ?? ''}" ${html}`);
    }
  });
  const snapshot = await collectInPage(worker, page, {
    scope: 'page',
    data: false,
    ids_in_markdown: false,
    selectors: true,
    only_main_content: true,
    // As observe does: listeners only the page's world sees count (src/content/perceive/listeners.ts).
    listeners: await probeInPage(page),
  });
  for (const element of snapshot.elements) {
    if (!element.selector || element.selector.in_shadow_root) {
      continue;
    }
    const found = await page.evaluate(
      ({ css, attribute }) => {
        const target = document.querySelector(css);
        return target?.hasAttribute(attribute)
          ? [target.getAttribute(attribute) ?? '', target.outerHTML.slice(0, 100)]
          : null;
      },
      { css: element.selector.css_selector, attribute: CHROMIUM_NAME },
    );
    if (found) {
      into.listed += 1;
      if (norm(found[0]!) === norm(element.name)) {
        into.listedExact += 1;
      } else {
        into.misses.push(
          `${label}: Chromium "${norm(found[0]!)}", listed "${element.name}" ${found[1]}`,
        );
      }
    }
  }
}
