import { afterEach, describe, expect, it, vi } from 'vitest';
import { MARKS } from '../dom/marks';
import { extractPage, type ExtractPageOptions } from './index';
import { frameTokenOf } from '../dom/frame-tokens';

const ids = new WeakMap<Element, string>();
const base: ExtractPageOptions = {
  onlyMainContent: false,
  idsInMarkdown: false,
  idOf: (element) => ids.get(element),
};

/** Markers rendered readable for assertions. */
const readable = (markdown: string) =>
  markdown.replace(MARKS.idPattern, '<$1>').replace(MARKS.framePattern, '<frame $1>');

function page(html: string, options: Partial<ExtractPageOptions> = {}): string {
  document.head.innerHTML = '';
  document.body.innerHTML = html;
  return readable(extractPage(document, { ...base, ...options }).markdown);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('whole-page markdown', () => {
  it('renders headings, emphasis, lists and absolute links', () => {
    const markdown = page(
      '<h1>Title</h1><p>Some <b>bold</b> and <em>soft</em> text.</p><ul><li>One</li><li>Two</li></ul><a href="/about">About us</a>',
    );
    expect(markdown).toContain('# Title');
    expect(markdown).toContain('Some **bold** and _soft_ text.');
    expect(markdown).toContain('-   One\n-   Two');
    expect(markdown).toContain(`[About us](${new URL('/about', document.baseURI).href})`);
  });

  it('drops hidden nodes by style and attribute, keeps aria-hidden text', () => {
    const markdown = page(`
      <style>.gone { display: none }</style>
      <p>Shown</p>
      <p class="gone">Class hidden</p>
      <p style="display:none">Inline hidden</p>
      <p hidden>Attribute hidden</p>
      <div style="visibility:hidden">Invisible <span style="visibility:visible">but this shows</span></div>
      <p aria-hidden="true">Decorative but visible</p>
      <script>var secret = 1;</script><style>p{}</style><template><p>Template</p></template>
      <noscript>Enable JS</noscript>`);
    expect(markdown).toContain('Shown');
    expect(markdown).toContain('but this shows');
    expect(markdown).toContain('Decorative but visible');
    for (const gone of [
      'Class hidden',
      'Inline hidden',
      'Attribute hidden',
      'Invisible',
      'secret',
      'Template',
      'Enable JS',
    ]) {
      expect(markdown).not.toContain(gone);
    }
  });

  it('uses an injected visibility check', () => {
    const markdown = page('<p>Keep</p><p data-offscreen>Drop</p>', {
      isVisible: (element) => !element.hasAttribute('data-offscreen'),
    });
    expect(markdown).toBe('Keep');
  });

  it('shows only the summary of a closed details element', () => {
    const markdown = page(
      '<details><summary>More</summary><p>Folded</p></details><details open><summary>Open</summary><p>Unfolded</p></details>',
    );
    expect(markdown).toContain('More');
    expect(markdown).not.toContain('Folded');
    expect(markdown).toContain('Unfolded');
  });

  it('flattens shadow roots in place, slotting light children', () => {
    document.body.innerHTML =
      '<p>Before</p><x-card><span slot="title">Slotted title</span><span>Body text</span></x-card><p>After</p>';
    const host = document.querySelector('x-card') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML =
      '<h2><slot name="title"></slot></h2><p>Shadow says <slot></slot></p><style>h2{}</style>';
    const markdown = readable(extractPage(document, base).markdown);
    expect(markdown).toBe('Before\n\n## Slotted title\n\nShadow says Body text\n\nAfter');
  });

  it('writes no frame marker for a frame whose document has not claimed a token', () => {
    const markdown = page('<p>Top</p><iframe></iframe><p>Bottom</p>');
    expect(frameTokenOf(document.querySelector('iframe')!)).toBeNull();
    expect(markdown).toBe('Top\n\nBottom');
  });

  it('annotates links and controls with marked ids', () => {
    document.body.innerHTML =
      '<a href="https://x.test/about">About us</a> <button>Go</button> <input aria-label="Query">';
    ids.set(document.querySelector('a') as Element, 'L2');
    ids.set(document.querySelector('button') as Element, 'B1');
    ids.set(document.querySelector('input') as Element, 'I4');
    const markdown = readable(extractPage(document, { ...base, idsInMarkdown: true }).markdown);
    expect(markdown).toBe(
      '[About us](https://x.test/about) {<L2>} [Go] {<B1>} [Query: ___] {<I4>}',
    );
    expect(readable(extractPage(document, base).markdown)).not.toContain('{<');
  });

  it('resolves lazy images and skips placeholders and data URLs in markdown', () => {
    const markdown = page(`
      <img alt="Lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/real.jpg">
      <img alt="Set" srcset="/a-320.jpg 320w, /a-1024.jpg 1024w">
      <img alt="Inline" src="data:image/png;base64,${'A'.repeat(400)}">`);
    expect(markdown).toContain(`![Lazy](${new URL('/img/real.jpg', document.baseURI).href})`);
    expect(markdown).toContain(`![Set](${new URL('/a-1024.jpg', document.baseURI).href})`);
    expect(markdown).not.toContain('data:');
  });

  it('names icon-only links and skips javascript: URLs', () => {
    const markdown = page(
      '<a href="/cart" aria-label="Cart"><svg></svg></a> <a href="javascript:void 0">Menu</a>',
    );
    expect(markdown).toContain(`[Cart](${new URL('/cart', document.baseURI).href})`);
    expect(markdown).toContain('Menu');
    expect(markdown).not.toContain('javascript');
  });

  it('limits output to the selector and collapses blank lines', () => {
    const markdown = page('<p>Outside</p><section id="s"><p>A</p><br><br><br><p>B</p></section>', {
      selector: '#s',
    });
    expect(markdown).toBe('A\n\nB');
    expect(page('<p>x</p>', { selector: '#none' })).toContain('no element matches');
  });
});
