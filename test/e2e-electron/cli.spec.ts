/**
 * The installed app as the command line: Electron started with `--cli` runs the verbs headless, prints to
 * stdout and exits with the command's status, without opening a window. Runs where the Electron binary
 * exists (the release workflow; under xvfb-run on Linux); skips elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { binary, MAIN_BUNDLE, skipWithoutElectron } from './electron-app';

skipWithoutElectron('command line');

function cli(...args: string[]) {
  const env = { ...process.env } as Record<string, string>;
  delete env['ELECTRON_RENDERER_URL'];
  return spawnSync(binary!, [MAIN_BUNDLE, '--cli', ...args], { encoding: 'utf8', timeout: 60_000, env });
}

test('lists the built-in examples and exits 0', () => {
  const run = cli('example', '--list');
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/xor/);
});

test('prints a model file, and reports a bad command with a non-zero status', () => {
  const example = cli('example', 'xor');
  expect(example.status, example.stderr).toBe(0);
  expect(JSON.parse(example.stdout).format).toBe('backprop-lab-model');
  const wrong = cli('no-such-verb');
  expect(wrong.status).toBe(2);
  expect(wrong.stderr).toMatch(/unknown command "no-such-verb"/);
});
