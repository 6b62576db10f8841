import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectSbatch, jobName, runSbatch, submitSh, bundleReadme, type SlurmBundleSettings } from '../../../src-shared/experiment/slurm-scripts';
import { arraySpec, commonMaxArrayIndex, defaultRunsPerTask, runsOfTask, taskCount, taskOfRun, tasksOfRuns } from '../../../src-shared/experiment/slurm-tasks';

describe('cutting an experiment into array tasks', () => {
  it('gives every run to exactly one task, in order, and finds a run’s task again', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 500 }), (totalRuns, runsPerTask) => {
        const layout = { totalRuns, runsPerTask };
        const tasks = taskCount(layout);
        let next = 0;
        for (const task of [0, 1, tasks - 2, tasks - 1].filter((t) => t >= 0 && t < tasks)) {
          const { first, last } = runsOfTask(task, layout);
          expect(first).toBe(task * runsPerTask);
          expect(last - first + 1).toBeLessThanOrEqual(runsPerTask);
          expect(taskOfRun(first, layout)).toBe(task);
          expect(taskOfRun(last, layout)).toBe(task);
          if (task === 0) next = last + 1;
          if (task === tasks - 1) expect(last).toBe(totalRuns - 1);
        }
        if (tasks > 1) expect(runsOfTask(1, layout).first).toBe(next);
      }),
    );
  });

  it('chooses the fewest runs per task that keep the array within MaxArraySize', () => {
    expect(defaultRunsPerTask(12)).toBe(1);
    expect(defaultRunsPerTask(1001)).toBe(1);
    expect(defaultRunsPerTask(1002)).toBe(2);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (totalRuns) => {
        const runsPerTask = defaultRunsPerTask(totalRuns);
        expect(taskCount({ totalRuns, runsPerTask }) - 1).toBeLessThanOrEqual(commonMaxArrayIndex);
        if (runsPerTask > 1) expect(taskCount({ totalRuns, runsPerTask: runsPerTask - 1 }) - 1).toBeGreaterThan(commonMaxArrayIndex);
      }),
    );
  });

  it('writes the tasks to rerun as SLURM’s array list', () => {
    expect(arraySpec([])).toBe('');
    expect(arraySpec([5])).toBe('5');
    expect(arraySpec([9, 3, 7, 8, 12, 3])).toBe('3,7-9,12');
    expect(tasksOfRuns([0, 1, 2, 7, 11], { totalRuns: 12, runsPerTask: 3 })).toEqual([0, 2, 3]);
  });
});

const settings: SlurmBundleSettings = {
  jobName: jobName('XOR: 2 rates × 6 seeds'),
  modelFile: 'experiment.bplab',
  layout: { totalRuns: 12, runsPerTask: 5 },
  throttle: 2,
  partition: 'short',
  time: '00:10:00',
};

function bashAccepts(script: string): string {
  const result = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  return result.status === 0 ? 'ok' : result.stderr;
}

describe('the bundle’s scripts', () => {
  it('name the job with only the characters SLURM and a shell take as they are', () => {
    expect(settings.jobName).toBe('bplab-XOR-2-rates-6-seeds');
    expect(jobName('')).toBe('bplab-experiment');
  });

  it('make an array of one task per K runs, throttled, logging per task, checking the fingerprint before running its runs', () => {
    const script = runSbatch(settings);
    expect(bashAccepts(script)).toBe('ok');
    expect(script).toMatch(/^#SBATCH --array=0-2%2$/m);
    expect(script).toMatch(/^#SBATCH --output=logs\/%A_%a\.out$/m);
    expect(script).toMatch(/^#SBATCH --partition=short$/m);
    expect(script).toMatch(/^#SBATCH --time=00:10:00$/m);
    expect(script).not.toMatch(/--account/);
    // SLURM reads #SBATCH lines only up to the first command.
    const firstCommand = script.split('\n').findIndex((line) => line !== '' && !line.startsWith('#'));
    expect(script.split('\n').slice(firstCommand).some((line) => line.startsWith('#SBATCH'))).toBe(false);
    const check = script.indexOf('experiment fingerprint --expect');
    const run = script.indexOf('experiment run experiment.bplab --runs "$first-$last" --out results --jobs 1');
    expect(check).toBeGreaterThan(0);
    expect(run).toBeGreaterThan(check);
  });

  it('compute each task’s runs in bash as runsOfTask does', () => {
    const script = runSbatch(settings);
    const arithmetic = script.slice(script.indexOf('first=$(('), script.indexOf('echo "task $task'));
    for (let task = 0; task < 3; task++) {
      const result = spawnSync('bash', ['-c', `task=${task}\n${arithmetic}\necho "$first-$last"`], { encoding: 'utf8' });
      const { first, last } = runsOfTask(task, settings.layout);
      expect(result.stdout.trim()).toBe(`${first}-${last}`);
    }
  });

  it('run the single file with Node ≥ 20, else the standalone executable, else stop saying why', () => {
    const script = runSbatch(settings);
    const chooser = script.slice(script.indexOf('bplab() {'), script.indexOf('[ -f bundle.json ]'));
    const folder = mkdtempSync(join(tmpdir(), 'bplab-chooser-'));
    try {
      const bin = join(folder, 'bin');
      mkdirSync(bin);
      const executable = (path: string, text: string) => {
        writeFileSync(path, `#!/bin/sh\n${text}\n`);
        chmodSync(path, 0o755);
      };
      writeFileSync(join(folder, 'backprop-lab.cjs'), '');
      const call = (path: string) => spawnSync('/bin/bash', ['-c', `${chooser}\nbplab experiment run x`], { cwd: folder, env: { PATH: path }, encoding: 'utf8' });

      // No node at all, and no executable: a message naming both.
      const neither = call('/nonexistent');
      expect(neither.status).toBe(127);
      expect(neither.stderr).toMatch(/neither Node >= 20 nor backprop-lab-linux-x64 is available/);

      executable(join(folder, 'backprop-lab-linux-x64'), 'echo "standalone $*"');
      expect(call('/nonexistent').stdout).toBe('standalone experiment run x\n');
      // A Node older than 20 is passed over.
      executable(join(bin, 'node'), 'if [ "$1" = -p ]; then echo 18; else echo "node $*"; fi');
      expect(call(bin).stdout).toBe('standalone experiment run x\n');
      executable(join(bin, 'node'), 'if [ "$1" = -p ]; then echo 22; else echo "node $*"; fi');
      expect(call(bin).stdout).toBe('node backprop-lab.cjs experiment run x\n');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('collect after the array however it ended, and submit both printing their ids', () => {
    const collect = collectSbatch(settings);
    expect(bashAccepts(collect)).toBe('ok');
    expect(collect).toMatch(/^bplab experiment collect \.$/m);
    const submit = submitSh(settings);
    expect(bashAccepts(submit)).toBe('ok');
    expect(submit).toMatch(/sbatch --parsable "\$@" run\.sbatch/);
    expect(submit).toMatch(/sbatch --parsable --dependency=afterany:"\$array" collect\.sbatch/);
  });

  it('tell the lab how to submit, watch and rerun', () => {
    const readme = bundleReadme({ ...settings, fingerprint: 'abc123', appVersion: '0.1.0', standalone: true });
    for (const text of ['./submit.sh', 'squeue', 'sbatch --array=', 'abc123', 'backprop-lab-linux-x64', '12 runs']) expect(readme).toContain(text);
  });
});
