/**
 * `npm run screenshots`: the pictures in docs/screenshots (the README's and the user guide's), taken by the
 * end-to-end specs that walk through what they show, in Chromium at their viewports. Run it after a change
 * the pictures should show, look at them, and commit them; `npm test` runs the same specs without touching
 * docs/screenshots (test/e2e/screenshots.ts). Extra arguments go to Playwright (e.g. --workers 1).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The specs whose screenshots are the guide's pictures. */
const SPECS = ['test/e2e/train-xor.spec.ts', 'test/e2e/model-export.spec.ts', 'test/e2e/user-guide.spec.ts', 'test/e2e/experiment.spec.ts', 'test/e2e/compare-rules.spec.ts', 'test/e2e/looking-inside.spec.ts', 'test/e2e/representations-over-training.spec.ts', 'test/e2e/lesion.spec.ts', 'test/e2e/recurrent-networks.spec.ts'];

const run = spawnSync(process.execPath, [fileURLToPath(new URL('../node_modules/@playwright/test/cli.js', import.meta.url)), 'test', ...SPECS, ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, BPLAB_GUIDE_SCREENSHOTS: '1' },
});
process.exitCode = run.status ?? 1;
