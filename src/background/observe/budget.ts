import type { Observation, ObserveBudget } from '@shared/schema/observation';
import { spaceOf } from '@shared/space-parts';

/**
 * `max_tokens`: an observation cut to what a model can afford to read. What counts is what a
 * model reads: the outline (`space.description`), one line per listed element and the page
 * content (`data.markdown`), at 4 characters a token. The elements come first, in the order the
 * listing ranks them (instructions, then the viewport, then page order; outside an open modal
 * nothing is listed at all), up to half the budget; then the outline and the content, each cut
 * at a line. One line at the end of the outline says what was left out and how to see it.
 *
 * What was left out is the rest of the same capture: a `cursor` names it, and the next page is
 * cut from it the same way (`restOf` then `cutPage`), so following cursors to the end yields every
 * element and line of the uncut answer once, in order.
 */
const CHARS_PER_TOKEN = 4;
/** Room kept for the line that says what was cut. */
const NOTE_CHARS = 240;

type Cuttable = Pick<Observation, 'space' | 'data'>;

/** Where the rest of a capture starts: how many elements and lines earlier pages carried. */
export interface PageStart {
  elements: number;
  outline: number;
  content: number;
}

export const FIRST_PAGE: PageStart = { elements: 0, outline: 0, content: 0 };

/** An empty text has no lines (not one empty line), so an exhausted part stays empty. */
const linesOf = (text: string): string[] => (text === '' ? [] : text.split('\n'));

function takeLines(lines: string[], room: number): number {
  let used = 0;
  let count = 0;
  while (count < lines.length && used + lines[count]!.length + 1 <= room) {
    used += lines[count]!.length + 1;
    count += 1;
  }
  return count;
}

const lineOf = (a: Observation['space']['interaction_actions'][number]) =>
  `* ${a.id}: ${a.type} ${a.description}`.length + 1;

/** The part of a capture that earlier pages did not carry, in the capture's shape. */
export function restOf<T extends Cuttable>(capture: T, start: PageStart): T {
  const { space, data } = capture;
  const interaction = space.interaction_actions.slice(start.elements);
  return {
    ...capture,
    space: spaceOf({
      ...space,
      description: linesOf(space.description).slice(start.outline).join('\n'),
      interaction_actions: interaction,
    }),
    data: data
      ? { ...data, markdown: linesOf(data.markdown).slice(start.content).join('\n') }
      : data,
  };
}

export interface PageOptions {
  /** Names the rest when this page is cut; it is told in the closing line and in `budget`. */
  cursor?: string;
  /** A line put first in the outline (a later part says which part it is); counted in the budget. */
  header?: string;
  /** Give a `budget` even when nothing is cut (a later part always says where it ends). */
  alwaysBudget?: boolean;
  /** The part number this page is (1 for a first answer). */
  part?: number;
}

export interface Page<T> {
  answer: T & { budget?: ObserveBudget };
  /** How many elements and lines this page carried of what it was given. */
  kept: PageStart;
  /** Whether something was left out (then `options.cursor` names it). */
  cut: boolean;
}

/**
 * One page of an answer within `maxTokens`. A page that must cut always carries at least one
 * element or line, even past the budget, so following cursors always comes to an end.
 */
