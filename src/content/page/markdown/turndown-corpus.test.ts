// @vitest-environment jsdom
/**
 * Regression over turndown's own test pages (../shared/corpus/turndown, see corpus/SOURCES.md),
 * converted with our real options and rules. Our options differ from turndown's defaults on
 * purpose (ATX headings, `-` bullets, fenced code, always-GFM tables), so core cases are measured
 * against a floor rather than all required; the GFM table cases must all pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createConverter } from './turndown';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const corpus = resolve(repoRoot, process.env.TABSIGHT_CORPUS ?? '../shared/corpus');
const pagePath = (name: string) => join(corpus, 'turndown', name, 'test', 'index.html');
const present = existsSync(pagePath('core')) && existsSync(pagePath('gfm'));

/** Measured 2025-11 with our options: raise it when the converter improves. */
const CORE_PASS_FLOOR = 108;

/** Upstream keeps header-less tables as HTML; we always emit GFM with an empty heading row. */
const HTML_TABLE_CASES = new Set([
  'non-definitive heading row (not converted)',
  'non-definitive heading row with th (not converted)',
]);

interface Case {
  name: string;
  input: HTMLElement;
  expected: string;
}

function readCases(name: string): Case[] {
  // jsdom parses like a browser (`<thead><td>` gets its implied `<tr>`); drop the runner's assets.
  const html = readFileSync(pagePath(name), 'utf8').replace(
    /<(link|script)\b[^>]*>(<\/script>)?/g,
    '',
  );
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(doc.querySelectorAll('.case')).map((element) => ({
    name: element.getAttribute('data-name') ?? '',
    input: element.querySelector('.input') as HTMLElement,
    expected: element.querySelector('.expected')?.textContent ?? '',
  }));
}

describe.skipIf(!present)('turndown corpus (TABSIGHT_CORPUS)', () => {
  const converter = createConverter();
  const convert = (input: HTMLElement) => converter.turndown(input).trim();

  it('passes every GFM table case', () => {
    const tables = readCases('gfm').filter((c) => c.input.querySelector('table'));
    expect(tables.length).toBe(11);
    for (const c of tables) {
      const markdown = convert(c.input);
      if (HTML_TABLE_CASES.has(c.name)) {
        expect(markdown, c.name).toMatch(/^\| {2}\| {2}\|\n\| --- \| --- \|\n\| .+ \|\n\| .+ \|$/);
      } else {
        expect(markdown, c.name).toBe(c.expected.trim());
      }
    }
  });

  it('keeps the core pass count at or above its floor', () => {
    const cases = readCases('core');
    const failed = cases.filter((c) => convert(c.input) !== c.expected.trim());
    if (process.env.TABSIGHT_CORPUS_DEBUG) {
      console.log(failed.map((c) => c.name).join(' | '));
    }
    const gfm = readCases('gfm').filter((c) => !c.input.querySelector('table'));
    const gfmPassed = gfm.filter((c) => convert(c.input) === c.expected.trim()).length;
    const passed = cases.length - failed.length;
    console.log(
      `[turndown corpus] core ${passed}/${cases.length} pass with our options; ` +
        `gfm non-table ${gfmPassed}/${gfm.length} (we write ~~strike~~, upstream ~strike~)`,
    );
    expect(passed).toBeGreaterThanOrEqual(CORE_PASS_FLOOR);
  });
});

if (!present) {
  describe.skip(`turndown corpus not found at ${corpus} (set TABSIGHT_CORPUS)`, () => {
    it('converts the corpus cases', () => {});
  });
}
