/* eslint-disable no-restricted-globals -- the probe runs in a page's world: this test gives it
   one (happy-dom), unlike the rest of the worker's code. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ListenerHints,
  MAX_DELEGATIONS,
  MAX_LISTENER_TARGETS,
  MAX_PATH_DEPTH,
} from '@shared/protocol/listeners';
import { probeListeners, type ProbeLimits, type ProbeResult } from './listener-probe';

// Chrome runs the probe from its source text: rebuilt from it here, so a reference to anything
// outside its body fails these tests as it would fail in the page.
// eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- as Chrome does.
const fromSource = new Function(`return (${probeListeners.toString()})`)() as typeof probeListeners;
const LIMITS: ProbeLimits = {
  maxTargets: MAX_LISTENER_TARGETS,
  maxDelegations: MAX_DELEGATIONS,
  maxDepth: MAX_PATH_DEPTH,
};
const probe = (limits = LIMITS): ProbeResult => fromSource(limits);
const el = (selector: string): Element => document.querySelector(selector)!;
const expando = (node: object, key: string, value: unknown) => {
  (node as Record<string, unknown>)[key] = value;
};
const page = globalThis as unknown as Record<string, unknown>;

beforeEach(() => {
  document.body.innerHTML = '';
  delete page.jQuery;
  delete page.$;
});

// jQuery's handler lists: delegated handleObjs first, counted by delegateCount.
function jqueryEvents(direct: number, selectors: string[] = []) {
  const list: object[] & { delegateCount?: number } = [
    ...selectors.map((selector) => ({ type: 'click', origType: 'click', selector })),
    ...Array.from({ length: direct }, () => ({ type: 'click', origType: 'click' })),
  ];
  list.delegateCount = selectors.length;
  return { click: list };
}

describe('probeListeners', () => {
  it('names elements by child-index paths from the document, into open shadow roots', () => {
    document.body.innerHTML = '<div><span></span><b id="t"></b></div><p id="host"></p>';
    expando(el('#t'), '__on', [{ type: 'click', name: '', value: () => 0 }]);
    const shadow = el('#host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<i></i><button>x</button>';
    expando(shadow.querySelector('button')!, '_vei', { onClick: () => 0 });
    const result = probe();
    // html(0) > body(1) > div(0) > b(1); html(0) > body(1) > p(1) > shadow > button(1).
    expect(result.targets).toEqual([
      { path: [0, 1, 0, 1], tag: 'b' },
      { path: [0, 1, 1, -1, 1], tag: 'button' },
    ]);
    expect(ListenerHints.parse(result)).toEqual(result);
    expect(result.truncated).toBe(false);
  });

  it('reads each framework’s trace, and only pointer events', () => {
    document.body.innerHTML = [
      'jq3',
      'jq3-keyup',
      'd3',
      'd3-mouseover',
      'react',
      'react16',
      'react-no-handler',
      'vue',
      'vue-once',
      'vue-removed',
      'prop',
      'plain',
    ]
      .map((id) => `<div id="${id}"></div>`)
      .join('');
    page.jQuery = Object.assign(() => 0, { expando: 'jQuery36101234' });
    expando(el('#jq3'), 'jQuery361012341', { events: jqueryEvents(1), handle: () => 0 });
    expando(el('#jq3-keyup'), 'jQuery361012341', { events: { keyup: [{ type: 'keyup' }] } });
    expando(el('#d3'), '__on', [{ type: 'mousedown', name: 'drag', value: () => 0 }]);
    expando(el('#d3-mouseover'), '__on', [{ type: 'mouseover', name: '', value: () => 0 }]);
    expando(el('#react'), '__reactProps$ab12', { onClick: () => 0, children: 'x' });
    expando(el('#react16'), '__reactEventHandlers$cd34', { onMouseDown: () => 0 });
    expando(el('#react-no-handler'), '__reactProps$ab12', { className: 'x', onClick: undefined });
    expando(el('#vue'), '_vei', { onMousedown: () => 0 });
    expando(el('#vue-once'), '_vei', { onClickOnce: () => 0 });
    expando(el('#vue-removed'), '_vei', { onClick: undefined });
    (el('#prop') as HTMLElement).onclick = () => 0;
    const found = probe().targets.map(({ path }) => document.body.children[path[2]!]!.id);
    expect(found).toEqual(['jq3', 'd3', 'react', 'react16', 'vue', 'vue-once', 'prop']);
  });

  it('reads jQuery 1.x data from jQuery.cache by the element’s number', () => {
    document.body.innerHTML = '<ul id="list"><li>a</li></ul><div id="row"></div>';
    const cache: Record<number, object> = { 3: { events: jqueryEvents(1) } };
    page.$ = Object.assign(() => 0, { expando: 'jQuery1124', cache });
    expando(el('#row'), 'jQuery1124', 3);
    expect(probe().targets).toEqual([{ path: [0, 1, 1], tag: 'div' }]);
  });

  it('reports delegated handlers with their selector, on elements and on the document', () => {
    document.body.innerHTML = '<ul id="menu"><li>a</li></ul>';
    page.jQuery = Object.assign(() => 0, { expando: 'jQuery3' });
    expando(el('#menu'), 'jQuery31', { events: jqueryEvents(0, ['li', '> li.x']) });
    expando(document, 'jQuery31', { events: jqueryEvents(0, ['.cell']) });
    const result = probe();
    // A list with only delegated handlers is no target itself.
    expect(result.targets).toEqual([]);
    expect(result.delegated).toEqual([
      { path: [], tag: '#document', selector: '.cell' },
      { path: [0, 1, 0], tag: 'ul', selector: 'li' },
      { path: [0, 1, 0], tag: 'ul', selector: '> li.x' },
    ]);
  });

  it('stops at its limits and says so', () => {
    document.body.innerHTML = '<p></p><p></p><p></p>';
    for (const p of Array.from(document.querySelectorAll('p'))) {
      expando(p, '__on', [{ type: 'click' }]);
    }
    const result = probe({ ...LIMITS, maxTargets: 2 });
    expect(result.targets).toHaveLength(2);
    expect(result.truncated).toBe(true);
  });

  it('writes nothing to the page: no attribute, no node, no expando', () => {
    document.body.innerHTML = '<div id="a"><span>x</span></div><div id="b"></div>';
    page.jQuery = Object.assign(() => 0, { expando: 'jQuery3' });
    expando(el('#a'), 'jQuery31', { events: jqueryEvents(1) });
    const before = document.documentElement.outerHTML;
    const observer = new MutationObserver(() => undefined);
    observer.observe(document, { subtree: true, childList: true, attributes: true });
    probe();
    expect(observer.takeRecords()).toEqual([]);
    observer.disconnect();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(Object.keys(el('#b'))).toEqual([]);
    expect(Object.keys(el('#a span'))).toEqual([]);
  });
});
