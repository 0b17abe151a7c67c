import { describe, expect, it } from 'vitest';
import { dekOf, leadImage } from './article-fields';
import { visibleHeadline } from './title';

describe('article fields', () => {
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

  it('finds a dek the page shows under its headline, and no byline as a dek', () => {
    document.head.innerHTML = '';
    document.body.innerHTML = `<article><header><h1>Big story</h1>
      <p>The river bank plan is put off until spring, again.</p><p>By Ada Lovett</p></header>
      <p>Body paragraph one, long enough to be a story paragraph of its own.</p></article>`;
    // Shown right under the h1 and stated as the page's description: the dek.
    expect(dekOf(document, null, ['The river bank plan is put off until spring, again.'])).toBe(
      'The river bank plan is put off until spring, again.',
    );
    // The same paragraph with no description saying so is not taken for a dek.
    expect(dekOf(document, null, ['Something else'])).toBeNull();
    document.body.innerHTML = `<main><h1>Big story</h1><h2>Why the plan was put off until spring</h2>
      <p>Body.</p></main>`;
    expect(dekOf(document, null)).toBe('Why the plan was put off until spring');
    document.body.innerHTML = `<main><h1>Big story</h1><p class="subtitle">By Ada Lovett, staff reporter</p></main>`;
    expect(dekOf(document, null)).toBeNull();
  });
});
