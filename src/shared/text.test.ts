import { describe, expect, it } from 'vitest';
import { normalizeSpace } from './text';

describe('normalizeSpace', () => {
  it.each([
    ['Item 0', 'Item 0'],
    ['', ''],
    [' ', ''],
    ['  Add  to cart ', 'Add to cart'],
    ['a\nb', 'a b'],
    ['a\tb', 'a b'],
    ['a\u00a0b', 'a b'],
    ['a\u3000b\u2028c', 'a b c'],
    ['\ufeffword', 'word'],
    ['x ', 'x'],
    [' x', 'x'],
  ])('normalizes %j to %j, as the regex and trim do', (text, normal) => {
    expect(normalizeSpace(text)).toBe(normal);
    expect(normalizeSpace(text)).toBe(text.replace(/\s+/g, ' ').trim());
  });
});
