// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { serveWelcomePage } from './welcome-page';

describe('the welcome page npm start opens', () => {
  it('says it was served once Chromium (here: fetch) has fetched it', async () => {
    const welcome = await serveWelcomePage();
    try {
      const res = await fetch(welcome.url);
      expect(await res.text()).toContain('<title>Tabsight is ready</title>');
      expect(await welcome.served(1_000)).toBe(true);
    } finally {
      welcome.close();
    }
  });

  it('answers false after the timeout while nothing has fetched it', async () => {
    const welcome = await serveWelcomePage();
    try {
      expect(await welcome.served(50)).toBe(false);
    } finally {
      welcome.close();
    }
  });
});
