import { beforeEach, describe as group, expect, it } from 'vitest';
import { accessibleName, describe, nameHint, renderedText, shortHref } from './describe';
import { classify } from './roles';

const options = { getComputedStyle: window.getComputedStyle.bind(window), pseudoElements: false };

const first = <T extends Element>(selector: string): T => document.querySelector<T>(selector)!;

// The first match's accessible name and description, as perception gives them.
function named(selector: string): { name: string; description: string } {
  const element = first(selector);
  const name = accessibleName(element, options);
  return { name, description: describe(element, classify(element, false), name) };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

group('names of unlabelled elements', () => {
  it('gives an unlabelled select no name from its options or a script inside it', () => {
    document.body.innerHTML = `<select name="exp">
      <script>document.write(getExpirationOptions());</script>
      <option>Expiration Date</option><option>2026-December</option></select>`;
    expect(named('select')).toEqual({
      name: '',
      description: 'combobox (selected="Expiration Date"; options: Expiration Date, 2026-December)',
    });
  });

  it('gives an unlabelled text area no name from its text: the value says it', () => {
    document.body.innerHTML = '<textarea>Dear editor, a long letter</textarea>';
    expect(named('textarea')).toEqual({
      name: '',
      description: 'textbox (multiline, value="Dear editor, a long letter")',
    });
  });

  it('still names a select by its label', () => {
    document.body.innerHTML = `<label>Cabin <select><option>Economy</option></select></label>`;
    expect(accessibleName(first('select'), options)).toBe('Cabin');
  });

  it('hints a generic clickable by its rendered text, not scripts, styles or templates', () => {
    document.body.innerHTML = `<div onclick="open()">Open <style>.x{color:red}</style>
      <script>track('open')</script><noscript>Enable JS</noscript>
      <template>Hidden copy</template><b>menu</b></div>`;
    expect(accessibleName(first('div'), options)).toBe('');
    expect(nameHint(first('div'), options)).toBe('Open menu');
  });
});

group('renderedText', () => {
  it('stops near the bound', () => {
    document.body.innerHTML = `<div>${'<span>word </span>'.repeat(1000)}</div>`;
    const text = renderedText(first('div'), 50);
    expect(text).toHaveLength(50);
    expect(text.startsWith('word word')).toBe(true);
  });
});

group('href of unnamed links', () => {
  const AD = `https://www.nytimes.com/adx/bin/adx_click.html?type=goto&page=homepage.nytimes.com/index.html&pos=Box1&sn2=${'a'.repeat(400)}`;

  it('keeps short hrefs whole', () => {
    expect(shortHref('/sections/world?page=2')).toBe('/sections/world?page=2');
  });

  it('keeps origin and path of a long URL and drops its query', () => {
    expect(shortHref(AD)).toBe('https://www.nytimes.com/adx/bin/adx_click.html?…');
  });

  it('truncates a long path like other states', () => {
    const href = `https://ad.doubleclick.net/click;${'h=v8;'.repeat(60)}`;
    const short = shortHref(href);
    expect(short).toHaveLength(100);
    expect(short.endsWith('…')).toBe(true);
  });

  it('shortens the href state of an image link with no name', () => {
    document.body.innerHTML = `<a href="${AD}"><img src="ad.gif"></a>`;
    const link = first('a');
    expect(describe(link, classify(link, true), '')).toBe(
      'link (href=https://www.nytimes.com/adx/bin/adx_click.html?…)',
    );
  });
});
