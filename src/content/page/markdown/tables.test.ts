import { describe, expect, it } from 'vitest';
import { createConverter } from './turndown';

const convert = (html: string) => {
  const root = document.createElement('div');
  root.innerHTML = html;
  return createConverter().turndown(root).trim();
};

describe('GFM tables', () => {
  it('gives a header-less table an empty heading row', () => {
    expect(
      convert('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>'),
    ).toBe('|  |  |\n| --- | --- |\n| a | b |\n| c | d |');
  });

  it('keeps lists and headings inside cells as one line, escaping pipes', () => {
    const markdown = convert(
      '<table><thead><tr><th>Name</th><th>Notes</th></tr></thead><tbody><tr><td><h3>x|y</h3></td><td><ul><li>one</li><li>two</li></ul></td></tr></tbody></table>',
    );
    expect(markdown).toBe('| Name | Notes |\n| --- | --- |\n| ### x\\|y | -   one -   two |');
  });

  it('pads colspans and unwraps layout tables', () => {
    expect(
      convert(
        '<table><tr><th>A</th><th>B</th><th>C</th></tr><tr><td colspan="2">wide</td><td>c</td></tr></table>',
      ),
    ).toBe('| A | B | C |\n| --- | --- | --- |\n| wide | | c |');
    const layout = convert(
      '<table><tr><td><p>Column one</p></td><td><table><tr><th>k</th></tr><tr><td>v</td></tr></table></td></tr></table>',
    );
    expect(layout).toContain('Column one');
    expect(layout).toContain('| k |\n| --- |\n| v |');
    expect(
      convert('<table role="presentation"><tr><td>Just</td><td>layout</td></tr></table>'),
    ).toBe('Just\n\nlayout');
  });
});
