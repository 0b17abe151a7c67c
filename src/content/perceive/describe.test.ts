import { beforeEach, describe as group, expect, it } from 'vitest';
import { accessibleName, describe, renderedText } from './describe';
import { classify } from './roles';

const options = { getComputedStyle: window.getComputedStyle.bind(window), pseudoElements: false };

const first = <T extends Element>(selector: string): T => document.querySelector<T>(selector)!;

beforeEach(() => {
  document.body.innerHTML = '';
});

group('names of unlabelled elements', () => {
  it('gives an unlabelled select no name from its options or a script inside it', () => {
    document.body.innerHTML = `<select name="exp">
      <script>document.write(getExpirationOptions());</script>
      <option>Expiration Date</option><option>2026-December</option></select>`;
    const select = first<HTMLSelectElement>('select');
    const name = accessibleName(select, options);
    expect(name).toBe('');
    expect(describe(select, classify(select, false), name)).toBe(
      'combobox (selected="Expiration Date"; options: Expiration Date, 2026-December)',
    );
  });

  it('gives an unlabelled text area no name from its text: the value says it', () => {
    document.body.innerHTML = '<textarea>Dear editor, a long letter</textarea>';
    const area = first<HTMLTextAreaElement>('textarea');
    const name = accessibleName(area, options);
    expect(name).toBe('');
    expect(describe(area, classify(area, false), name)).toBe(
      'textbox (value="Dear editor, a long letter")',
    );
  });

  it('still names a select by its label', () => {
    document.body.innerHTML = `<label>Cabin <select><option>Economy</option></select></label>`;
    expect(accessibleName(first('select'), options)).toBe('Cabin');
  });

  it('names a generic clickable after its rendered text, not scripts, styles or templates', () => {
    document.body.innerHTML = `<div onclick="open()">Open <style>.x{color:red}</style>
      <script>track('open')</script><noscript>Enable JS</noscript>
      <template>Hidden copy</template><b>menu</b></div>`;
    expect(accessibleName(first('div'), options)).toBe('Open menu');
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
