/**
 * The desktop app's experiment path under plain Node: the worker entry forked with an IPC channel (as
 * Electron forks it as a utility process) computes exactly run-one's runs; the page's port adapter drives it
 * as the pool's worker; and the app's storage path (the runner → main's results store → results-folder.ts)
 * writes a folder byte-identical to `cli experiment run`'s, resumes from it after the page went away, and
 * stops on a full disk naming the folder and the runs that are safe.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentExamples } from '../../../src-shared/data/experiment-examples';
import { runPool } from '../../../src-shared/experiment/pool';
import { planExperiment } from '../../../src-shared/experiment/plan';
import { runExperimentRun } from '../../../src-shared/experiment/run-one';
import type { RunReply } from '../../../src-shared/experiment/worker-conversation';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { serializeModel } from '../../../src-shared/model/serialize';
import { runExperiment } from '../../../src-main/experiment/run-experiment';
import { writeFailedRun, writeRun } from '../../../src-main/experiment/results-folder';
import { createExperimentResultsStore } from '../../../src-main/main/experiment-results';
import { portWorkerStarter } from '../../../src-renderer/hosts/experiments/port-experiment-pool';
import { electronExperiments } from '../../../src-renderer/hosts/experiments/electron-experiments';
import { ExperimentRunner } from '../../../src-renderer/experiment/experiment-runner';
import { forkedWorkerPorts, forkWorkerEntry, storeAsApi } from '../../support/experiment-processes';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bplab-app-experiment-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** XOR with 2, 4 and 8 hidden units made small: 3 conditions × 3 seeds of 120 epochs, outputs and weights kept. */
function smallXor(): ModelDocument {
  const model = experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();
  return { ...model, name: 'XOR hidden units', experiment: { ...model.experiment!, replications: 3, epochs: 120, record: { finalOutputs: true, finalWeights: true } } };
}

/** Every file of a results folder; the manifest without its times, which say when, not what. */
async function folderFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(join(dir, 'runs'))).sort()) files[`runs/${name}`] = await readFile(join(dir, 'runs', name), 'utf8');
  for (const name of ['experiment.json', 'curves.csv', 'runs.csv']) files[name] = await readFile(join(dir, name), 'utf8');
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.started;
  delete manifest.ended;
  files['manifest.json'] = JSON.stringify(manifest);
  return files;
}

function appRunner(model: ModelDocument, store: ReturnType<typeof createExperimentResultsStore>, jobs = 2, ports = forkedWorkerPorts()) {
  const page = new EventTarget() as unknown as Window;
  const { storage } = electronExperiments(storeAsApi(store), page);
  return { runner: new ExperimentRunner({ jobs, storage, startWorker: (m) => portWorkerStarter(m, ports) }), ports };
}

