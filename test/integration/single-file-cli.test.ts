/**
 * The command line built into one file (needs only Node on a cluster) and into a standalone Linux x64
 * executable (needs nothing): each runs from a folder with no node_modules and computes the same bits as
 * the command line run from the sources.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-harness';
import { APP_VERSION } from '../../src-main/app-version';
import { buildStandalone, bundleCli } from '../../src-main/cli/single-file/build';

let dir: string;
let script: string;
let model: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bplab-single-file-'));
  script = join(dir, 'backprop-lab.cjs');
  await bundleCli(script);
  model = join(dir, 'xor.bplab');
  writeFileSync(model, (await cli('example', 'xor')).out);
  expect((await cli('train', model, '--epochs', '300', '--out', join(dir, 'sources.bplab'))).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The trained model without its provenance (the times it was made and trained). */
function trained(file: string): unknown {
  const { provenance: _provenance, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return rest;
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
}

describe('the single-file command line', () => {
  it('runs with Node alone and trains to the same bits as the command line from the sources', async () => {
    expect(run(process.execPath, [script, '--version'])).toBe(`${APP_VERSION}\n`);
    expect(run(process.execPath, [script, 'example', '--list'])).toBe((await cli('example', '--list')).out);
    run(process.execPath, [script, 'train', model, '--epochs', '300', '--out', join(dir, 'bundled.bplab')]);
    expect(trained(join(dir, 'bundled.bplab'))).toEqual(trained(join(dir, 'sources.bplab')));
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')('builds a standalone Linux x64 executable that runs without Node', async () => {
    const executable = join(dir, 'backprop-lab-linux-x64');
    await buildStandalone(script, executable);
    expect(statSync(executable).mode & 0o111).not.toBe(0);
    // An empty PATH: no node to fall back on.
    const alone = (args: string[]) => execFileSync(executable, args, { cwd: dir, encoding: 'utf8', env: {} });
    expect(alone(['--version'])).toBe(`${APP_VERSION}\n`);
    expect(alone(['example', '--list'])).toBe((await cli('example', '--list')).out);
    alone(['train', model, '--epochs', '300', '--out', join(dir, 'standalone.bplab')]);
    expect(trained(join(dir, 'standalone.bplab'))).toEqual(trained(join(dir, 'sources.bplab')));
  }, 60_000);
});
