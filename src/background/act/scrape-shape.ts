import type { PageData } from '@shared/schema/observation';
import type { ScrapeRequest } from '@shared/schema/scrape';

const LINK = /(!?)\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g;

/** Applies the scrape route's switches to scraped content (links, images, images only). */
export function shapeScrape(data: PageData, request: ScrapeRequest): PageData {
  let markdown = data.markdown;
  if (!request.scrape_links) {
    markdown = markdown.replace(LINK, (whole, bang: string, text: string) => (bang ? whole : text));
  }
  if (request.only_images) {
    markdown = '';
  }
  const images = request.scrape_images || request.only_images ? data.images : [];
  return { markdown, images, structured: data.structured };
}
