import { describe, expect, it } from 'vitest';
import { ObserveRequest } from '@shared/schema/observation';
import { applySince, recordOf, type ObservationRecord } from './since';

const request = ObserveRequest.parse({ scope: 'page' });

function observation(elements: [string, string][], markdown = '') {
  const interaction_actions = elements.map(([id, description]) => ({
    type: 'click' as const,
    category: 'Interaction Actions' as const,
    id,
    description,
  }));
  return {
    space: {
      description: 'outline',
      interaction_actions,
      category: null,
      actions: [...interaction_actions],
      browser_actions: [],
      markdown: '',
    },
    data: { markdown, images: [], structured: { success: true, error: null, data: null } },
  };
}

const record = (id: string, o: ReturnType<typeof observation>, doc = 'd1', r = request) =>
  recordOf(id, 7, doc, r, o);

describe('applySince', () => {
  const ten = Array.from({ length: 10 }, (_, i) => [`B${i}`, `button "B${i}"`] as [string, string]);

  it('cuts the answer to what was added and changed, and lists what was removed', () => {
    const before = record('o_1', observation(ten, 'Hello\nOld line'));
    const nowElements: [string, string][] = [
      ...ten.slice(1, 9),
      ['B9', 'button "Renamed"'],
      ['L1', 'link "New"'],
    ];
    const now = observation(nowElements, 'Hello\nNew line');
    const answer = applySince(now, before, record('o_2', now), 'o_1');
    expect(answer.delta).toMatchObject({
      full: false,
      added: [{ id: 'L1', description: 'link "New"' }],
      removed: [{ id: 'B0', description: 'button "B0"' }],
      changed: [{ id: 'B9', from: 'button "B9"', to: 'button "Renamed"' }],
      unchanged: 8,
      text_appeared: ['New line'],
      text_disappeared: ['Old line'],
    });
    expect(answer.space.interaction_actions.map((a) => a.id)).toEqual(['B9', 'L1']);
    expect(answer.data?.markdown).toBe('New line');
    expect(answer.space.description).toMatch(/^since o_1: 1 added, 1 removed, 1 changed/);
  });

  it.each([
    ['an unknown observation', undefined, 'd1', request, /no such observation/],
    ['a new document', 'o_1', 'd2', request, /new document/],
    [
      'another listing',
      'o_1',
      'd1',
      ObserveRequest.parse({ scope: 'viewport' }),
      /scope, instructions or the number of actions/,
    ],
  ] as const)('answers whole for %s', (_, beforeId, doc, r, reason) => {
    const o = observation(ten);
    const before: ObservationRecord | undefined = beforeId ? record(beforeId, o) : undefined;
    const answer = applySince(o, before, record('o_2', o, doc, r), 'o_1');
    expect(answer.delta.full).toBe(true);
    expect(answer.delta.reason).toMatch(reason);
    expect(answer.space.interaction_actions).toHaveLength(10);
  });

  it('answers whole when the change is as long as the page', () => {
    const before = record('o_1', observation(ten));
    const now = observation(ten.map(([id], i) => [`L${i}`, `link "${id}"`] as [string, string]));
    const answer = applySince(now, before, record('o_2', now), 'o_1');
    expect(answer.delta.reason).toMatch(/as long as the page itself/);
    expect(answer.space.interaction_actions).toHaveLength(10);
  });
});
