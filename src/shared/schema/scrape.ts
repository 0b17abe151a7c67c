import { z } from 'zod';
import { PageData } from './observation';
import { Session } from './session';

export const ScrapeRequest = z.strictObject({
  only_main_content: z.boolean().default(true),
  scrape_links: z.boolean().default(true),
  scrape_images: z.boolean().default(false),
  only_images: z.boolean().default(false),
  selector: z.string().max(1000).optional().describe('CSS selector of the part to scrape'),
  instructions: z.string().max(2000).optional().describe('Keywords: keep the matching blocks'),
  use_link_placeholders: z.boolean().optional(),
  response_format: z.unknown().optional(),
});
export type ScrapeRequest = z.infer<typeof ScrapeRequest>;

export const ScrapeResponse = z.strictObject({
  ...PageData.shape,
  session: Session,
});
export type ScrapeResponse = z.infer<typeof ScrapeResponse>;
