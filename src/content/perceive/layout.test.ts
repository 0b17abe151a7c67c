import { describe, expect, it } from 'vitest';
import { contentText } from './layout';

describe('contentText', () => {
  it('reads CSS strings, prefers alt text and drops images', () => {
    expect(contentText('"x"')).toBe('x');
    expect(contentText('"a / b"')).toBe('a / b');
    expect(contentText('"before " / " alt-before"')).toBe(' alt-before');
    expect(contentText('"before " url("http://x/a.png") / ""')).toBe('');
    expect(contentText('"a" url(x) \'b\'')).toBe('ab');
  });
});
