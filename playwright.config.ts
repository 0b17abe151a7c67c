import { defineConfig } from '@playwright/test';

// One Chromium with the extension per worker; the extension and the bridge are shared state, so
// specs run one at a time.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '.e2e.json' }]] : 'list',
  outputDir: 'test-results',
});
