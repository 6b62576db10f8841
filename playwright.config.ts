/**
 * End-to-end tests: the web build (trainer in a Web Worker) in Chromium. Uses the system's Chromium when
 * there is one, otherwise Playwright's own (installed on first use by test/e2e/global-setup.ts).
 */
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
// E2E_PORT and BPLAB_WEB_OUT (read by the web build's config) let two runs go side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  // Each port's run keeps its own results, so side-by-side runs do not clear each other's.
  outputDir: process.env.E2E_PORT ? `test-results-${process.env.E2E_PORT}` : 'test-results',
  globalSetup: './test/e2e/global-setup.ts',
  // Two at a time on two cores: the suite fits CI's budget. Tests that time a run (pause, slow motion,
  // a crashed trainer) allow for a busy neighbour; spec files run in order within a worker.
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${PORT}/`,
    // A common projector and laptop size; the README's screenshot is taken at it.
    viewport: { width: 1280, height: 860 },
    // Recording traces doubles each test's time (and the suite must fit CI's budget); a failure still
    // leaves its page snapshot. E2E_TRACE=1 records them to investigate one.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    launchOptions: {
      executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // Building first takes two seconds and means the tests never run against a stale dist-web. Vite refuses
    // a second build or preview of one project at a time (its command lock); the tests' own port and
    // BPLAB_WEB_OUT make theirs safe beside a developer's `npm run web` or another run.
    command: `npx vite build --config src-renderer/vite.web.config.ts --bypass-lock && npx vite preview --config src-renderer/vite.web.config.ts --port ${PORT} --strictPort --bypass-lock`,
    url: `http://localhost:${PORT}/`,
    // Never a server left from an earlier build: a busy port is reported instead.
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
