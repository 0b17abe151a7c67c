import { describe, expect, it } from 'vitest';
import { labelsOf, withLabelCache } from './labels';

const byId = (root: Document | ShadowRoot, id: string): Element => root.getElementById(id)!;

describe('labelsOf', () => {
  it('finds the same labels as element.labels, in tree order, inside and outside a pass', () => {
    document.body.innerHTML = `
      <label for="email">Email</label>
      <label>Wrapped <input id="wrapped" type="checkbox"></label>
      <input id="email">
      <label for="email">Second label</label>
      <button id="plain">No label</button>
      <div id="div">Not labelable</div>`;
    const ids = ['email', 'wrapped', 'plain', 'div'];
    const native = ids.map((id) =>
      Array.from((byId(document, id) as HTMLInputElement).labels ?? [], (l) => l.textContent),
    );
    const cached = withLabelCache(() =>
      ids.map((id) => labelsOf(byId(document, id)).map((l) => l.textContent)),
    );
    const uncached = ids.map((id) => labelsOf(byId(document, id)).map((l) => l.textContent));
    expect(cached).toEqual([['Email', 'Second label'], ['Wrapped '], [], []]);
    expect(native).toEqual(cached);
    expect(uncached).toEqual(cached);
  });

  it('resolves labels within the control’s own shadow tree', () => {
    document.body.innerHTML = '<label for="inner">Outside label</label><div id="host"></div>';
    const root = byId(document, 'host').attachShadow({ mode: 'open' });
    root.innerHTML = '<label for="inner">Inside label</label><input id="inner">';
    const labels = withLabelCache(() => labelsOf(byId(root, 'inner')).map((l) => l.textContent));
    expect(labels).toEqual(['Inside label']);
  });

  it('shares one pass between nested calls and forgets it afterwards', () => {
    document.body.innerHTML = '<label>Before <input id="a"></label>';
    const input = byId(document, 'a');
    withLabelCache(() => {
      expect(withLabelCache(() => labelsOf(input).length)).toBe(1);
      input.closest('label')!.replaceWith(input);
      // Within a pass the DOM is taken as it was when the pass first looked.
      expect(labelsOf(input).length).toBe(1);
    });
    expect(labelsOf(input).length).toBe(0);
  });
});
