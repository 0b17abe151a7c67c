import { expect, test } from './support/fixtures';

// Page content (`data.markdown`) picks the article body on article pages and keeps list pages
// whole: the choice is made from the page's own evidence, in a real tab.

test('an article keeps its body and drops the newsletter box, share bar and related links', async ({
  client,
  site,
}) => {
  const { session_id } = await client.start({ url: site.url('/content/article-boilerplate.html') });
  try {
    const observation = await client.observe(session_id, {});
    const markdown = observation.data!.markdown;
    expect(markdown).toContain('Story paragraph 1:');
    expect(markdown).toContain('Story paragraph 8:');
    for (const boilerplate of [
      'Get the Courier newsletter',
      'Share on Facebook',
      'Related stories',
      'Ferry timetable changes',
      'Weather',
    ]) {
      expect(markdown).not.toContain(boilerplate);
    }
    // The headline is metadata, not a `# title` line over the body.
    expect(markdown).not.toMatch(/^# Council delays river plan/m);
    const structured = observation.data!.structured.data as Record<string, unknown>;
    expect(structured.title).toBe('Council delays river plan');
  } finally {
    await client.stop(session_id);
  }
});

test('a short undeclared article under a huge menu is the story, not the whole page', async ({
  client,
  site,
}) => {
  const { session_id } = await client.start({ url: site.url('/content/short-article.html') });
  try {
    const markdown = (await client.observe(session_id, {})).data!.markdown;
    expect(markdown).toContain('Short story paragraph 1:');
    expect(markdown).toContain('Short story paragraph 3:');
    expect(markdown).not.toContain('Section 100 of the Courier');
    expect(markdown).not.toContain('Footer link 20');
  } finally {
    await client.stop(session_id);
  }
});

test('a front page of teaser cards stays whole: navigation, search, filters and every card', async ({
  client,
  site,
}) => {
  const { session_id } = await client.start({ url: site.url('/content/feed.html') });
  try {
    const markdown = (await client.observe(session_id, {})).data!.markdown;
    for (const part of ['Weather', 'Search', 'Most read', 'Next page']) {
      expect(markdown).toContain(part);
    }
    for (let n = 1; n <= 12; n += 1) {
      expect(markdown).toContain(`Story ${n} on the front page`);
    }
  } finally {
    await client.stop(session_id);
  }
});
