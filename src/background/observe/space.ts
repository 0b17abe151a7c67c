import { BROWSER_ACTIONS } from '@shared/browser-actions';
import { categorize } from '@shared/categorize';
import { spaceOf } from '@shared/space-parts';
import { pageToolsSection } from '@shared/page-tools';
import type { PageTool } from '@shared/schema/page-tools';
import {
  INTERACTION_CATEGORY,
  type InteractionActionOut,
  type ObserveRequest,
  type Space,
  type Viewport,
} from '@shared/schema/observation';
import type { MergedPage, PlacedElement } from './merge-frames';

const keywordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);

/**
 * The elements to list, most relevant first: with instructions, those matching more keywords
 * first (all of them when nothing matches); then viewport before off-screen, in page order.
 */
export function rankElements(elements: PlacedElement[], request: ObserveRequest): PlacedElement[] {
  const scoped =
    request.scope === 'viewport' ? elements.filter((e) => e.in_viewport) : [...elements];
  const keywords = keywordsOf(request.instructions ?? '');
  // Without instructions every score is 0: the order is viewport first, then page order (a
  // stable partition; splitting 12k descriptions into words for nothing cost ~15 ms a pass).
  const scores =
    keywords.length === 0
      ? null
      : new Map(
          scoped.map((e) => {
            const words = new Set(keywordsOf(`${e.description} ${e.role}`));
            return [e, keywords.filter((k) => words.has(k)).length];
          }),
        );
  const scoreOf = (e: PlacedElement): number => scores?.get(e) ?? 0;
  const ordered = scoped
    .map((e, index) => ({ e, index, score: scoreOf(e) }))
    .sort(
      (a, b) =>
        b.score - a.score || Number(b.e.in_viewport) - Number(a.e.in_viewport) || a.index - b.index,
    )
    .map(({ e }) => e);
  const anyMatch = scores !== null && [...scores.values()].some((s) => s > 0);
  const floor = Math.min(request.min_nb_actions ?? 0, ordered.length);
  const matching = anyMatch ? ordered.filter((e) => scoreOf(e) > 0) : ordered;
  const kept = matching.length >= floor ? matching : ordered.slice(0, floor);
  return kept.slice(0, request.max_nb_actions);
}

function toAction(e: PlacedElement, request: ObserveRequest): InteractionActionOut {
  const base = {
    type: e.type,
    category: INTERACTION_CATEGORY,
    description: e.description,
    id: e.id,
  };
  const fields: Partial<InteractionActionOut> =
    e.type === 'fill'
      ? { value: '<sample_value>', clear_before_fill: true }
      : e.type === 'check'
        ? { value: e.value !== true }
        : e.type === 'select_dropdown_option'
          ? { value: typeof e.value === 'string' ? e.value : '<option>' }
          : e.type === 'upload_file'
            ? { file_path: '<file_path>' }
            : {};
  const out: InteractionActionOut = { ...base, ...fields };
  if (request.scope === 'page') {
    out.in_viewport = e.in_viewport;
  }
  if (request.selectors && e.selector) {
    out.selector = {
      css_selector: e.selector.css_selector,
      xpath_selector: e.selector.xpath_selector,
      in_iframe: e.inIframe,
      in_shadow_root: e.selector.in_shadow_root,
      iframe_parent_css_selectors: e.iframeSelectors,
      shadow_host_css_selectors: e.selector.shadow_host_css_selectors,
    };
  }
  return out;
}

/** The line that tells a model how much of the page it is not seeing. */
export function scrollHint(v: Viewport): string {
  const above = Math.max(0, v.scroll_y);
  const below = Math.max(0, v.total_height - v.scroll_y - v.viewport_height);
  const pages = (px: number) => (px / Math.max(1, v.viewport_height)).toFixed(1);
  return `[${above} px (${pages(above)} viewports) above the viewport, ${below} px (${pages(below)} viewports) below]`;
}

export function buildSpace(
  page: MergedPage,
  request: ObserveRequest,
  viewport: Viewport,
  pageTools: readonly PageTool[] = [],
): Space {
  const listed = rankElements(page.elements, request);
  const interaction = listed.map((e) => toAction(e, request));
  const tools = pageToolsSection(pageTools);
  return spaceOf({
    description: `${page.outline.trim()}\n${scrollHint(viewport)}${tools ? `\n\n${tools}` : ''}`,
    interaction_actions: interaction,
    category: categorize(page.signals, interaction.length),
    browser_actions: [...BROWSER_ACTIONS],
  });
}
