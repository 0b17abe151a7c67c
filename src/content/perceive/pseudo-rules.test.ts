// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createPseudoContentCheck } from './pseudo-rules';

function page(html: string): Document {
  document.head.innerHTML = '';
  document.body.innerHTML = html;
  return document;
}

const style = (css: string): HTMLStyleElement => {
  const element = document.createElement('style');
  element.textContent = css;
  document.head.append(element);
  return element;
};

describe('createPseudoContentCheck', () => {
  it('says no pseudo-element content is possible without any rule naming one', () => {
    page('<a href="/x" id="link">Link</a>');
    style('a { color: red } @media print { a { color: black } }');
    expect(createPseudoContentCheck()(document.getElementById('link')!)).toBe(false);
  });

  it.each([
    ['a::before { content: "x" }'],
    ['a:after { content: "x" }'],
    ['.icon:BEFORE { content: "x" }'],
    ['@media screen { a::after { content: "x" } }'],
    ['@supports (display: grid) { @media screen { b::before { content: "" } } }'],
  ])('finds %s', (css) => {
    page('<a href="/x" id="link">Link</a>');
    style(css);
    expect(createPseudoContentCheck()(document.getElementById('link')!)).toBe(true);
  });

  it('sees rules added after an earlier pass cached the sheet', () => {
    page('<a href="/x" id="link">Link</a>');
    const sheet = style('a { color: red }').sheet!;
    expect(createPseudoContentCheck()(document.getElementById('link')!)).toBe(false);
    sheet.insertRule('a::before { content: "new" }', sheet.cssRules.length);
    expect(createPseudoContentCheck()(document.getElementById('link')!)).toBe(true);
  });
  // Shadow-tree and ::slotted sheets: e2e/perception.spec.ts, in Chromium (emulators lack them).
});
