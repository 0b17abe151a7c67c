import { describe, expect, it } from 'vitest';
import { ScrapeRequest } from '@shared/schema/scrape';
import { shapeScrape } from './scrape-shape';

const data = {
  markdown: 'See [the docs](https://x.test/docs "Docs") and ![logo](https://x.test/l.png).',
  images: [
    { url: 'https://x.test/l.png', category: 'content_image' as const, description: 'logo' },
  ],
  structured: { success: true, error: null, data: null },
};

describe('shapeScrape', () => {
  it('keeps links and drops images by default', () => {
    const shaped = shapeScrape(data, ScrapeRequest.parse({}));
    expect(shaped.markdown).toBe(data.markdown);
    expect(shaped.images).toEqual([]);
  });

  it('turns links into their text when scrape_links is false, leaving images', () => {
    const shaped = shapeScrape(data, ScrapeRequest.parse({ scrape_links: false }));
    expect(shaped.markdown).toBe('See the docs and ![logo](https://x.test/l.png).');
  });

  it('answers only images when asked', () => {
    const shaped = shapeScrape(data, ScrapeRequest.parse({ only_images: true }));
    expect(shaped.markdown).toBe('');
    expect(shaped.images).toHaveLength(1);
  });
});
