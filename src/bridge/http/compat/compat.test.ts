import { describe, expect, it } from 'vitest';
import { sampleObservation, sampleSession } from '../../testing/test-fixtures';
import { observationFor } from './answer-shapes';
import { profileFromObserve } from './client-profile';
import { adaptStart, adaptStep } from './request-shapes';

const noHeader = () => undefined;

describe('SDK request shapes', () => {
  it('drops nulls, maps idle_timeout_minutes and names the keys it ignores', () => {
    expect(
      adaptStart({ headless: true, viewport_width: null, idle_timeout_minutes: 5, auth_ids: [] }),
    ).toEqual({ body: { headless: true, timeout_minutes: 5 }, ignored: ['auth_ids'] });
  });

  it("turns v1.5's step action into the short form", () => {
    const fill = {
      type: 'step',
      category: 'Step Actions',
      id: 'I1',
      value: { name: 'value', value: 'x' },
    };
    expect(adaptStep({ min_nb_actions: null, max_nb_actions: 100, action: fill })).toEqual({
      body: { type: 'step', action_id: 'I1', value: 'x' },
      ignored: ['max_nb_actions'],
    });
    expect(adaptStep({ action: { type: 'step', id: 'B2', value: null } }).body).toEqual({
      type: 'step',
      action_id: 'B2',
    });
  });
});

describe('client profiles', () => {
  it('tells the SDK eras apart by header and observe body, and keeps plain clients on seed', () => {
    expect(
      profileFromObserve((h) => (h === 'x-notte-sdk-version' ? '1.8.31' : undefined), {}),
    ).toBe('sdk-1.8');
    expect(profileFromObserve(noHeader, { max_nb_actions: 100, perception_type: 'deep' })).toBe(
      'sdk-1.6',
    );
    const v15 = { min_nb_actions: null, max_nb_actions: 100, url: null, instructions: null };
    expect(profileFromObserve(noHeader, v15)).toBe('sdk-1.5');
    expect(profileFromObserve(noHeader, { url: 'http://a.test/' })).toBe('seed');
  });

  it('leaves the seed observation unchanged and reshapes it for v1.6+', () => {
    const observation = sampleObservation();
    const timing = {
      started_at: observation.metadata.timestamp,
      ended_at: observation.metadata.timestamp,
    };
    expect(observationFor(observation, 'seed', timing)).toBe(observation);
    const shaped = observationFor({ ...observation, screenshot: 'abc' }, 'sdk-1.8', timing);
    expect(shaped).toMatchObject({
      ...timing,
      screenshot: { raw: 'abc', bboxes: [], last_action_id: null },
      session: { idle_timeout_minutes: sampleSession().timeout_minutes },
    });
  });
});
