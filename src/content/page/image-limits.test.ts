import { describe, expect, it } from 'vitest';
import type { ImageData } from '@shared/schema/observation';
import { MAX_IMAGE_DESCRIPTION_CHARS, limitImages } from './image-limits';
import { extractPage } from './index';

const image = (n: number, category: ImageData['category'] = 'content_image'): ImageData => ({
  url: `https://example.test/${n}.jpg`,
  category,
  description: `Photo ${n}`,
});

describe('limitImages', () => {
  it('keeps a short list as it is', () => {
    const images = [image(1), image(2, 'decorative')];
    expect(limitImages(images, 5)).toEqual(images);
  });

  it('drops decorative images first, then the tail, keeping document order', () => {
    const images = [image(1), image(2, 'decorative'), image(3), image(4, 'decorative'), image(5)];
    expect(limitImages(images, 3).map((i) => i.url)).toEqual([1, 3, 5].map((n) => image(n).url));
    expect(limitImages(images, 4).map((i) => i.url)).toEqual([1, 2, 3, 5].map((n) => image(n).url));
    expect(limitImages(images, 2).map((i) => i.url)).toEqual([1, 3].map((n) => image(n).url));
  });

  it('clips long descriptions', () => {
    const [clipped] = limitImages([{ ...image(1), description: 'word '.repeat(200) }]);
    expect(clipped!.description!.length).toBeLessThanOrEqual(MAX_IMAGE_DESCRIPTION_CHARS);
    expect(clipped!.description!.endsWith('…')).toBe(true);
  });

  it('bounds the images of a page with a thousand thumbnails', () => {
    document.head.innerHTML = '<link rel="icon" href="/f.ico">';
    document.body.innerHTML = Array.from(
      { length: 1000 },
      (_, n) =>
        `<img src="/thumb-${n}.jpg" width="150" height="100" alt="${'Story '.repeat(100)}${n}">`,
    ).join('');
    const { images } = extractPage(document, {
      onlyMainContent: false,
      idsInMarkdown: false,
      idOf: () => undefined,
    });
    expect(images).toHaveLength(150);
    expect(images[0]!.category).toBe('favicon');
    expect(JSON.stringify(images).length).toBeLessThan(80_000);
  });
});
