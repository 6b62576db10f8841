/**
 * The release workflow runs only on GitHub, on a version tag; this holds it to what the issue and
 * docs/installing.md promise, read the way the builder configuration is (js-yaml, through app-builder-lib's
 * loader): the installers built on Windows, macOS and Ubuntu, the Electron end-to-end tests run there
 * first, every installer the builder configuration names uploaded, and a release with SHA-256 checksums.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { getConfig as getBuilderConfig } from 'app-builder-lib/out/util/config/config';
import { getConfig as readYaml } from 'app-builder-lib/out/util/config/load';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  'runs-on': string;
  strategy?: { matrix: { os: string[] } };
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { push: { tags: string[] } };
  jobs: Record<string, Job>;
}

let workflow: Workflow;
let builder: Configuration;

beforeAll(async () => {
  // With a path given, the loader only reads and parses that file.
  const request = { packageKey: 'build', configFilename: 'release', projectDir: ROOT, packageMetadata: null };
  const read = await readYaml<Workflow>(request, '.github/workflows/release.yml');
  workflow = read!.result;
  builder = await getBuilderConfig(ROOT, 'build/electron-builder.yml', null);
});

/** The steps of `job` whose command line contains `text`. */
const running = (job: Job, text: string) => job.steps.filter((step) => step.run?.includes(text));

describe('the release workflow', () => {
  it('runs when a version tag is pushed, and checks the tag is package.json’s version', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } });
    const { installers } = workflow.jobs;
    expect(running(installers!, 'GITHUB_REF_NAME').some((step) => step.run!.includes("require('./package.json').version"))).toBe(true);
  });

  it('builds on Windows, macOS and Ubuntu, after the Electron end-to-end tests pass there', () => {
    const { installers } = workflow.jobs;
    expect(installers!['runs-on']).toBe('${{ matrix.os }}');
    expect([...installers!.strategy!.matrix.os].sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    const index = (step: Step | undefined) => (step ? installers!.steps.indexOf(step) : -1);
    const electronTests = running(installers!, 'npm run test:electron');
    // Both branches together cover every runner: under a virtual display on Linux, directly elsewhere.
    expect(electronTests.map((step) => step.if).sort()).toEqual(["runner.os != 'Linux'", "runner.os == 'Linux'"]);
    const [build] = running(installers!, 'electron-builder --config build/electron-builder.yml');
    expect(index(build)).toBeGreaterThan(Math.max(...electronTests.map(index)));
    // Linux's virtual display is a real screen's size, with room for the app's smallest window (900x600).
    expect(electronTests.find((step) => step.if === "runner.os == 'Linux'")!.run).toMatch(/^xvfb-run .*--server-args="-screen 0 1920x1080x24"/);
    expect(index(running(installers!, 'node node_modules/electron/install.js')[0])).toBeGreaterThan(-1);
    // Ubuntu 24.04's AppArmor would stop Electron's sandbox, so every Electron test there, from starting.
    const [userns] = running(installers!, 'kernel.apparmor_restrict_unprivileged_userns=0');
    expect(userns?.if).toBe("runner.os == 'Linux'");
    expect(index(userns)).toBeLessThan(Math.min(...electronTests.map(index)));
    // The security scan with its one network check (AvailableSecurityFixesGlobalCheck), which npm test leaves out.
    const security = running(installers!, 'npm run test:security');
    expect(security).toHaveLength(1);
    expect(security[0]!.run).toMatch(/npm run test:security -- --online(\s|$)/);
  });

  it('notarizes only an app it has signed: the Apple key is handed over only with the signing certificate', () => {
    const { installers } = workflow.jobs;
    const [key] = running(installers!, 'APPLE_API_KEY=');
    expect(key?.if).toBe("runner.os == 'macOS' && env.APPLE_API_KEY_CONTENT != '' && env.HAS_MAC_CERTIFICATE == 'true'");
    expect((installers as unknown as { env: Record<string, string> }).env.HAS_MAC_CERTIFICATE).toBe("${{ secrets.MAC_CSC_LINK != '' }}");
  });

  it('runs every Electron end-to-end spec there: `npm run test:electron` takes the whole folder', async () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['test:electron']).toBe('playwright test --config test/e2e-electron/playwright.config.ts');
    const { default: config } = await import('../../e2e-electron/playwright.config');
    expect(config.testDir).toBe('.');
    expect(config.testMatch ?? null).toBeNull();
    expect(config.testIgnore ?? null).toBeNull();
    // What needs Electron itself (issue 6), each in a spec of its own there.
    const specs = readdirSync(join(ROOT, 'test/e2e-electron')).filter((file) => file.endsWith('.spec.ts')).sort();
    expect(specs).toEqual(expect.arrayContaining([
      'app.spec.ts', 'cli.spec.ts', 'close-prompt.spec.ts', 'help-links.spec.ts', 'renderer-crash.spec.ts',
      'second-launch.spec.ts', 'trainer-restart.spec.ts', 'window-placement.spec.ts',
    ]));
  });

  it('uploads every installer the builder configuration makes', () => {
    const upload = workflow.jobs['installers']!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'));
    const globs = upload!.with!['path']!.split('\n').map((line) => line.trim()).filter(Boolean);
    // Each target's artifactName ends in .${ext}: the file type electron-builder gives that target.
    const made = { nsis: 'exe', dmg: 'dmg', deb: 'deb', AppImage: 'AppImage' };
    for (const [target, ext] of Object.entries(made)) {
      const section = { nsis: builder.nsis, dmg: builder.dmg, deb: builder.deb, AppImage: builder.appImage }[target];
      expect(section?.artifactName, target).toMatch(/\.\$\{ext\}$/);
      expect(globs, target).toContain(`dist/*.${ext}`);
    }
    expect(upload!.with!['if-no-files-found']).toBe('error');
  });

  it('makes the release with the installers and their SHA-256 checksums attached', () => {
    const { release } = workflow.jobs;
    expect(release!.needs).toBe('installers');
    expect(release!.permissions).toEqual({ contents: 'write' });
    const [checksums] = running(release!, 'sha256sum');
    expect(checksums!.run).toContain('SHA256SUMS.txt');
    const [publish] = running(release!, 'gh release create');
    expect(publish!.run).toContain('installers/*');
    expect(release!.steps.indexOf(publish!)).toBeGreaterThan(release!.steps.indexOf(checksums!));
  });
});
