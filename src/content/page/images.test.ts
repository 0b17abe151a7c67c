import { describe, expect, it } from 'vitest';
import { extractPage } from './index';

const options = { onlyMainContent: false, idsInMarkdown: false, idOf: () => undefined };
const abs = (path: string) => new URL(path, document.baseURI).href;

function imagesOf(head: string, body: string) {
  document.head.innerHTML = head;
  document.body.innerHTML = body;
  return extractPage(document, options).images;
}

describe('images', () => {
  it('lists favicons, touch icons and social images from the head', () => {
    const images = imagesOf(
      `<link rel="shortcut icon" href="/fav.png"><link rel="apple-touch-icon" sizes="180x180" href="/touch.png">
       <meta property="og:image" content="/og.jpg"><meta property="og:image:alt" content="Team photo">
       <meta name="twitter:image" content="/og.jpg">`,
      '',
    );
    expect(images).toEqual([
      { url: abs('/fav.png'), category: 'favicon', description: null },
      { url: abs('/touch.png'), category: 'icon', description: '180x180' },
      { url: abs('/og.jpg'), category: 'content_image', description: 'Team photo' },
    ]);
  });

  it('lists JSON-LD publisher logos and fluid icons as icons', () => {
    const images = imagesOf(
      `<link rel="icon" href="/fav.png"><link rel="fluid-icon" href="/fluid.png">
       <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","logo":{"@type":"ImageObject","url":"/logo.png"}}}</script>`,
      '',
    );
    expect(images).toEqual([
      { url: abs('/fav.png'), category: 'favicon', description: null },
      { url: abs('/fluid.png'), category: 'icon', description: null },
      { url: abs('/logo.png'), category: 'icon', description: 'logo' },
    ]);
  });

  it('falls back to /favicon.ico', () => {
    expect(imagesOf('', '')).toEqual([
      { url: abs('/favicon.ico'), category: 'favicon', description: null },
    ]);
  });

  it('classifies body images and merges duplicates by URL', () => {
    const images = imagesOf(
      '<link rel="icon" href="/f.ico">',
      `<figure><img src="/hero.jpg" width="800" height="400"><figcaption>The hero</figcaption></figure>
       <img src="/hero.jpg" alt="Hero shot, wide">
       <img src="/t.gif" width="1" height="1" alt="">
       <img src="/spacer.png" alt="" width="300" height="20">
       <img data-src="/lazy.jpg" src="data:image/gif;base64,R0lGOD" alt="Lazy one" width="400" height="300">
       <img src="/hidden.jpg" style="display:none" alt="Hidden">
       <a href="/home"><img src="/logo.svg" alt="Home"></a>
       <img src="/chart.svg" width="600" height="300" alt="Chart">
       <svg width="16" height="16"><title>Search</title></svg>
       <svg width="16" height="16"></svg>
       <svg width="400" height="300" aria-label="Sales graph"></svg>`,
    );
    expect(images.slice(1)).toEqual([
      { url: abs('/hero.jpg'), category: 'content_image', description: 'Hero shot, wide' },
      { url: abs('/t.gif'), category: 'decorative', description: null },
      { url: abs('/spacer.png'), category: 'decorative', description: null },
      { url: abs('/lazy.jpg'), category: 'content_image', description: 'Lazy one' },
      { url: abs('/logo.svg'), category: 'svg_icon', description: 'Home' },
      { url: abs('/chart.svg'), category: 'svg_content', description: 'Chart' },
      { url: null, category: 'svg_icon', description: 'Search' },
      { url: null, category: 'svg_content', description: 'Sales graph' },
    ]);
  });

  it('lists large CSS background images of content elements', () => {
    document.head.innerHTML = '<link rel="icon" href="/f.ico">';
    document.body.innerHTML =
      '<div class="banner" style="background-image: url(/bg.jpg)" aria-label="Banner"></div><i style="background-image: url(/tiny.png)"></i>';
    const banner = document.querySelector('.banner') as HTMLElement;
    banner.getBoundingClientRect = () => ({ width: 600, height: 200 }) as DOMRect;
    const images = extractPage(document, options).images;
    expect(images.slice(1)).toEqual([
      { url: abs('/bg.jpg'), category: 'content_image', description: 'Banner' },
    ]);
  });
});
