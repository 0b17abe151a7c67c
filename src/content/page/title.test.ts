import { describe, expect, it } from 'vitest';
import { chooseTitle, hostLabel, namesSite, stripSiteName, visibleHeadline } from './title';

describe('title', () => {
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
    expect(
      stripSiteName('Council delays river plan | The Register', [], 'www.theregister.co.uk'),
    ).toBe('Council delays river plan');
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

  it('takes the shared title, cut where the visible headline agrees with it', () => {
    const base = { siteNames: ['The Courier'], host: 'courier.test' };
    // og:title that disagrees with the h1 is still the title: the page's own name for itself.
    expect(
      chooseTitle({
        ...base,
        shared: ['Plan delayed again, and here is why'],
        declared: null,
        documentTitle: 'Council delays river plan - The Courier',
        visible: 'Council delays river plan',
      }),
    ).toBe('Plan delayed again, and here is why');
    // With no shared title, <title> minus its site name agrees with the h1: the h1.
    expect(
      chooseTitle({
        ...base,
        shared: [],
        declared: null,
        documentTitle: 'Council delays river plan - The Courier',
        visible: 'Council delays river plan',
      }),
    ).toBe('Council delays river plan');
    // `Headline | Section | Site`: the h1 is the head.
    expect(
      chooseTitle({
        ...base,
        shared: ['Council delays river plan | Local | Courier Online'],
        declared: null,
        documentTitle: null,
        visible: 'Council delays river plan',
      }),
    ).toBe('Council delays river plan');
    // Nothing agrees with the h1 (a site logo heading): the shared title without its suffix.
    expect(
      chooseTitle({
        ...base,
        shared: ['Council delays river plan | The Courier'],
        declared: null,
        documentTitle: 'The Courier',
        visible: 'Subscribe today',
      }),
    ).toBe('Council delays river plan');
    // A home page that shares only the site's name: that name, not the tagline in its h1.
    expect(
      chooseTitle({
        ...base,
        shared: ['The Courier'],
        declared: null,
        documentTitle: 'The Courier — all the news from the river towns',
        visible: 'All the news from the river towns',
      }),
    ).toBe('The Courier');
    // An article whose titles state only the site's name: its headline.
    expect(
      chooseTitle({
        ...base,
        shared: ['The Courier'],
        declared: null,
        documentTitle: 'The Courier',
        visible: 'Council delays river plan',
        isArticle: true,
      }),
    ).toBe('Council delays river plan');
  });

  it('cuts a site name only by a declared name or the host itself, never the longest part', () => {
    // Starting with the host's label is not being the site's name.
    expect(
      stripSiteName('Transistor Embed | #032 – Before and After Fit', [], 'share.transistor.fm'),
    ).toBe('Transistor Embed | #032 – Before and After Fit');
    expect(namesSite('NYTimes.com', [], 'www.nytimes.com')).toBe(true);
    expect(namesSite('Engadget', [], 'www.engadget.com')).toBe(true);
    expect(namesSite('Transistor Embed', [], 'transistor.fm')).toBe(false);
    // A declared site name as long as what is left stays: the headline outweighs the site name.
    expect(
      stripSiteName(
        'Evolve: History — Evolve extension for Mercurial',
        ['Evolve extension for Mercurial'],
        null,
      ),
    ).toBe('Evolve: History — Evolve extension for Mercurial');
    // An h1 that agrees with a short part does not cut a longer rest off (a blog's name first).
    expect(
      chooseTitle({
        shared: [],
        declared: null,
        documentTitle: "Linux Engineer's random thoughts - awk driven IoT",
        visible: 'awk driven IoT',
        siteNames: [],
        host: 'astier.test',
      }),
    ).toBe("Linux Engineer's random thoughts - awk driven IoT");
    // The JSON-LD headline alone does not make the h1 the title: og:title is what the page shares.
    expect(
      chooseTitle({
        shared: ['Pebble 2 adds heart rate'],
        declared: 'Pebble 2, Pebble Core: fitness hat trick',
        documentTitle: null,
        visible: 'Pebble 2, Pebble Core: fitness hat trick',
        siteNames: ['CNET'],
        host: 'www.cnet.com',
      }),
    ).toBe('Pebble 2 adds heart rate');
  });

  it('skips a masthead: an h1 that is a link to the site index', () => {
    document.head.innerHTML = '';
    document.body.innerHTML = `<h1><a href="/">The Courier</a></h1>
      <div><h1>Council delays river plan</h1></div>`;
    expect(visibleHeadline(document)).toBe('Council delays river plan');
    document.body.innerHTML = `<h1><a href="/news/2024/plan.html">Council delays river plan</a></h1>`;
    expect(visibleHeadline(document)).toBe('Council delays river plan');
  });
});
