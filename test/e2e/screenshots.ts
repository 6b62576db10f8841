/**
 * Where an end-to-end test puts a screenshot: into its own results folder, so that a test run never changes
 * the tree, or — when `npm run screenshots` (build/screenshots.mjs) asks — into docs/screenshots, the
 * pictures the README and the user guide show.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestInfo } from '@playwright/test';

/** Set to 1 by `npm run screenshots`. */
export const GUIDE_SCREENSHOTS_ENV = 'BPLAB_GUIDE_SCREENSHOTS';
const GUIDE_FOLDER = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

export function screenshotPath(name: string, testInfo: Pick<TestInfo, 'outputPath'>, env: Record<string, string | undefined> = process.env): string {
  if (!/^[\w.-]+\.png$/.test(name) || name.startsWith('.')) throw new Error(`screenshot name "${name}" must be a plain file name ending in .png`);
  return env[GUIDE_SCREENSHOTS_ENV] === '1' ? join(GUIDE_FOLDER, name) : testInfo.outputPath(name);
}
