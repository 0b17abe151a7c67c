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

test('a news article gives its metadata by evidence: headline, authors, day, dek and lead image', async ({
  client,
  site,
}) => {
  const { session_id } = await client.start({ url: site.url('/content/news-metadata.html') });
  try {
    const observation = await client.observe(session_id, {});
    const structured = observation.data!.structured;
    expect(structured.success).toBe(true);
    const data = structured.data as Record<string, unknown>;
    // og:title and <title> carry the site's name; the visible headline agrees once it is off.
    expect(data.title).toBe('Ferry returns to the weir after ten years');
    // JSON-LD people in order (one by @id), the publisher left out, profile URLs never a name.
    expect(data.author).toBe('Ada Lovett, Ben Okafor');
    // Published before modified, ISO, in the page's own zone (22:30 on the 8th, not the 9th UTC).
    expect(data.published_time).toBe('2024-03-08T22:30:00-08:00');
    expect(data.modified_time).toBe('2024-03-09T09:00:00-08:00');
    expect(data.dek).toBe(
      'The old crossing reopens on Saturday with a new boat, a timetable and a fare of one pound.',
    );
    expect(data.lead_image).toBe(site.url('/images/ferry-lead.jpg'));
    expect(data.site_name).toBe('The Riverside Courier');
  } finally {
    await client.stop(session_id);
  }
});

test('a blog post without JSON-LD authors: microdata people, a masthead skipped, no editor or sidebar byline', async ({
  client,
  site,
}) => {
  const { session_id } = await client.start({ url: site.url('/content/blog-metadata.html') });
  try {
    const observation = await client.observe(session_id, {});
    const structured = observation.data!.structured;
    // The JSON-LD in a bare CDATA wrapper is read, not reported malformed.
    expect(structured.success).toBe(true);
    const data = structured.data as Record<string, unknown>;
    // The first <h1> is the site's masthead (a link home); the article's <h1> agrees with <title>
    // once the declared site name is off. `@fixing` (a Twitter handle) is no site name to cut.
    expect(data.title).toBe('Fixing the weir gauge, one reading at a time');
    // The main article names no author in JSON-LD: its editor and the sidebar story's author are
    // no authors; the meta author is the publisher; the article's microdata people are, though
    // printed in an aside, with their job title cut off.
    expect(data.author).toBe('Mara Quinn, Tom Reyes');
    expect(data.published_time).toBe('2024-05-02T23:15:00+01:00');
    expect(data.site_name).toBe('Riverside Field Notes');
  } finally {
    await client.stop(session_id);
  }
});
