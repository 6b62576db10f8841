/**
 * The guide's pictures in docs/screenshots are made by `npm run screenshots`, never by a test run: the
 * end-to-end specs take theirs into their own results folder unless that step asks for the guide's, and CI
 * fails when a test run leaves docs/screenshots changed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GUIDE_SCREENSHOTS_ENV, screenshotPath } from '../../e2e/screenshots';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the guide’s screenshots', () => {
  it('no end-to-end spec names docs/screenshots itself: they go through screenshotPath', () => {
    for (const folder of ['test/e2e', 'test/e2e-electron']) {
      for (const file of readdirSync(join(ROOT, folder)).filter((name) => name.endsWith('.ts') && name !== 'screenshots.ts')) {
        expect(read(`${folder}/${file}`), `${folder}/${file}`).not.toMatch(/docs\/screenshots|screenshots\/guide-/);
      }
    }
  });

  it('go to the test’s own output unless `npm run screenshots` asks for the guide’s', () => {
    const info = { outputPath: (name: string) => `/results/test-1/${name}` };
    expect(screenshotPath('xor-trained.png', info, {})).toBe('/results/test-1/xor-trained.png');
    expect(screenshotPath('xor-trained.png', info, { [GUIDE_SCREENSHOTS_ENV]: '1' })).toBe(join(ROOT, 'docs/screenshots/xor-trained.png'));
    expect(() => screenshotPath('../escape.png', info, { [GUIDE_SCREENSHOTS_ENV]: '1' })).toThrow(/name/);
  });

  it('is a step of its own, outside npm test, documented in the README', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['screenshots']).toBeDefined();
    expect(scripts['test']).not.toMatch(/screenshots/);
    expect(read('README.md')).toContain('npm run screenshots');
  });

  it('CI fails when a test run changed or added anything in docs/screenshots', () => {
    const ci = read('.ci/run');
    const test = ci.indexOf('npm test');
    const check = ci.indexOf('git status --porcelain -- docs/screenshots');
    expect(test).toBeGreaterThan(-1);
    expect(check).toBeGreaterThan(test);
  });
});
