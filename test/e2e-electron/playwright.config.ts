/**
 * The Electron app's end-to-end test (`npm run test:electron`). Separate from playwright.config.ts at the
 * root, which runs the web build in Chromium: this one launches the built app itself, and only where the
 * Electron binary has been downloaded (see app.spec.ts).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  // One app at a time: two cores, and each app runs a trainer process.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: 'list',
  outputDir: '../../test-results/e2e-electron',
});
