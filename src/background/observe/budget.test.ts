import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, advance, cutPage, fitToBudget, restOf } from './budget';

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

/** Follows the pages of one capture to its end, as cursors do. */
function allPages(capture: ReturnType<typeof observation>, maxTokens: number) {
  const pages = [];
  let start = FIRST_PAGE;
  for (let part = 1; part < 10_000; part += 1) {
    const page = cutPage(restOf(capture, start), maxTokens, {
      cursor: 'c_0123456789abcdef',
      part,
      alwaysBudget: part > 1,
      header: part > 1 ? `[part ${part} of the capture]` : undefined,
    });
    pages.push(page.answer);
    if (!page.cut) {
      return pages;
    }
    start = advance(start, page.kept);
  }
  throw new Error('the pages never ended');
}

/** A page's outline lines, without our own header and closing lines. */
const outlineOf = (description: string) =>
  description.split('\n').filter((l) => l !== '' && !/^\[(part|cut to) /.test(l));

describe('paging a cut capture', () => {
  it.each([
    [200, 300, 300, 1000],
    [50, 0, 400, 100],
    [0, 120, 0, 100],
    [30, 5, 0, 150],
  ])(
    '%i elements, %i outline and %i content lines at max_tokens %i: every one once, in order',
    (elements, outlineLines, contentLines, maxTokens) => {
      const capture = observation(elements, outlineLines, contentLines);
      const pages = allPages(capture, maxTokens);
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.flatMap((p) => p.space.interaction_actions)).toEqual(
        capture.space.interaction_actions,
      );
      expect(pages.flatMap((p) => outlineOf(p.space.description))).toEqual(
        outlineOf(capture.space.description),
      );
      expect(pages.flatMap((p) => (p.data.markdown ? p.data.markdown.split('\n') : []))).toEqual(
        capture.data.markdown ? capture.data.markdown.split('\n') : [],
      );
      // Every page but the last names the rest; the last says nothing is left.
      for (const page of pages.slice(0, -1)) {
        expect(page.budget?.cursor).toBe('c_0123456789abcdef');
        expect(page.space.description).toContain('observe {"cursor": "c_0123456789abcdef"}');
      }
      expect(pages.at(-1)!.budget).toMatchObject({
        elements_left_out: 0,
        outline_lines_left_out: 0,
        content_lines_left_out: 0,
        part: pages.length,
      });
      expect(pages.at(-1)!.budget?.cursor).toBeUndefined();
      expect(pages[1]!.space.description.split('\n')[0]).toBe('[part 2 of the capture]');
    },
  );

  it('carries one thing past the budget rather than a page of nothing, so the pages end', () => {
    const capture = observation(0, 0, 0);
    capture.data.markdown = ['x'.repeat(5000), 'y'.repeat(5000)].join('\n');
    const pages = allPages(capture, 100);
    expect(pages.map((p) => p.data.markdown[0])).toEqual(['x', 'y']);
  });

  it('the actions list of a page is its elements and the browser actions', () => {
    const capture = observation(200, 10, 10);
    const page = cutPage(restOf(capture, { elements: 150, outline: 10, content: 10 }), 100);
    expect(page.answer.space.interaction_actions[0]!.id).toBe('B150');
    expect(page.answer.space.actions).toEqual(page.answer.space.interaction_actions);
  });
});
