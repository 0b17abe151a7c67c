import { describe, expect, it } from 'vitest';
import { dekOf, leadImage, titleWithoutSite, visibleHeadline } from './article-fields';

describe('article fields', () => {
  it('drops a site suffix or prefix only when the rest is a headline the page states', () => {
    expect(
      titleWithoutSite('Council delays plan | The Courier', ['Council delays plan'], null),
    ).toBe('Council delays plan');
    expect(
      titleWithoutSite(
        'The Courier - Council delays plan',
        [null, 'Council delays plan'],
        'The Courier',
      ),
    ).toBe('Council delays plan');
    expect(titleWithoutSite('Council delays plan – The Courier', [], 'The Courier')).toBe(
      'Council delays plan',
    );
    // A colon inside a headline is kept when nothing says the rest is a site name.
    expect(titleWithoutSite('Rust: a language for everyone', ['Other'], 'Blog')).toBe(
      'Rust: a language for everyone',
    );
    expect(titleWithoutSite(null, ['x'], null)).toBeNull();
  });

  it('reads the visible headline, the dek and the lead image', () => {
    document.head.innerHTML = '';
    document.body.innerHTML = `<h1>Site logo</h1><article><h1> Big  story </h1>
      <p class="article-subtitle">What happened on the river bank, and why it matters.</p></article>`;
    expect(visibleHeadline(document)).toBe('Big story');
    expect(dekOf(document, null)).toBe('What happened on the river bank, and why it matters.');
    expect(dekOf(document, 'A declared alternative headline')).toBe(
      'A declared alternative headline',
    );
    expect(leadImage([{ image: [{ url: '/lead.jpg' }] }], ['/og.jpg'], 'http://x.test/a/')).toBe(
      'http://x.test/lead.jpg',
    );
    expect(leadImage([{}], [['/og.jpg']], 'http://x.test/a/')).toBe('http://x.test/og.jpg');
  });
});
