import type { Observation, ObserveBudget } from '@shared/schema/observation';
import { actionsMarkdown } from '@shared/space-markdown';

/**
 * `max_tokens`: an observation cut to what a model can afford to read. What counts is what a
 * model reads: the outline (`space.description`), one line per listed element and the page
 * content (`data.markdown`), at 4 characters a token. The elements come first, in the order the
 * listing ranks them (instructions, then the viewport, then page order; outside an open modal
 * nothing is listed at all), up to half the budget; then the outline and the content, each cut
 * at a line. One line at the end of the outline says what was left out and how to see it.
 */
const CHARS_PER_TOKEN = 4;
/** Room kept for the line that says what was cut. */
const NOTE_CHARS = 240;

function takeLines(text: string, room: number): { kept: string; left: number; total: number } {
  const lines = text.split('\n');
  let used = 0;
  let count = 0;
  while (count < lines.length && used + lines[count]!.length + 1 <= room) {
    used += lines[count]!.length + 1;
    count += 1;
  }
  return {
    kept: lines.slice(0, count).join('\n'),
    left: lines.length - count,
    total: lines.length,
  };
}

export function fitToBudget<T extends Pick<Observation, 'space' | 'data'>>(
  observation: T,
  maxTokens: number,
): T & { budget?: ObserveBudget } {
  const room = maxTokens * CHARS_PER_TOKEN - NOTE_CHARS;
  const { space, data } = observation;
  const lineOf = (a: (typeof space.interaction_actions)[number]) =>
    `* ${a.id}: ${a.type} ${a.description}`.length + 1;
  const total =
    space.description.length +
    space.interaction_actions.reduce((n, a) => n + lineOf(a), 0) +
    (data?.markdown.length ?? 0);
  if (total <= room + NOTE_CHARS) {
    return observation;
  }
  let used = 0;
  const elements = [];
  for (const action of space.interaction_actions) {
    if (used + lineOf(action) > Math.max(room, 0) / 2) {
      break;
    }
    used += lineOf(action);
    elements.push(action);
  }
  const outline = takeLines(space.description, Math.max(room - used, 0));
  used += outline.kept.length;
  const content = data ? takeLines(data.markdown, Math.max(room - used, 0)) : null;
  const budget: ObserveBudget = {
    max_tokens: maxTokens,
    elements_left_out: space.interaction_actions.length - elements.length,
    outline_lines_left_out: outline.left,
    content_lines_left_out: content?.left ?? 0,
  };
  const note =
    `[cut to max_tokens ${maxTokens}: left out ${budget.elements_left_out} of ${space.interaction_actions.length} elements, ` +
    `${budget.outline_lines_left_out} of ${outline.total} outline lines` +
    (content ? `, ${budget.content_lines_left_out} of ${content.total} content lines` : '') +
    `; ids stay valid: observe with instructions to rank what you need first, or a larger max_tokens]`;
  const actions = [...elements, ...space.browser_actions];
  return {
    ...observation,
    space: {
      ...space,
      description: outline.kept ? `${outline.kept}\n${note}` : note,
      interaction_actions: elements,
      actions,
      markdown: actionsMarkdown(actions),
    },
    data: data && content ? { ...data, markdown: content.kept } : data,
    budget,
  };
}
