/**
 * `experiment slurm`, `collect` and `fingerprint` without a cluster: what the bundle holds, what is refused
 * (and that a refusal writes nothing), and collect's account of missing runs with the line that reruns them.
 * test/integration/slurm.test.ts submits a bundle to a real SLURM.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../support/cli-harness';
import { findExample } from '../../../src-shared/data/examples';
import { engineFingerprint } from '../../../src-shared/experiment/fingerprint';
import { serializeModel } from '../../../src-shared/model/serialize';
import { writeFailedRun } from '../../../src-main/experiment/results-folder';

let dir: string;
let model: string;
let bundle: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bplab-slurm-cli-'));
  model = join(dir, 'xor-rates.bplab');
  writeFileSync(model, serializeModel({
    ...findExample('xor')!.build(),
    experiment: { design: 'crossed', factors: [{ setting: 'learningRate', levels: [0.5, 1] }], replications: 6, epochs: 50, stopAtCriterion: false, record: { finalOutputs: false, finalWeights: false } },
  }));
  bundle = join(dir, 'bundle');
  const made = await cli('experiment', 'slurm', model, '--out', bundle, '--runs-per-task', '5', '--partition', 'short', '--time', '01:00:00');
  expect(made.code, made.err).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('experiment slurm', () => {
  it('writes the model, the results folder begun, the command line, the fingerprint, the scripts and the README', () => {
    expect(readdirSync(bundle).sort()).toEqual(['README.md', 'backprop-lab.cjs', 'bundle.json', 'collect.sbatch', 'engine-fingerprint.txt', 'logs', 'results', 'run.sbatch', 'submit.sh', 'xor-rates.bplab']);
    expect(readFileSync(join(bundle, 'xor-rates.bplab'), 'utf8')).toBe(readFileSync(model, 'utf8'));
    expect(existsSync(join(bundle, 'results', 'experiment.json'))).toBe(true);
    expect(readFileSync(join(bundle, 'engine-fingerprint.txt'), 'utf8')).toBe(`${engineFingerprint()}\n`);
    expect(JSON.parse(readFileSync(join(bundle, 'bundle.json'), 'utf8'))).toMatchObject({ totalRuns: 12, runsPerTask: 5, throttle: 3, modelFile: 'xor-rates.bplab' });
    const run = readFileSync(join(bundle, 'run.sbatch'), 'utf8');
    expect(run).toMatch(/^#SBATCH --array=0-2%3$/m);
    expect(run).toMatch(/^#SBATCH --partition=short$/m);
    expect(statSync(join(bundle, 'submit.sh')).mode & 0o100).not.toBe(0);
    // Not the private mode of the temporary folder it was written in.
    expect(statSync(bundle).mode & 0o777).toBe(0o755);
    // No staging folder is left beside the bundle.
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('refuses, writing nothing, a model without an experiment, a folder in use, and options a script cannot take', async () => {
    const single = join(dir, 'single.bplab');
    writeFileSync(single, (await cli('example', 'xor')).out);
    const noExperiment = await cli('experiment', 'slurm', single, '--out', join(dir, 'b1'));
    expect(noExperiment.code).toBe(1);
    expect(noExperiment.err).toMatch(/single\.bplab has no experiment section/);

    const used = join(dir, 'used');
    mkdirSync(used);
    writeFileSync(join(used, 'notes.txt'), 'keep me');
    const occupied = await cli('experiment', 'slurm', model, '--out', used);
    expect(occupied.err).toMatch(/used already exists and is not empty: choose a new folder/);
    expect(readdirSync(used)).toEqual(['notes.txt']);

    for (const [option, value, message] of [
      ['--time', '1 hour', /--time must be a SLURM time limit/],
      ['--partition', 'short; rm -rf ~', /--partition must be a SLURM name/],
      ['--runs-per-task', '13', /--runs-per-task must be a whole number from 1 to 12/],
      ['--throttle', '0', /--throttle must be a whole number from 1/],
    ] as const) {
      const refused = await cli('experiment', 'slurm', model, '--out', join(dir, 'b2'), option, value);
      expect(refused.code, option).toBe(1);
      expect(refused.err, option).toMatch(message);
    }
    expect(existsSync(join(dir, 'b1')) || existsSync(join(dir, 'b2'))).toBe(false);
  });
});

describe('experiment collect', () => {
  it('merges what there is, names the missing runs and their tasks, and prints the line that reruns only those', async () => {
    // Task 0 (runs 0–4) done, as the array would have; tasks 1 and 2 never ran.
    const ran = await cli('experiment', 'run', join(bundle, 'xor-rates.bplab'), '--runs', '0-4', '--out', join(bundle, 'results'), '--jobs', '1');
    expect(ran.code, ran.err).toBe(0);
    await writeFailedRun(join(bundle, 'results'), { index: 11, message: 'the worker crashed: out of memory' });
    const partial = await cli('experiment', 'collect', bundle);
    expect(partial.code).toBe(3);
    expect(partial.out).toContain('5 of 12 runs finished');
    expect(partial.out).toMatch(/missing \(never finished\): runs 5-10 — tasks 1-2\n/);
    expect(partial.out).toMatch(/^failed: run 11 \(task 2\): the worker crashed: out of memory$/m);
    expect(partial.out).toMatch(/^ {2}sbatch --array=1-2%3 run\.sbatch$/m);
    // The header, the 5 finished runs and the failed one.
    const rows = readFileSync(join(bundle, 'results', 'runs.csv'), 'utf8').trim().split('\n');
    expect(rows).toHaveLength(1 + 5 + 1);
    expect(rows[6]).toMatch(/^11,/);

    const rest = await cli('experiment', 'run', join(bundle, 'xor-rates.bplab'), '--runs', '5-11', '--out', join(bundle, 'results'), '--jobs', '1');
    expect(rest.code, rest.err).toBe(0);
    const complete = await cli('experiment', 'collect', bundle);
    expect(complete.code).toBe(0);
    expect(complete.out).toBe(`12 of 12 runs finished; merged into ${join(bundle, 'results', 'runs.csv')}, ${join(bundle, 'results', 'curves.csv')} and ${join(bundle, 'results', 'manifest.json')}\n`);
  });

  it('says what a folder is not', async () => {
    const refused = await cli('experiment', 'collect', dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is neither a SLURM bundle \(no bundle\.json\) nor a results folder \(no experiment\.json\)/);
    writeFileSync(join(dir, 'bundle.json'), '{"format":"backprop-lab-slurm-bundle","version":1}');
    const broken = await cli('experiment', 'collect', dir);
    expect(broken.err).toMatch(/bundle\.json is not a bundle's settings: appVersion/);
    rmSync(join(dir, 'bundle.json'));
  });
});

describe('experiment fingerprint', () => {
  it('prints this engine’s fingerprint and stops, exit status 3, when another was expected', async () => {
    expect(await cli('experiment', 'fingerprint')).toEqual({ code: 0, out: `${engineFingerprint()}\n`, err: '' });
    expect((await cli('experiment', 'fingerprint', '--expect', engineFingerprint())).code).toBe(0);
    const other = await cli('experiment', 'fingerprint', '--expect', '0123456789abcdef');
    expect(other.code).toBe(3);
    expect(other.err).toMatch(/computes different bits \(fingerprint [0-9a-f]{16}\) from the machine that made the bundle \(0123456789abcdef\)/);
  });

  it('is what every task of run.sbatch checks before it runs anything', () => {
    const script = readFileSync(join(bundle, 'run.sbatch'), 'utf8');
    // The task's own lines, with sbatch's environment, and bplab stubbed to record what is called.
    const body = script.slice(script.indexOf('task=${SLURM_ARRAY_TASK_ID'));
    const result = spawnSync('bash', ['-c', `set -e\nbplab() { echo "bplab $*"; [ "$1 $2" != "experiment fingerprint" ] || [ "$4" = "${engineFingerprint()}" ] || exit 3; }\n${body}`], {
      cwd: bundle, env: { PATH: process.env.PATH, SLURM_ARRAY_TASK_ID: '2' }, encoding: 'utf8',
    });
    expect(result.stdout).toContain(`bplab experiment fingerprint --expect ${engineFingerprint()}\nbplab experiment run xor-rates.bplab --runs 10-11 --out results --jobs 1\n`);
  });
});
