import { describe, expect, it } from 'vitest';
import { fitToBudget } from './budget';

function observation(count: number, outlineLines: number, contentLines: number) {
  const interaction_actions = Array.from({ length: count }, (_, i) => ({
    type: 'click' as const,
    category: 'Interaction Actions' as const,
    id: `B${i}`,
    description: `button "Button number ${i}"`,
  }));
  return {
    space: {
      description: Array.from({ length: outlineLines }, (_, i) => `Outline line ${i}`).join('\n'),
      interaction_actions,
      category: null,
      actions: [...interaction_actions],
      browser_actions: [],
      markdown: '',
    },
    data: {
      markdown: Array.from({ length: contentLines }, (_, i) => `Content line ${i}`).join('\n'),
      images: [],
      structured: { success: true, error: null, data: null },
    },
  };
}

describe('fitToBudget', () => {
  it('leaves an answer that fits alone', () => {
    const small = observation(3, 2, 2);
    expect(fitToBudget(small, 1000)).toBe(small);
  });

  it('keeps the first-ranked elements within half the budget, then outline and content, and says what it left out', () => {
    const big = observation(200, 300, 300);
    const cut = fitToBudget(big, 1000);
    const kept = cut.space.interaction_actions;
    expect(kept.length).toBeGreaterThan(10);
    expect(kept).toEqual(big.space.interaction_actions.slice(0, kept.length));
    const read =
      cut.space.description.length +
      kept.reduce((n, a) => n + `* ${a.id}: ${a.type} ${a.description}`.length + 1, 0) +
      cut.data.markdown.length;
    expect(read).toBeLessThanOrEqual(1000 * 4);
    expect(cut.budget).toEqual({
      max_tokens: 1000,
      elements_left_out: 200 - kept.length,
      outline_lines_left_out: 300 - cut.space.description.split('\n').length + 1,
      content_lines_left_out: 300 - (cut.data.markdown ? cut.data.markdown.split('\n').length : 0),
    });
    expect(cut.space.description.split('\n').at(-1)).toMatch(
      /^\[cut to max_tokens 1000: left out \d+ of 200 elements, \d+ of 300 outline lines, \d+ of 300 content lines; ids stay valid/,
    );
    expect(cut.space.actions).toEqual(kept);
  });
});
