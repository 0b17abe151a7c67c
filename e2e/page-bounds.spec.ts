import { expect, test } from './support/fixtures';

// The image list rides along with every observation whatever its scope: a front page with
// hundreds of thumbnails must not make it most of the answer.
test('a page with 400 thumbnails lists at most 150 images, decorative ones dropped first', async ({
  client,
  site,
}) => {
  const { session_id } = await client.start({ url: site.url('/page/thumbnails.html') });
  try {
    const observation = await client.observe(session_id, {});
    const images = observation.data!.images;
    expect(images).toHaveLength(150);
    expect(images.filter((i) => i.category === 'decorative')).toHaveLength(0);
    expect(images[0]!.category).toBe('favicon');
    expect(images[1]!.url).toBe(site.url('/thumb-0.jpg'));
    for (const image of images) {
      expect(image.description?.length ?? 0).toBeLessThanOrEqual(300);
    }
    expect(JSON.stringify(images).length).toBeLessThan(70_000);
  } finally {
    await client.stop(session_id);
  }
});
