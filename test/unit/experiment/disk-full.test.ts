/**
 * A disk that fills up while an experiment's runs are written, for `cli experiment run` and for the desktop
 * app's storage path (the page's runner → main's results store): the experiment stops with a message naming
 * the folder, why, and how many runs are safe; every run written before is intact; running again resumes.
 * Simulated with a writer that throws ENOSPC (the app's simulated case is in
 * test/unit/main/experiment-worker-process.test.ts), and for real on a 64 KiB tmpfs when this runs as root
 * (those skip, saying why, when not).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentExamples } from '../../../src-shared/data/experiment-examples';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { serializeModel } from '../../../src-shared/model/serialize';
import { listRunFiles, readRun, ResultsWriteError, writeFailedRun, writeRun } from '../../../src-main/experiment/results-folder';
import { runExperiment } from '../../../src-main/experiment/run-experiment';
import { createExperimentResultsStore } from '../../../src-main/main/experiment-results';
import { planExperiment } from '../../../src-shared/experiment/plan';
import { runExperimentRun } from '../../../src-shared/experiment/run-one';
import { electronExperiments } from '../../../src-renderer/hosts/experiments/electron-experiments';
import { ExperimentRunner } from '../../../src-renderer/experiment/experiment-runner';
import { storeAsApi } from '../../support/experiment-processes';
import { cli } from '../../support/cli-harness';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bplab-disk-full-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** XOR's hidden-units experiment, 3 conditions × `replications` seeds of 150 epochs, weights kept. */
function xor(replications: number): ModelDocument {
  const model = experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();
  return { ...model, experiment: { ...model.experiment!, replications, epochs: 150, record: { finalOutputs: true, finalWeights: true } } };
}

async function tables(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(join(dir, 'runs'))).sort()) files[name] = await readFile(join(dir, 'runs', name), 'utf8');
  for (const name of ['curves.csv', 'runs.csv', 'experiment.json']) files[name] = await readFile(join(dir, name), 'utf8');
  return files;
}

describe('a disk that fills up while runs are written', () => {
  it('stops the experiment naming the folder and the runs that are safe; the same command resumes', async () => {
    const model = xor(4);
    const file = join(root, 'xor.bplab');
    await writeFile(file, serializeModel(model));
    const dir = join(root, 'xor.results');
    let writes = 0;
    const failing = runExperiment({
      model, dir, jobs: 1, merge: true,
      writer: {
        async writeRun(d, result) {
          if (++writes > 5) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          await writeRun(d, result);
        },
        writeFailedRun,
      },
    });
    await expect(failing).rejects.toBeInstanceOf(ResultsWriteError);
    await expect(failing).rejects.toThrow(
      `stopped: run 5 could not be written into ${join(dir, 'runs')}: the disk is full (ENOSPC). 5 finished runs are safe in ${dir}; free some space and run the same command again to go on where it stopped.`,
    );
    const { finished } = await listRunFiles(dir);
    expect([...finished].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    for (const index of finished) await expect(readRun(dir, index)).resolves.toMatchObject({ index });
    // No temporary file of the failed write is left behind.
    expect((await readdir(join(dir, 'runs'))).filter((name) => name.startsWith('.'))).toEqual([]);

    const resumed = await cli('experiment', 'run', file, '--jobs', '2');
    expect(resumed.code).toBe(0);
    expect(resumed.err).toContain('5 runs were already finished');
    const fresh = join(root, 'fresh.results');
    await runExperiment({ model, dir: fresh, jobs: 1, merge: true });
    expect(await tables(dir)).toEqual(await tables(fresh));
  });

  it('for real, on a 64 KiB tmpfs', async (context) => {
    const mountPoint = join(root, 'tmpfs');
    await mkdir(mountPoint);
    const why = tryMount(mountPoint);
    if (why) {
      context.skip(`a real full disk needs a tmpfs of 64 KiB: ${why}`);
      return;
    }
    try {
      const model = xor(10);
      const file = join(root, 'xor-real.bplab');
      await writeFile(file, serializeModel(model));
      const dir = join(mountPoint, 'xor.results');
      const stopped = await cli('experiment', 'run', file, '--jobs', '1', '--out', dir);
      expect(stopped.code).not.toBe(0);
      const match = /the disk is full \(ENOSPC\)\. (\d+) finished runs? (?:is|are) safe in (\S+); free some space and run the same command again/.exec(stopped.err);
      expect(match, stopped.err).not.toBeNull();
      expect(match![2]).toBe(dir);
      const { finished } = await listRunFiles(dir);
      expect(finished.size).toBe(Number(match![1]));
      expect(finished.size).toBeGreaterThan(0);
      expect(finished.size).toBeLessThan(30);
      for (const index of finished) await expect(readRun(dir, index)).resolves.toMatchObject({ index });

      execFileSync('mount', ['-o', 'remount,size=4m', mountPoint]);
      const resumed = await cli('experiment', 'run', file, '--jobs', '2', '--out', dir);
      expect(resumed.code, resumed.err).toBe(0);
      expect(resumed.err).toContain(`${finished.size} runs were already finished`);
      const fresh = join(root, 'fresh-real.results');
      await runExperiment({ model, dir: fresh, jobs: 2, merge: true });
      expect(await tables(dir)).toEqual(await tables(fresh));
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});

describe('the desktop app’s results folder on a disk that fills up', () => {
  it('for real, on a 64 KiB tmpfs: the Experiment tab says where and how many runs are safe, and Resume goes on', async (context) => {
    const mountPoint = join(root, 'app-tmpfs');
    await mkdir(mountPoint);
    const why = tryMount(mountPoint);
    if (why) {
      context.skip(`a real full disk needs a tmpfs of 64 KiB: ${why}`);
      return;
    }
    try {
      const model = xor(10);
      const store = createExperimentResultsStore({ documentPath: () => join(mountPoint, 'xor.bplab'), dataFolder: join(root, 'data') });
      const { storage } = electronExperiments(storeAsApi(store), new EventTarget() as unknown as Window);
      // The runs computed in this process: this is about the storage path, which main's channels take.
      const startWorker = (m: ModelDocument) => () => {
        const plan = planExperiment(m);
        return { run: async (index: number) => runExperimentRun(m, plan, index), terminate() {} };
      };
      const runner = new ExperimentRunner({ jobs: 1, storage, startWorker });
      await runner.start(model);
      const dir = join(mountPoint, 'xor.results');
      expect(runner.view.phase).toBe('paused');
      const match = /the disk is full \(ENOSPC\)\. (\d+) finished runs? (?:is|are) safe in (\S+); free some space and press Resume in the Experiment tab/.exec(runner.view.error ?? '');
      expect(match, runner.view.error ?? '(no error)').not.toBeNull();
      expect(match![2]).toBe(dir);
      const { finished } = await listRunFiles(dir);
      expect(finished.size).toBe(Number(match![1]));
      for (const index of finished) await expect(readRun(dir, index)).resolves.toMatchObject({ index });

      execFileSync('mount', ['-o', 'remount,size=4m', mountPoint]);
      await runner.start(model);
      expect(runner.view).toMatchObject({ phase: 'done', error: null });
      const fresh = join(root, 'fresh-app.results');
      await runExperiment({ model, dir: fresh, jobs: 2, merge: true });
      expect(await tables(dir)).toEqual(await tables(fresh));
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});

/** Mounts a 64 KiB tmpfs; null when it worked, else why not. */
function tryMount(mountPoint: string): string | null {
  if (process.getuid?.() !== 0) return 'not running as root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mount failed (${((error as { stderr?: Buffer }).stderr?.toString() || (error as Error).message).trim()})`;
  }
}
