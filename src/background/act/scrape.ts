import { scrapeFilter } from '@shared/scrape-filter';
import type { PageData } from '@shared/schema/observation';
import { collectTab } from '../observe/collect-tab';
import { mergeFrames } from '../observe/merge-frames';
import { idMapFor, saveIdMap } from '../observe/tab-id-maps';

const EMPTY_STRUCTURED = { success: true, error: null, data: null };

export interface ScrapeOptions {
  only_main_content: boolean;
  selector?: string;
  /** Keywords: keep only the markdown blocks that mention one (no model). */
  instructions?: string | null;
}

/** The page's content (`data` of an observation) from every frame, as observe merges it. */
export async function scrapeTab(tabId: number, options: ScrapeOptions): Promise<PageData> {
  const { frames } = await collectTab(tabId, {
    scope: 'page',
    data: true,
    ids_in_markdown: false,
    selectors: false,
    only_main_content: options.only_main_content,
    ...(options.selector ? { selector: options.selector } : {}),
  });
  const top = frames[0]!;
  // Merging hands out tab-wide ids; keeping the map keeps them the same as observe's.
  const idMap = await idMapFor(tabId, top.documentId);
  const merged = mergeFrames(frames, idMap);
  await saveIdMap(tabId, idMap);
  return {
    // Filtered after merging, so child frames' content spliced into the parent is filtered too.
    markdown: scrapeFilter(merged.markdown ?? '', options.instructions ?? undefined),
    images: merged.images,
    structured: top.snapshot.page?.structured ?? EMPTY_STRUCTURED,
  };
}
