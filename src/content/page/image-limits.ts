/**
 * Bounds of `data.images`. Every observation carries the frame's image list whatever its scope,
 * so a news front page with hundreds of thumbnails (or an endless gallery) would make the list
 * most of every answer; alt texts are the page's to choose and can run to paragraphs.
 */
import type { ImageData } from '@shared/schema/observation';

/** Images listed per frame; the homepages corpus lists a median of 18 a page, at most 276. */
export const MAX_IMAGES = 150;
/** An image's description past this is cut with an ellipsis. */
export const MAX_IMAGE_DESCRIPTION_CHARS = 300;

function clip(description: string | null): string | null {
  return description && description.length > MAX_IMAGE_DESCRIPTION_CHARS
    ? `${description.slice(0, MAX_IMAGE_DESCRIPTION_CHARS - 1).trimEnd()}…`
    : description;
}

/**
 * At most `max` images in their order, decorative ones (spacers, trackers, `alt=""`) dropped
 * first since they tell an agent the least; descriptions clipped.
 */
export function limitImages(images: readonly ImageData[], max = MAX_IMAGES): ImageData[] {
  let kept: readonly ImageData[] = images;
  if (images.length > max) {
    const meaningful = images.filter((image) => image.category !== 'decorative');
    const chosen = new Set(meaningful.slice(0, max));
    for (const image of images) {
      if (chosen.size >= max) {
        break;
      }
      chosen.add(image);
    }
    kept = images.filter((image) => chosen.has(image));
  }
  return kept.map((image) => ({ ...image, description: clip(image.description) }));
}
