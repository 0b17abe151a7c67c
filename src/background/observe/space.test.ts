import { describe, expect, it } from 'vitest';
import { ObserveRequest } from '@shared/schema/observation';
import type { PlacedElement } from './merge-frames';
import { rankElements } from './space';

const element = (id: string, description: string, inViewport: boolean): PlacedElement => ({
  id,
  local_id: id,
  type: 'click',
  role: 'button',
  name: description,
  description: `button "${description}"`,
  in_viewport: inViewport,
  rect: { x: 0, y: 0, width: 10, height: 10 },
  frameId: 0,
  documentId: 'doc',
  inIframe: false,
  iframeSelectors: [],
});

const page = [
  element('B1', 'Archive', false),
  element('B2', 'Reply', true),
  element('B3', 'Delete all', false),
  element('B4', 'Delete', true),
];
const ids = (list: PlacedElement[]) => list.map((e) => e.id);
const request = (fields: Record<string, unknown>) => ObserveRequest.parse(fields);

describe('rankElements', () => {
  it('lists the viewport first, each part in page order, without instructions', () => {
    expect(ids(rankElements(page, request({ scope: 'page' })))).toEqual(['B2', 'B4', 'B1', 'B3']);
  });

  it('keeps only the viewport for scope viewport', () => {
    expect(ids(rankElements(page, request({})))).toEqual(['B2', 'B4']);
  });

  it('lists elements matching more instruction keywords first, and only those', () => {
    const ranked = rankElements(page, request({ scope: 'page', instructions: 'delete all' }));
    expect(ids(ranked)).toEqual(['B3', 'B4']);
  });

  it('lists everything when no keyword matches, and fills up to min_nb_actions', () => {
    expect(ids(rankElements(page, request({ scope: 'page', instructions: 'zebra' })))).toEqual([
      'B2',
      'B4',
      'B1',
      'B3',
    ]);
    const floor = request({ scope: 'page', instructions: 'archive', min_nb_actions: 3 });
    expect(ids(rankElements(page, floor))).toEqual(['B1', 'B2', 'B4']);
  });

  it('cuts at max_nb_actions', () => {
    expect(ids(rankElements(page, request({ scope: 'page', max_nb_actions: 2 })))).toEqual([
      'B2',
      'B4',
    ]);
  });
});
