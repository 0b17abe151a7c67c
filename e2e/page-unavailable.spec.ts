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