function enospc(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

describe('the experiment worker entry under Node', () => {
  it('plans the experiment it is sent and answers each run with exactly run-one’s result', async () => {
    const model = smallXor();
    const child = forkWorkerEntry();
    const replies: RunReply[] = [];
    child.on('message', (reply) => replies.push(reply as RunReply));
    try {
      child.send({ model });
      await expect.poll(() => replies, { timeout: 20_000 }).toEqual([{ ready: true }]);
      child.send({ index: 4 });
      child.send({ index: 99 });
      await expect.poll(() => replies.length, { timeout: 20_000 }).toBe(3);
      expect(replies[1]).toEqual({ index: 4, result: runExperimentRun(model, planExperiment(model), 4) });
      // A run the plan does not have is that run's error, not a dead worker.
      expect(replies[2]).toEqual({ index: 99, error: expect.stringMatching(/99/) });
    } finally {
      child.kill();
    }
  });

  it('is driven by the page’s port adapter as the pool’s worker, and a process that dies fails only its run', async () => {
    const model = smallXor();
    const ports = forkedWorkerPorts();
    const results: number[] = [];
    const failed: { index: number; message: string }[] = [];
    let killed = false;
    const outcome = await runPool({
      indices: [0, 1, 2, 3],
      jobs: 1,
      startWorker: portWorkerStarter(model, ports),
      onFinished(result) {
        results.push(result.index);
        expect(result).toEqual(runExperimentRun(model, planExperiment(model), result.index));
        // The process dies before run 2: that run fails, a fresh process computes run 3.
        if (!killed && result.index === 1) {
          killed = true;
          ports.started[0].kill('SIGKILL');
        }
      },
      onFailed: (index, message) => void failed.push({ index, message }),
    });
    expect(outcome).toMatchObject({ finished: 3, failed: 1 });
    expect(results).toEqual([0, 1, 3]);
    expect(failed).toEqual([{ index: 2, message: 'the worker process stopped (signal SIGKILL)' }]);
    expect(ports.started).toHaveLength(2);
    // Every process the pool started was stopped by it when done.
    expect(ports.stopped).toEqual([1, 2]);
  });
});

describe('the desktop app’s results on disk', () => {
  it('are byte-identical to `cli experiment run`’s, in NAME.results beside the model', async () => {
    const model = smallXor();
    const cliDir = join(root, 'cli', 'xor.results');
    await runExperiment({ model, dir: cliDir, jobs: 2, merge: true });

    const modelPath = join(root, 'app', 'xor.bplab');
    const store = createExperimentResultsStore({ documentPath: () => modelPath, dataFolder: join(root, 'data') });
    const { runner } = appRunner(model, store);
    await runner.start(model);
    expect(runner.view).toMatchObject({ phase: 'done', error: null, where: join(root, 'app', 'xor.results') });
    expect(await folderFiles(join(root, 'app', 'xor.results'))).toEqual(await folderFiles(cliDir));
  });

  it('resume after the window closed: a new page reads the folder and computes only the runs missing', async () => {
    const model = smallXor();
    const modelPath = join(root, 'resume', 'xor.bplab');
    const dir = join(root, 'resume', 'xor.results');
    const store = createExperimentResultsStore({ documentPath: () => modelPath, dataFolder: join(root, 'data') });
    const first = appRunner(model, store);
    await first.runner.show(model);
    let written = 0;
    // The first page closes after 4 runs are on disk.
    const origPut = first.runner['options'].storage.put;
    first.runner['options'].storage.put = async (key, run) => {
      await origPut(key, run);
      if (++written === 4) void first.runner.pause();
    };
    await first.runner.start(model);
    const keptFiles = await readdir(join(dir, 'runs'));
    const kept = keptFiles.length;
    expect(kept).toBeGreaterThanOrEqual(4);
    expect(kept).toBeLessThan(9);

    store.forget(1);
    const second = appRunner(model, createExperimentResultsStore({ documentPath: () => modelPath, dataFolder: join(root, 'data') }));
    await second.runner.show(model);
    expect(second.runner.view.runs).toHaveLength(kept);
    expect(second.runner.view.phase).toBe('paused');
    await second.runner.start(model);
    expect(second.runner.view.phase).toBe('done');
    // Only the runs missing were handed out: none finished before is redone.
    const keptIndices = keptFiles.map((name) => Number(/\d{5}/.exec(name)![0]));
    expect([...second.ports.asked].sort((a, b) => a - b)).toEqual([...Array(9).keys()].filter((i) => !keptIndices.includes(i)));
    const cliDir = join(root, 'cli-resume', 'xor.results');
    await runExperiment({ model, dir: cliDir, jobs: 1, merge: true });
    expect(await folderFiles(dir)).toEqual(await folderFiles(cliDir));
  });

  it('keep an unsaved model’s results in the app’s data folder, and another experiment’s beside the first', async () => {
    const model = smallXor();
    const data = join(root, 'data-folder');
    const unsaved = createExperimentResultsStore({ documentPath: () => null, dataFolder: data });
    const { runner } = appRunner(model, unsaved);
    await runner.show(model);
    expect(runner.view.where).toMatch(new RegExp(`^${data}/XOR-hidden-units-[0-9a-f]{16}-\\d+\\.results \\(the app’s data folder`));
    // Viewing writes nothing; the first run does.
    await expect(readdir(data)).rejects.toThrow();

    const modelPath = join(root, 'two', 'xor.bplab');
    const other = { ...model, experiment: { ...model.experiment!, epochs: 60 } };
    const store = createExperimentResultsStore({ documentPath: () => modelPath, dataFolder: data });
    await appRunner(model, store).runner.start(model);
    const second = appRunner(other, store).runner;
    await second.show(other);
    expect(second.view.where).toMatch(/two\/xor-[0-9a-f]{16}-\d+\.results$/);
    expect(second.view.runs).toEqual([]);
  });

  it('stop on a full disk, naming the folder and how many runs are safe; Resume goes on and loses none', async () => {
    const model = smallXor();
    const modelPath = join(root, 'full', 'xor.bplab');
    const dir = join(root, 'full', 'xor.results');
    let writes = 0;
    const full = createExperimentResultsStore({
      documentPath: () => modelPath,
      dataFolder: join(root, 'data'),
      writer: {
        async writeRun(d, result) {
          if (++writes > 3) throw enospc();
          await writeRun(d, result);
        },
        writeFailedRun,
      },
    });
    const { runner } = appRunner(model, full, 1);
    await runner.start(model);
    expect(runner.view.phase).toBe('paused');
    expect(runner.view.error).toBe(
      `stopped: run 3 could not be written into ${join(dir, 'runs')}: the disk is full (ENOSPC). 3 finished runs are safe in ${dir}; free some space and press Resume in the Experiment tab to go on where it stopped.`,
    );
    expect((await readdir(join(dir, 'runs'))).filter((name) => name.endsWith('.json'))).toHaveLength(3);
    // Space freed: the same window resumes.
    writes = -100;
    await runner.start(model);
    expect(runner.view).toMatchObject({ phase: 'done', error: null });
    const cliDir = join(root, 'cli-full', 'xor.results');
    await runExperiment({ model, dir: cliDir, jobs: 2, merge: true });
    expect(await folderFiles(dir)).toEqual(await folderFiles(cliDir));
  });

  it('cancel removes what the experiment wrote and nothing else', async () => {
    const model = smallXor();
    const modelPath = join(root, 'cancel', 'xor.bplab');
    const store = createExperimentResultsStore({ documentPath: () => modelPath, dataFolder: join(root, 'data') });
    const { runner } = appRunner(model, store);
    await runner.start(model);
    const dir = join(root, 'cancel', 'xor.results');
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await runner.cancel();
    expect(await readdir(dir)).toEqual(['notes.txt']);
    expect(serializeModel(model)).toContain('XOR hidden units');
  });
});
