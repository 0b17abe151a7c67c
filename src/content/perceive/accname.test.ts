import { beforeEach, describe, expect, it } from 'vitest';
import { computeName } from './accname';

const styles = { style: (e: Element) => window.getComputedStyle(e), pseudoElements: false };
const nameOf = (selector: string) => computeName(document.querySelector(selector)!, styles);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('spacing in names from content (2F)', () => {
  it('joins inline descendants without a space and separates block ones', () => {
    document.body.innerHTML = `
      <button id="a">Pay<span>Now</span></button>
      <button id="b">Pay<div>Now</div></button>`;
    expect(nameOf('#a')).toBe('PayNow');
    expect(nameOf('#b')).toBe('Pay Now');
  });

  it('keeps a whitespace-only descendant as a separator', () => {
    document.body.innerHTML = `<button id="a">button<span><span> </span></span>label</button>`;
    expect(nameOf('#a')).toBe('button label');
  });
});

describe('shadow roots and slots', () => {
  it('reads a shadow host through its shadow root', () => {
    document.body.innerHTML = `<span id="l"><span id="h"></span></span>
      <button id="a" aria-labelledby="l"></button>`;
    document.querySelector('#h')!.attachShadow({ mode: 'open' }).innerHTML = 'foo';
    expect(nameOf('#a')).toBe('foo');
  });

  it('follows assigned nodes, else fallback content, and ignores aria-label on slots', () => {
    document.body.innerHTML = `
      <button id="a"><span id="h1">slotted</span></button>
      <button id="b"><span id="h2"></span></button>`;
    const inner = 'foo <slot aria-label="x">default</slot> bar';
    document.querySelector('#h1')!.attachShadow({ mode: 'open' }).innerHTML = inner;
    document.querySelector('#h2')!.attachShadow({ mode: 'open' }).innerHTML = inner;
    expect(nameOf('#a')).toBe('foo slotted bar');
    expect(nameOf('#b')).toBe('foo default bar');
  });

  it('resolves aria-labelledby inside the shadow root the element lives in', () => {
    document.body.innerHTML = `<div id="h"></div><span id="l">outside</span>`;
    const root = document.querySelector('#h')!.attachShadow({ mode: 'open' });
    root.innerHTML = `<span id="l">inside</span><button aria-labelledby="l">x</button>`;
    expect(computeName(root.querySelector('button')!, styles)).toBe('inside');
  });
});

describe('aria-labelledby and hidden nodes (2A, 2B)', () => {
  it('uses a hidden target with its hidden descendants', () => {
    document.body.innerHTML = `<button id="a" aria-labelledby="l" aria-label="foo">x</button>
      <span id="l" style="display:none">label <span style="display:none">more</span></span>`;
    expect(nameOf('#a')).toBe('label more');
  });

  it('skips hidden descendants of a visible target, then falls back to aria-label', () => {
    document.body.innerHTML = `<button id="a" aria-labelledby="l" aria-label="foo">x</button>
      <span id="l"><span hidden>label</span></span>`;
    expect(nameOf('#a')).toBe('foo');
  });

  it('lets a visibility:visible descendant of a visibility:hidden node count', () => {
    document.body.innerHTML = `<h2 id="a">shown, <span style="visibility:hidden">hidden,
      <span style="visibility:visible">back</span></span></h2>`;
    expect(nameOf('#a')).toBe('shown, back');
  });

  it('names a hidden root with the empty string', () => {
    document.body.innerHTML = `<div style="display:none"><button id="a">x</button></div>`;
    expect(nameOf('#a')).toBe('');
  });
});

describe('embedded controls (2C, 2E)', () => {
  it('uses the value of a control embedded in a label, not its aria-label', () => {
    document.body.innerHTML = `
      <label><input id="a" type="checkbox"> Flash <input value="3" aria-label="n"> times</label>
      <label><input id="b" type="checkbox"> Flash
        <select aria-label="n"><option>1</option><option selected>3</option></select> times</label>
      <label><input id="c" type="checkbox"> Flash
        <span role="combobox" tabindex="0" aria-label="n">3</span> times</label>
      <label><input id="d" type="checkbox"> Volume
        <span role="slider" aria-valuenow="5" aria-valuetext="loud"></span></label>`;
    expect(nameOf('#a')).toBe('Flash 3 times');
    expect(nameOf('#b')).toBe('Flash 3 times');
    expect(nameOf('#c')).toBe('Flash 3 times');
    expect(nameOf('#d')).toBe('Volume loud');
  });
});

describe('tooltip (2I) and native names (2D)', () => {
  it('falls back to title, also on an image with empty alt', () => {
    document.body.innerHTML = `<img id="a" alt="" title="t"><div id="b" role="group" title="g">x</div>`;
    expect(nameOf('#a')).toBe('t');
    expect(nameOf('#b')).toBe('g');
  });

  it('keeps native names: alt, submit default, fieldset legend', () => {
    document.body.innerHTML = `<img id="a" alt="logo"><input id="b" type="submit">
      <fieldset id="c"><legend>Card</legend></fieldset>`;
    expect(nameOf('#a')).toBe('logo');
    expect(nameOf('#b')).toBe('Submit');
    expect(nameOf('#c')).toBe('Card');
  });
});
