import { expect, shopUrl, test } from './sites';

test.describe('frames cannot pass for one another', () => {
  test("a hidden frame replaying a visible frame's claim is not listed; the visible one is, labelled with its origin", async ({
    client,
    sites,
  }) => {
    const { session_id } = await client.start({ url: shopUrl(sites, '/security/gift-wrap.html') });
    // The payment frame loads after the page; observe until its button is there.
    await expect
      .poll(async () =>
        (await client.observe(session_id, { scope: 'page' })).space.interaction_actions.map(
          (a) => a.description,
        ),
      )
      .toContain(`button "Add gift wrap" (in a frame from ${sites.pay.origin})`);

    const observed = await client.observe(session_id, { scope: 'page' });
    const everything = JSON.stringify([observed.space, observed.data]);
    expect(everything).not.toContain('Transfer all funds');
    expect(observed.space.description).toContain(`[frame from ${sites.pay.origin}]`);
    // The shop's own visible frame is listed too, in its own slot, without an origin label.
    expect(observed.space.interaction_actions.map((a) => a.description)).toContain(
      'button "Add a gift note"',
    );
    const wrap = observed.space.interaction_actions.find((a) =>
      a.description.startsWith('button "Add gift wrap"'),
    );

    // Nothing is posted to the page per observation: its message count stays put.
    const messagesSeen = async () =>
      /messages seen: (\d+)/.exec(
        (await client.observe(session_id, { scope: 'page' })).data?.markdown ?? '',
      )?.[1];
    const before = await messagesSeen();
    await messagesSeen();
    expect(await messagesSeen()).toBe(before);

    // Honest use: the id the agent reads clicks the button the user sees.
    const clicked = await client.execute(session_id, { type: 'click', id: wrap!.id });
    expect(clicked.success).toBe(true);
    await expect
      .poll(async () => (await client.observe(session_id, { scope: 'page' })).data?.markdown)
      .toContain('Gift wrap added');
    const after = await client.observe(session_id, { scope: 'page' });
    expect(after.data?.markdown).toContain('nothing sent');
    expect(after.data?.markdown).not.toContain('TRANSFERRED');
    await client.stop(session_id);
  });
});
