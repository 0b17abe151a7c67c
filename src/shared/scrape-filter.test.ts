import { describe, expect, it } from 'vitest';
import { keywordsOf, scrapeFilter } from './scrape-filter';

const markdown = [
  '# Shop',
  'Welcome to the shop.',
  '## Prices',
  'The lamp costs 10 EUR.',
  '| Item | Price |\n| --- | --- |\n| Lamp | 10 |',
  '## Shipping',
  'We ship worldwide.',
  '```\ncode with lamp\n\nstill code\n```',
].join('\n\n');

describe('scrapeFilter', () => {
  it('keeps matching blocks with their heading, case-insensitively', () => {
    expect(scrapeFilter(markdown, 'What does the LAMP cost?')).toBe(
      [
        '## Prices',
        'The lamp costs 10 EUR.',
        '| Item | Price |\n| --- | --- |\n| Lamp | 10 |',
        '## Shipping',
        '```\ncode with lamp\n\nstill code\n```',
      ].join('\n\n'),
    );
  });

  it('returns everything without keywords and nothing without matches', () => {
    expect(scrapeFilter(markdown, '  ')).toBe(markdown);
    expect(scrapeFilter(markdown, undefined)).toBe(markdown);
    expect(scrapeFilter(markdown, 'refund')).toBe('');
    expect(keywordsOf('Find the shipping, please!')).toEqual(['shipping', 'please']);
  });
});