export function cutPage<T extends Cuttable>(
  observation: T,
  maxTokens: number,
  options: PageOptions = {},
): Page<T> {
  const header = options.header ?? '';
  const room = maxTokens * CHARS_PER_TOKEN - NOTE_CHARS - (header ? header.length + 1 : 0);
  const withHeader = (description: string) => [header, description].filter(Boolean).join('\n');
  const { space, data } = observation;
  const outlineLines = linesOf(space.description);
  const contentLines = data ? linesOf(data.markdown) : [];
  const total =
    space.description.length +
    space.interaction_actions.reduce((n, a) => n + lineOf(a), 0) +
    (data?.markdown.length ?? 0);
  if (total <= room + NOTE_CHARS) {
    const kept = {
      elements: space.interaction_actions.length,
      outline: outlineLines.length,
      content: contentLines.length,
    };
    if (!header && !options.alwaysBudget) {
      return { answer: observation, kept, cut: false };
    }
    return {
      answer: {
        ...observation,
        space: { ...space, description: withHeader(space.description) },
        ...(options.alwaysBudget
          ? {
              budget: {
                max_tokens: maxTokens,
                elements_left_out: 0,
                outline_lines_left_out: 0,
                content_lines_left_out: 0,
                ...(options.part ? { part: options.part } : {}),
              },
            }
          : {}),
      },
      kept,
      cut: false,
    };
  }
  let used = 0;
  let elementCount = 0;
  for (const action of space.interaction_actions) {
    if (used + lineOf(action) > Math.max(room, 0) / 2) {
      break;
    }
    used += lineOf(action);
    elementCount += 1;
  }
  let outlineCount = takeLines(outlineLines, Math.max(room - used, 0));
  used += outlineLines.slice(0, outlineCount).join('\n').length;
  let contentCount = takeLines(contentLines, Math.max(room - used, 0));
  if (elementCount + outlineCount + contentCount === 0) {
    // Nothing fits whole: carry the first thing anyway rather than a page of nothing.
    if (space.interaction_actions.length > 0) {
      elementCount = 1;
    } else if (outlineLines.length > 0) {
      outlineCount = 1;
    } else {
      contentCount = 1;
    }
  }
  const cut =
    elementCount < space.interaction_actions.length ||
    outlineCount < outlineLines.length ||
    contentCount < contentLines.length;
  // Carried past the budget, the last thing may be all there was: then there is no rest to name.
  const cursor = cut ? options.cursor : undefined;
  const elements = space.interaction_actions.slice(0, elementCount);
  const outline = outlineLines.slice(0, outlineCount).join('\n');
  const budget: ObserveBudget = {
    max_tokens: maxTokens,
    elements_left_out: space.interaction_actions.length - elementCount,
    outline_lines_left_out: outlineLines.length - outlineCount,
    content_lines_left_out: contentLines.length - contentCount,
    ...(cursor ? { cursor } : {}),
    ...(options.part ? { part: options.part } : {}),
  };
  const rest = cursor
    ? `the rest: observe {"cursor": "${cursor}"}, or rank what you need first with instructions`
    : 'observe with instructions to rank what you need first, or a larger max_tokens';
  const note =
    `[cut to max_tokens ${maxTokens}: left out ${budget.elements_left_out} of ${space.interaction_actions.length} elements, ` +
    `${budget.outline_lines_left_out} of ${outlineLines.length} outline lines` +
    (data ? `, ${budget.content_lines_left_out} of ${contentLines.length} content lines` : '') +
    `; ids stay valid; ${rest}]`;
  return {
    answer: {
      ...observation,
      space: spaceOf({
        ...space,
        description: withHeader(outline ? `${outline}\n${note}` : note),
        interaction_actions: elements,
      }),
      data: data ? { ...data, markdown: contentLines.slice(0, contentCount).join('\n') } : data,
      budget,
    },
    kept: { elements: elementCount, outline: outlineCount, content: contentCount },
    cut,
  };
}

/** The first page of an answer (what `max_tokens` alone asks). */
export function fitToBudget<T extends Cuttable>(
  observation: T,
  maxTokens: number,
  cursor?: string,
): T & { budget?: ObserveBudget } {
  return cutPage(observation, maxTokens, cursor ? { cursor } : {}).answer;
}

/** Where the rest starts after a page that began at `start` and carried `kept`. */
export const advance = (start: PageStart, kept: PageStart): PageStart => ({
  elements: start.elements + kept.elements,
  outline: start.outline + kept.outline,
  content: start.content + kept.content,
});
