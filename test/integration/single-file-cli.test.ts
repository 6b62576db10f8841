/**
 * The command line built into one file (needs only Node on a cluster) and into a standalone Linux x64
 * executable (needs nothing): each runs from a folder with no node_modules and computes the same bits as
 * the command line run from the sources.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-harness';
import { APP_VERSION } from '../../src-main/app-version';
import { buildStandalone, bundleCli } from '../../src-main/cli/single-file/build';
import { findExample } from '../../src-shared/data/examples';
import { serializeModel } from '../../src-shared/model/serialize';

let dir: string;
let script: string;
let model: string;
let experiment: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bplab-single-file-'));
  script = join(dir, 'backprop-lab.cjs');
  await bundleCli(script);
  model = join(dir, 'xor.bplab');
  writeFileSync(model, (await cli('example', 'xor')).out);
  expect((await cli('train', model, '--epochs', '300', '--out', join(dir, 'sources.bplab'))).code).toBe(0);
  experiment = join(dir, 'xor-rates.bplab');
  const xor = findExample('xor')!.build();
  writeFileSync(experiment, serializeModel({
    ...xor,
    experiment: { design: 'crossed', factors: [{ setting: 'learningRate', levels: [0.5, 1] }], replications: 3, epochs: 100, stopAtCriterion: false, record: { finalOutputs: true, finalWeights: false } },
  }));
  expect((await cli('experiment', 'run', experiment, '--out', join(dir, 'sources.results'), '--jobs', '2')).code).toBe(0);
});

/** A results folder's tables and run files (the manifest's times differ from run to run). */
function tables(folder: string): Record<string, string> {
  const names = ['curves.csv', 'runs.csv', ...readdirSync(join(folder, 'runs')).sort().map((name) => `runs/${name}`)];
  return Object.fromEntries(names.map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
}
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

  it('makes a SLURM bundle holding a copy of itself (on a cluster, nothing to build with)', () => {
    const bundle = join(dir, 'from-single-file.slurm');
    run(process.execPath, [script, 'experiment', 'slurm', experiment, '--out', bundle]);
    expect(readFileSync(join(bundle, 'backprop-lab.cjs'))).toEqual(readFileSync(script));
    expect(readdirSync(bundle)).not.toContain('backprop-lab-linux-x64');
  });

  it('runs an experiment on worker threads started from the single file itself', () => {
    run(process.execPath, [script, 'experiment', 'run', experiment, '--out', join(dir, 'bundled.results'), '--jobs', '2']);
    expect(Object.keys(tables(join(dir, 'bundled.results')))).toHaveLength(8);
    expect(tables(join(dir, 'bundled.results'))).toEqual(tables(join(dir, 'sources.results')));
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
    // A bundle it makes holds the executable itself: it has no script file to copy.
    alone(['experiment', 'slurm', experiment, '--out', join(dir, 'from-standalone.slurm')]);
    expect(readFileSync(join(dir, 'from-standalone.slurm', 'backprop-lab-linux-x64')).equals(readFileSync(executable))).toBe(true);
    // Its worker threads start from the copy of the script it holds.
    alone(['experiment', 'run', experiment, '--out', join(dir, 'standalone.results'), '--jobs', '2']);
    expect(tables(join(dir, 'standalone.results'))).toEqual(tables(join(dir, 'sources.results')));
  }, 60_000);
});
