import { describe, expect, it } from 'vitest';
import {
  chooseTitle,
  dekOf,
  hostLabel,
  leadImage,
  stripSiteName,
  visibleHeadline,
} from './article-fields';

describe('article fields', () => {
  it('strips a site name by rule: declared names or the host, at either end, never all', () => {
    const site = ['The Courier'];
    expect(stripSiteName('Council delays plan | The Courier', site, null)).toBe(
      'Council delays plan',
    );
    expect(stripSiteName('The Courier - Council delays plan', site, null)).toBe(
      'Council delays plan',
    );
    // The host's label names the site when nothing is declared.
    expect(stripSiteName('Council delays plan – Engadget', [], 'www.engadget.com')).toBe(
      'Council delays plan',
    );
    expect(stripSiteName('A plan | The Register', [], 'www.theregister.co.uk')).toBe('A plan');
    // Several site parts, and a separator inside the headline kept as written.
    expect(stripSiteName('Rust - a story :: News | The Courier', site, null)).toBe(
      'Rust - a story :: News',
    );
    expect(stripSiteName('Rust: a language for everyone', ['Blog'], 'blog.test')).toBe(
      'Rust: a language for everyone',
    );
    // A title that is only the site's name is no title.
    expect(stripSiteName('The Courier', site, null)).toBeNull();
    expect(stripSiteName(null, site, null)).toBeNull();
    expect(hostLabel('news.bbc.co.uk')).toBe('bbc');
    expect(hostLabel('localhost')).toBeNull();
  });

  it('prefers the visible headline when a shared title agrees with it', () => {
    const base = { siteNames: ['The Courier'], host: 'courier.test' };
    // og:title is a social variant; <title> minus the suffix is the h1: the h1 wins.
    expect(
      chooseTitle({
        ...base,
        shared: ['Plan delayed again, and here is why'],
        documentTitle: 'Council delays river plan - The Courier',
        visible: 'Council delays river plan',
      }),
    ).toBe('Council delays river plan');
    // `Headline | Section | Site`: the h1 is the head.
    expect(
      chooseTitle({
        ...base,
        shared: ['Council delays river plan | Local | Courier Online'],
        documentTitle: null,
        visible: 'Council delays river plan',
      }),
    ).toBe('Council delays river plan');
    // Nothing agrees with the h1 (a site logo heading): the shared title without its suffix.
    expect(
      chooseTitle({
        ...base,
        shared: ['Council delays river plan | The Courier'],
        documentTitle: 'The Courier',
        visible: 'Subscribe today',
      }),
    ).toBe('Council delays river plan');
    // Never the site name alone.
    expect(
      chooseTitle({
        ...base,
        shared: ['The Courier'],
        documentTitle: 'The Courier',
        visible: null,
      }),
    ).toBeNull();
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
