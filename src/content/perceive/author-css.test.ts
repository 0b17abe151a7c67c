// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  createPseudoContentCheck,
  paintAttributes,
  treeMayClipPath,
  treeMayHidePaint,
  treeMayTransform,
} from './author-css';

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

describe('treeMayTransform', () => {
  it('says no element can be transformed without any rule setting a transform', () => {
    page('<div class="x">x</div>');
    style('.x { color: red; position: relative } @media print { .x { opacity: 0.5 } }');
    expect(treeMayTransform(document)).toBe(false);
  });

  it.each([
    ['.x { transform: rotate(1deg) }'],
    ['.x { transform: var(--lift) }'],
    ['@media screen { @supports (display: grid) { .x { transform: scale(2) } } }'],
    ['@keyframes spin { to { transform: rotate(360deg) } }'],
  ])('finds %s', (css) => {
    page('<div class="x">x</div>');
    style(css);
    expect(treeMayTransform(document)).toBe(true);
  });

  it('sees a transform added after an earlier pass cached the sheet', () => {
    page('<div class="x">x</div>');
    const sheet = style('.x { color: red }').sheet!;
    expect(treeMayTransform(document)).toBe(false);
    sheet.insertRule('.x { transform: translateX(4px) }', sheet.cssRules.length);
    expect(treeMayTransform(document)).toBe(true);
  });
  // translate/rotate/scale, shadow-root sheets and script animations: e2e/perception.spec.ts,
  // in Chromium (emulators lack them).
});

describe('treeMayHidePaint', () => {
  it('says no text can be painted away without any rule setting colour, background, size or indent', () => {
    page('<p class="x">x</p>');
    style(
      '.x { margin: 4px; position: relative; opacity: 0.9 } @media print { .x { display: none } }',
    );
    expect(treeMayHidePaint(document)).toBe(false);
  });

  it.each([
    ['.x { color: #fff }'],
    ['.x { color: var(--ink) }'],
    ['.x { background: #000 }'],
    ['.x { font: 0/0 a }'],
    ['.x { text-indent: -9999px }'],
    ['.x { all: unset }'],
    ['@media screen { .x { background-color: red } }'],
    ['@keyframes fade { to { color: transparent } }'],
  ])('finds %s', (css) => {
    page('<p class="x">x</p>');
    style(css);
    expect(treeMayHidePaint(document)).toBe(true);
  });

  it('names the attributes that paint: style, font color, bgcolor, body text', () => {
    page('<font color="#fff">a</font><td bgcolor="#000"></td><span title="t">b</span>');
    expect(paintAttributes(document.querySelector('font')!, 'font')).toBe(true);
    expect(paintAttributes(document.querySelector('span')!, 'span')).toBe(false);
    document.body.setAttribute('text', '#fff');
    expect(paintAttributes(document.body, 'body')).toBe(true);
  });
});

describe('treeMayClipPath', () => {
  it('finds clip-path rules only', () => {
    page('<p class="x">x</p>');
    style('.x { clip: rect(0 0 0 0); overflow: hidden }');
    expect(treeMayClipPath(document)).toBe(false);
    style('.y { clip-path: inset(50%) }');
    expect(treeMayClipPath(document)).toBe(true);
  });
});
