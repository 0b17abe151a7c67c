import { describe, expect, it } from 'vitest';
import { BROWSER_ACTIONS } from '../browser-actions';
import { INTERACTION_CATEGORY, Observation } from '../schema/observation';
import { actionsMarkdown } from '../space-parts';
import { LinkObservation, observationForLink, observationFromLink } from './bridge-link';

const interaction = [
  {
    type: 'click' as const,
    category: INTERACTION_CATEGORY,
    description: 'button "Go"',
    id: 'B1',
  },
];
const actions = [...interaction, ...BROWSER_ACTIONS];
const observation = Observation.parse({
  metadata: {
    title: 'T',
    url: 'http://shop.test/',
    viewport: {
      scroll_x: 0,
      scroll_y: 0,
      viewport_width: 800,
      viewport_height: 600,
      total_width: 800,
      total_height: 600,
    },
    tabs: [],
    timestamp: '2026-12-03T12:00:00.000Z',
  },
  screenshot: null,
  space: {
    description: 'B1 button "Go"',
    interaction_actions: interaction,
    category: null,
    actions,
    browser_actions: [...BROWSER_ACTIONS],
    markdown: actionsMarkdown(actions),
  },
  data: null,
  progress: { current_step: 0, max_steps: 20 },
  session: {
    session_id: 's1',
    timeout_minutes: 3,
    created_at: '2026-12-03T12:00:00.000Z',
    closed_at: null,
    last_accessed_at: '2026-12-03T12:00:00.000Z',
    duration: 'PT0S',
    status: 'active',
    error: null,
    proxies: false,
    browser_type: 'chromium',
  },
  observation_id: 'o_0123456789abcdef',
});

describe('the observation on the link', () => {
  it('leaves out what the bridge derives, and the bridge makes the same observation again', () => {
    const linked = observationForLink(observation);
    expect(Object.keys(linked.space)).toEqual([
      'description',
      'interaction_actions',
      'category',
      'browser_actions',
    ]);
    expect(LinkObservation.safeParse(linked).success).toBe(true);
    const whole = observationFromLink(linked);
    expect(whole).toEqual(observation);
    expect(JSON.stringify(whole)).toBe(JSON.stringify(observation));
  });

  it('refuses a link observation that still carries the derived keys (the old protocol)', () => {
    expect(LinkObservation.safeParse(observation).success).toBe(false);
  });
});
