import { beforeEach, describe, expect, it } from 'vitest';
import { delegatedMatches, listenerTargets, resolvePath } from './listeners';

beforeEach(() => {
  document.body.innerHTML = '';
});

const hints = (
  targets: { path: number[]; tag: string }[],
  delegated: { path: number[]; tag: string; selector: string }[] = [],
) => ({ targets, delegated, scanned: 0, truncated: false, elapsed_ms: 0 });

describe('resolvePath', () => {
  it('follows child indices from the document and steps into open shadow roots', () => {
    document.body.innerHTML = '<div><span></span><b></b></div><p></p>';
    const shadow = document.querySelector('p')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<i></i><button></button>';
    expect(resolvePath(document, [])).toBe(document);
    expect(resolvePath(document, [0, 1, 0, 1])).toBe(document.querySelector('b'));
    expect(resolvePath(document, [0, 1, 1, -1, 1])).toBe(shadow.querySelector('button'));
  });

  it('answers null for a path that leads nowhere now', () => {
    document.body.innerHTML = '<div></div>';
    expect(resolvePath(document, [0, 1, 5])).toBeNull();
    expect(resolvePath(document, [0, 1, 0, -1, 0])).toBeNull();
    // A path that ends in a shadow root names no element.
    const shadow = document.querySelector('div')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<i></i>';
    expect(resolvePath(document, [0, 1, 0, -1])).toBeNull();
  });
});

describe('delegatedMatches', () => {
  beforeEach(() => {
    document.body.innerHTML =
      '<ul id="menu"><li class="a">1</li><li>2<ul><li class="a">2.1</li></ul></li></ul><li class="a">out</li>';
  });
  const menu = () => document.getElementById('menu')!;
  const texts = (elements: Element[]) => elements.map((e) => e.firstChild?.textContent);

  it('matches descendants of the delegating element only', () => {
    expect(texts(delegatedMatches(menu(), 'li.a'))).toEqual(['1', '2.1']);
  });

  it('reads a leading combinator relative to the delegating element', () => {
    expect(texts(delegatedMatches(menu(), '> li'))).toEqual(['1', '2']);
  });

  it('matches nothing for jQuery-only selectors or blanks, instead of throwing', () => {
    expect(delegatedMatches(menu(), 'li:visible')).toEqual([]);
    expect(delegatedMatches(menu(), 'li:eq(1)')).toEqual([]);
    expect(delegatedMatches(menu(), '  ')).toEqual([]);
  });

  it('matches in the whole document for a handler on the document', () => {
    expect(texts(delegatedMatches(document, 'li.a'))).toEqual(['1', '2.1', 'out']);
  });
});

describe('listenerTargets', () => {
  it('drops a path whose element is not the one the probe saw, and adds delegated matches', () => {
    document.body.innerHTML = '<div id="row"></div><ul><li>a</li><li>b</li></ul>';
    const found = listenerTargets(
      document,
      hints(
        [
          { path: [0, 1, 0], tag: 'div' },
          // The list, not a div any more: the DOM changed after the probe.
          { path: [0, 1, 1], tag: 'div' },
        ],
        [{ path: [0, 1, 1], tag: 'ul', selector: 'li' }],
      ),
    );
    expect([...found].map((e) => e.id || e.textContent)).toEqual(['row', 'a', 'b']);
  });
});
