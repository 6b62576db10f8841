/**
 * The SLURM bundle on a real SLURM: a one-node cluster (test/support/slurm-cluster.ts) runs a 12-run
 * bundle as an array job and its collect job; the results equal a local `experiment run` byte for byte.
 * Then a task that fails (its fingerprint check) is named by collect with the line that reruns it, and
 * that line, run as printed, completes the experiment. With CI=true a cluster that cannot start fails the
 * test; elsewhere the test is skipped, saying why.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-harness';
import { startSlurmCluster, type SlurmCluster } from '../support/slurm-cluster';
import { findExample } from '../../src-shared/data/examples';
import { serializeModel } from '../../src-shared/model/serialize';

let cluster: SlurmCluster | undefined;
let unavailable = '';
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bplab-slurm-test-'));
  const start = await startSlurmCluster();
  if ('cluster' in start) {
    cluster = start.cluster;
    return;
  }
  unavailable = start.unavailable;
  if (process.env.CI === 'true') throw new Error(`CI=true: the SLURM test is mandatory, but the cluster did not start: ${unavailable}`);
  console.warn(`skipping the SLURM test: ${unavailable}`);
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** XOR, 2 learning rates × 6 seeds, 150 epochs each. */
function writeExperimentModel(path: string): void {
  const xor = findExample('xor')!.build();
  writeFileSync(path, serializeModel({
    ...xor,
    name: 'XOR rates',
    experiment: {
      design: 'crossed',
      factors: [{ setting: 'learningRate', levels: [0.5, 1] }],
      replications: 6,
      epochs: 150,
      stopAtCriterion: false,
      record: { finalOutputs: true, finalWeights: false },
    },
  }));
}

function shell(command: string, cwd: string): string {
  const result = spawnSync('bash', ['-c', command], { cwd, env: cluster!.env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** Waits until SLURM holds none of these jobs as pending or running; fails with every log when it takes too long. */
async function waitForJobs(jobs: string[], bundle: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let queue = '';
  while (Date.now() < deadline) {
    queue = shell(`squeue -h -j ${jobs.join(',')} -o '%i %T %r'`, bundle).trim();
    if (queue === '') return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the jobs ${jobs.join(', ')} did not end within ${timeoutMs / 1000} s; still queued:\n${queue}\n${taskLogs(bundle)}\n${cluster!.daemonLogs()}`);
}

function taskLogs(bundle: string): string {
  return readdirSync(join(bundle, 'logs')).sort().map((name) => `--- logs/${name}\n${readFileSync(join(bundle, 'logs', name), 'utf8')}`).join('\n');
}

function submit(bundle: string, ...args: string[]): { array: string; collect: string } {
  const printed = shell(`./submit.sh ${args.join(' ')}`, bundle);
  const match = /array job (\d+) .*collect job (\d+)/.exec(printed);
  if (!match) throw new Error(`submit.sh printed no job ids:\n${printed}`);
  return { array: match[1], collect: match[2] };
}

/** What a results folder holds, with the manifest's times (the only part that may differ) taken out. */
function results(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of ['experiment.json', 'curves.csv', 'runs.csv']) files[name] = readFileSync(join(folder, name), 'utf8');
  for (const name of readdirSync(join(folder, 'runs')).sort()) files[`runs/${name}`] = readFileSync(join(folder, 'runs', name), 'utf8');
  files['manifest.json'] = readFileSync(join(folder, 'manifest.json'), 'utf8').replace(/"(started|ended)": "[^"]*"/g, '"$1": "…"');
  return files;
}

function jobState(job: string, bundle: string): string {
  return /JobState=(\S+)/.exec(shell(`scontrol show job ${job}`, bundle))?.[1] ?? '(unknown)';
}

describe('the SLURM bundle on a real SLURM', () => {
  it('runs 12 runs as a 4-task array and collects results equal to a local run byte for byte; a failed task is named and rerun', async (context) => {
    if (!cluster) {
      context.skip(unavailable);
      return;
    }
    const model = join(dir, 'xor-rates.bplab');
    writeExperimentModel(model);
    const bundle = join(dir, 'bundle');
    const made = await cli('experiment', 'slurm', model, '--out', bundle, '--runs-per-task', '3', '--throttle', '2');
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toContain('12 runs as 4 array tasks of 3 runs, at most 2 at a time');

    const first = submit(bundle);
    await waitForJobs([first.array, first.collect], bundle);
    expect(jobState(first.collect, bundle), taskLogs(bundle)).toBe('COMPLETED');
    const collectLog = readFileSync(join(bundle, 'logs', `collect_${first.collect}.out`), 'utf8');
    expect(collectLog).toContain('12 of 12 runs finished');
    for (let task = 0; task < 4; task++) expect(readFileSync(join(bundle, 'logs', `${first.array}_${task}.out`), 'utf8')).toMatch(new RegExp(`task ${task}: done`));

    const local = join(dir, 'local.results');
    const ran = await cli('experiment', 'run', model, '--out', local, '--jobs', '2');
    expect(ran.code, ran.err).toBe(0);
    const cluster12 = results(join(bundle, 'results'));
    expect(Object.keys(cluster12).filter((name) => name.startsWith('runs/'))).toHaveLength(12);
    expect(cluster12).toEqual(results(local));

    // Task 1 (runs 3–5) lost its results and, rerun on a cluster whose engine would compute other bits, stops.
    for (const run of [3, 4, 5]) rmSync(join(bundle, 'results', 'runs', `run-0000${run}.json`));
    const fingerprint = readFileSync(join(bundle, 'engine-fingerprint.txt'), 'utf8');
    writeFileSync(join(bundle, 'engine-fingerprint.txt'), '0123456789abcdef\n');
    const failing = submit(bundle, '--array=1');
    await waitForJobs([failing.array, failing.collect], bundle);
    expect(readFileSync(join(bundle, 'logs', `${failing.array}_1.out`), 'utf8')).toMatch(/computes different bits .* nothing is run/);
    expect(jobState(failing.collect, bundle)).toBe('FAILED');
    const incomplete = readFileSync(join(bundle, 'logs', `collect_${failing.collect}.out`), 'utf8');
    expect(incomplete).toContain('9 of 12 runs finished');
    expect(incomplete).toMatch(/missing \(never finished\): runs 3-5 — task 1\n/);
    const rerunLine = /^ {2}(sbatch --array=\S+ run\.sbatch)$/m.exec(incomplete)?.[1];
    expect(rerunLine).toBe('sbatch --array=1%2 run.sbatch');

    // The line as printed, on a cluster computing the same bits, completes the experiment.
    writeFileSync(join(bundle, 'engine-fingerprint.txt'), fingerprint);
    const rerun = shell(rerunLine!.replace(/^sbatch /, 'sbatch --parsable '), bundle).trim().split(';')[0];
    await waitForJobs([rerun], bundle);
    const collected = await cli('experiment', 'collect', bundle);
    expect(collected.code).toBe(0);
    expect(collected.out).toContain('12 of 12 runs finished');
    expect(results(join(bundle, 'results'))).toEqual(results(local));
  }, 200_000);
});
