import { ErrorBody } from '../src/shared/schema/errors';
import { expect, test } from './support/fixtures';
import { freePort } from './support/launch';
import { outcomeOf } from './support/resilience-helpers';

test.describe('observe of a tab whose page failed to load', () => {
  test('answers 502 with the net error and its URL', async ({ client }) => {
    // Nothing listens on this loopback port: a real network failure, no traffic off the machine.
    const url = `http://127.0.0.1:${await freePort()}/missing`;
    const session = await client.start({ url });
    const outcome = await outcomeOf(client.observe(session.session_id));
    expect(outcome.status).toBe(502);
    expect(ErrorBody.parse(outcome.value)).toEqual(outcome.value);
    expect(outcome.message).toBe(`the page failed to load: net::ERR_CONNECTION_REFUSED at ${url}`);
    await client.stop(session.session_id);
  });
});

test.describe('observe and act in a tab whose page crashed', () => {
  test('answer 502 page-crashed at once; a goto brings the page back', async ({
    client,
    site,
    ext,
  }) => {
    const url = site.url('basic.html');
    const session = await client.start({ url });
    const before = await client.observe(session.session_id, { data: false });
    const page = ext.context.pages().find((p) => p.url() === url);
    expect(page, `a tab at ${url}`).toBeDefined();
    // The renderer crashes as under an out-of-memory kill; Chrome then shows "Aw, Snap!".
    const cdp = await ext.context.newCDPSession(page!);
    void cdp.send('Page.crash').catch(() => undefined);
    await expect
      .poll(() =>
        ext.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.status, url),
      )
      .toBe('unloaded');

    const observed = await outcomeOf(client.observe(session.session_id));
    expect(observed.status).toBe(502);
    expect(observed.message).toBe(`the tab's page crashed (Chrome shows "Aw, Snap!"): ${url}`);
    expect(ErrorBody.parse(observed.value).detail).toMatchObject({
      code: 'page-crashed',
      retryable: true,
    });
    const firstId = before.space.interaction_actions[0]?.id;
    expect(firstId).toBeDefined();
    // execute reports a failed action as data, as Notte's API does: success false and why.
    const clicked = await client.execute(session.session_id, { type: 'click', id: firstId! });
    expect(clicked.success).toBe(false);
    expect(clicked.exception).toMatch(/^page-crashed: /);
    expect(clicked.message).toContain('goto its URL');

    // What the hint says works: goto the URL again.
    await client.execute(session.session_id, { type: 'goto', url });
    const after = await client.observe(session.session_id, { data: false });
    expect(after.metadata.url).toBe(url);
    await client.stop(session.session_id);
  });
});
