import { Observation } from '../src/shared/schema/observation';
import { expect, test } from './support/fixtures';

test.describe('the observe loop, end to end', () => {
  test('observes a live tab over HTTP with a schema-valid answer that matches the page', async ({
    client,
    site,
  }) => {
    const session = await client.start({ url: site.url('/basic.html') });
    expect(session.status).toBe('active');
    const observation = await client.observe(session.session_id);

    // The client already parsed it; parse again to prove the raw shape, key order included:
    // the hosted API's keys in its order, then ours (additive).
    expect(Observation.parse(observation)).toEqual(observation);
    expect(Object.keys(observation)).toEqual([
      'metadata',
      'screenshot',
      'space',
      'data',
      'progress',
      'session',
      'observation_id',
    ]);
    expect(observation.metadata.title).toBe('Basic fixture');
    expect(observation.metadata.url).toBe(site.url('/basic.html'));
    expect(observation.metadata.tabs).toEqual([
      { tab_id: 0, title: 'Basic fixture', url: site.url('/basic.html') },
    ]);
    expect(observation.metadata.viewport.total_height).toBeGreaterThan(3000);

    const byDescription = new Map(
      observation.space.interaction_actions.map((a) => [a.description, a]),
    );
    const about = [...byDescription.values()].find((a) => a.description.includes('About us'));
    expect(about).toMatchObject({ type: 'click', category: 'Interaction Actions' });
    expect(about?.id).toMatch(/^L\d+$/);
    const search = observation.space.interaction_actions.find((a) =>
      a.description.includes('Search flights'),
    );
    expect(search?.id).toMatch(/^B\d+$/);
    const email = observation.space.interaction_actions.find((a) =>
      a.description.includes('Email'),
    );
    expect(email).toMatchObject({ type: 'fill', value: '<sample_value>', clear_before_fill: true });
    expect(email?.id).toMatch(/^I\d+$/);
    // Below the fold: not in the default viewport scope.
    expect(observation.space.description).not.toContain('Far below');
    expect(observation.space.description).toContain(search!.id);
    expect(observation.space.markdown).toContain(`* ${search!.id}: `);
    expect(observation.data?.markdown).toContain('Book a flight');
    expect(observation.progress).toEqual({ current_step: 0, max_steps: 20 });
    expect(observation.session.session_id).toBe(session.session_id);

    const page = await client.observe(session.session_id, { scope: 'page' });
    const far = page.space.interaction_actions.find((a) => a.description.includes('Far below'));
    expect(far).toMatchObject({ in_viewport: false });
    await client.stop(session.session_id);
  });

  test('keeps ids identical on a second observe', async ({ client, site }) => {
    const { session_id } = await client.start({ url: site.url('/basic.html') });
    const first = await client.observe(session_id);
    const second = await client.observe(session_id);
    expect(second.space.interaction_actions.map((a) => [a.id, a.description])).toEqual(
      first.space.interaction_actions.map((a) => [a.id, a.description]),
    );
    await client.stop(session_id);
  });

  test('lists, gets and stops sessions; a stopped session answers 409', async ({
    client,
    site,
  }) => {
    const { session_id } = await client.start({ url: site.url('/basic.html') });
    expect((await client.list()).map((s) => s.session_id)).toContain(session_id);
    expect((await client.get(session_id)).status).toBe('active');
    const stopped = await client.stop(session_id);
    expect(stopped.status).toBe('closed');
    expect(stopped.closed_at).not.toBeNull();
    expect((await client.list()).map((s) => s.session_id)).not.toContain(session_id);
    expect((await client.list(false)).map((s) => s.session_id)).toContain(session_id);
    await expect(client.observe(session_id)).rejects.toMatchObject({ status: 409 });
  });
});
