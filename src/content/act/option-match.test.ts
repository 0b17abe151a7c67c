import { describe, expect, it } from 'vitest';
import { matchOption, optionNotFound } from './option-match';

const cabins = [
  { text: 'Economy', value: 'eco' },
  { text: 'Premium  Economy', value: 'prem' },
  { text: 'Business', value: 'biz' },
];

describe('matchOption', () => {
  it('matches exact text before value', () => {
    expect(matchOption(cabins, 'Business')).toBe(2);
    expect(matchOption(cabins, 'prem')).toBe(1);
  });

  it('ignores case and whitespace', () => {
    expect(matchOption(cabins, '  premium economy ')).toBe(1);
    expect(matchOption(cabins, 'BIZ')).toBe(2);
  });

  it('prefers an exact match over a containing one', () => {
    expect(matchOption(cabins, 'economy')).toBe(0);
  });

  it('accepts a unique substring and refuses an ambiguous one', () => {
    expect(matchOption(cabins, 'busi')).toBe(2);
    expect(matchOption(cabins, 'conom')).toBe(-1);
    expect(matchOption(cabins, 'First')).toBe(-1);
    expect(matchOption(cabins, '   ')).toBe(-1);
  });
});

describe('optionNotFound', () => {
  it('lists the options', () => {
    expect(optionNotFound('First', cabins)).toBe(
      'option "First" not found; options are: Economy, Premium Economy, Business',
    );
  });

  it('caps a long list and says so', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ text: `C${i}`, value: `${i}` }));
    expect(optionNotFound('X', many)).toMatch(/C29 \(and 10 more\)$/);
  });

  it('explains an empty list', () => {
    expect(optionNotFound('X', [])).toMatch(/no options yet/);
  });
});
