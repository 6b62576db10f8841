/**
 * The Experiment tab's state: the results folder the page exports is the command line's, byte for byte
 * (but the manifest's times); the runner stores each run, resumes redoing none, and Cancel discards; levels
 * typed as text are read with the schema's bounds; the Web Worker glue with a fake worker.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meanInterval } from '../../../src-shared/analysis/many-runs';
import { experimentExamples } from '../../../src-shared/data/experiment-examples';
import { WorkerStartError, type RunWorker } from '../../../src-shared/experiment/pool';
import { planExperiment } from '../../../src-shared/experiment/plan';
import { runExperimentRun, type RunResult } from '../../../src-shared/experiment/run-one';
import type { FailedRun } from '../../../src-shared/experiment/run-record';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { runExperiment } from '../../../src-main/experiment/run-experiment';
import { readLevels, newFactor, levelsText, readLesionEpoch } from '../../../src-renderer/experiment/experiment-edits';
import { alignOnEpochs, conditionCurves, criterionCurves } from '../../../src-renderer/experiment/experiment-curves';
import { resultsFiles, type StoredRun } from '../../../src-renderer/experiment/experiment-results';
import { ExperimentRunner, type ExperimentStorage } from '../../../src-renderer/experiment/experiment-runner';
import { defaultExperimentJobs, webWorkerStarter, type WorkerLike } from '../../../src-renderer/hosts/experiments/web-experiment-pool';
import type { ExperimentReply, ExperimentRequest } from '../../../src-renderer/hosts/experiments/experiment-messages';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bplab-experiment-tab-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The XOR experiment made small: 3 conditions × 3 replications of 120 epochs. */
function smallXor(): ModelDocument {
  const model = experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();
  return { ...model, experiment: { ...model.experiment!, replications: 3, epochs: 120 } };
}

/** A worker that computes in this process, as the Web Worker does in its own. */
function inProcess(model: ModelDocument, onRun?: (index: number) => void): () => RunWorker {
  const plan = planExperiment(model);
  return () => ({
    run: async (index) => {
      onRun?.(index);
      await Promise.resolve();
      return runExperimentRun(model, plan, index);
    },
    terminate() {},
  });
}

function memoryStorage(): ExperimentStorage & { entries: Map<string, Map<number, StoredRun | FailedRun>> } {
  const entries = new Map<string, Map<number, StoredRun | FailedRun>>();
  const of = (key: string) => entries.get(key) ?? entries.set(key, new Map()).get(key)!;
  return {
    entries,
    key: (text) => text,
    load: async (key) => {
      const all = [...of(key).values()];
      return { runs: all.filter((e): e is StoredRun => 'result' in e), failed: all.filter((e): e is FailedRun => 'message' in e) };
    },
    put: async (key, run) => void of(key).set(run.result.index, run),
    putFailed: async (key, failed) => void of(key).set(failed.index, failed),
    clear: async (key) => void entries.delete(key),
  };
}

describe('the results folder the page exports', () => {
  it('holds the command line’s files byte for byte, the manifest but for its times', async () => {
    const model = smallXor();
    const dir = join(root, 'cli');
    await runExperiment({ model, dir, jobs: 2, merge: true, startWorker: inProcess(model) });
    const plan = planExperiment(model);
    // In another order than the command line finished them: the files do not depend on it.
    const runs = Array.from({ length: plan.total }, (_, i) => ({ result: runExperimentRun(model, plan, plan.total - 1 - i), time: Date.UTC(2026, 0, 1) + i }));
    const files = resultsFiles(model, runs, []);
    const names = ['experiment.json', 'curves.csv', 'runs.csv', ...(await readdir(join(dir, 'runs'))).map((n) => `runs/${n}`)];
    expect([...files.keys()].sort()).toEqual([...names, 'manifest.json'].sort());
    for (const name of names) expect(files.get(name), name).toBe(await readFile(join(dir, name), 'utf8'));
    const withoutTimes = (text: string) => ({ ...JSON.parse(text), started: null, ended: null });
    expect(withoutTimes(files.get('manifest.json')!)).toEqual(withoutTimes(await readFile(join(dir, 'manifest.json'), 'utf8')));
    expect(JSON.parse(files.get('manifest.json')!).started).toBe('2026-01-01T00:00:00.000Z');
  });

  it('writes a failed run as the command line does, and counts the missing ones', () => {
    const model = smallXor();
    const plan = planExperiment(model);
    const files = resultsFiles(model, [{ result: runExperimentRun(model, plan, 0), time: 0 }], [{ index: 4, message: 'the worker crashed' }]);
    expect(files.get('runs/run-00004.failed.json')).toBe('{"index":4,"message":"the worker crashed"}\n');
    expect(files.get('runs.csv')!.trim().split('\n').at(-1)).toBe('4,1,4,2,NA,NA,NA,NA,NA,failed');
    const manifest = JSON.parse(files.get('manifest.json')!);
    expect(manifest.counts).toEqual({ finished: 1, 'stopped-at-criterion': 0, diverged: 0, failed: 1, missing: 7 });
    expect(manifest.ended).toBeNull();
  });
});

describe('the experiment runner in the page', () => {
  it('runs every run once, stores each, and after a pause resumes redoing none', async () => {
    const model = smallXor();
    const storage = memoryStorage();
    const asked: number[] = [];
    const runner: ExperimentRunner = new ExperimentRunner({
      storage,
      jobs: 2,
      startWorker: (m) => inProcess(m, (index) => {
        asked.push(index);
        if (asked.length === 4) void runner.pause();
      }),
    });
    await runner.show(model);
    expect(runner.view.phase).toBe('idle');
    expect(runner.view.total).toBe(9);
    await runner.start(model);
    expect(runner.view.phase).toBe('paused');
    const afterPause = runner.done;
    expect(afterPause).toBeGreaterThan(0);
    expect(afterPause).toBeLessThan(9);
    // A reload: a new runner over the same storage sees what was stored and resumes from there.
    const again = new ExperimentRunner({ storage, jobs: 2, startWorker: (m) => inProcess(m, (index) => asked.push(index)) });
    await again.show(model);
    expect(again.done).toBe(afterPause);
    expect(again.view.phase).toBe('paused');
    await again.start(model);
    expect(again.view.phase).toBe('done');
    expect(again.done).toBe(9);
    expect(again.view.timeLeft).toBe(0);
    const stored = [...storage.entries.values()][0];
    expect([...stored.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // Only the runs under way at the pause were asked for twice: none that had been stored.
    const finishedBeforePause = new Set(runner.view.runs.map((r) => r.result.index));
    const askedAfter = asked.slice(4);
    for (const index of askedAfter) expect(finishedBeforePause.has(index)).toBe(false);
    await again.cancel();
    expect(again.done).toBe(0);
    expect(again.view.phase).toBe('idle');
    expect(storage.entries.size).toBe(0);
  });

  it('records a run whose worker failed as failed and goes on; another experiment’s runs are kept apart', async () => {
    const model = smallXor();
    const storage = memoryStorage();
    const plan = planExperiment(model);
    const runner = new ExperimentRunner({
      storage,
      jobs: 1,
      startWorker: () => () => ({
        run: async (index) => {
          if (index === 2) throw new Error('the worker crashed: out of memory');
          return runExperimentRun(model, plan, index);
        },
        terminate() {},
      }),
    });
    await runner.start(model);
    expect(runner.view.phase).toBe('done');
    expect(runner.view.failed).toEqual([{ index: 2, message: 'the worker crashed: out of memory' }]);
    expect(runner.view.runs).toHaveLength(8);
    const other: ModelDocument = { ...model, experiment: { ...model.experiment!, replications: 2 } };
    await runner.show(other);
    expect(runner.done).toBe(0);
    expect(runner.view.total).toBe(6);
    await runner.show(model);
    expect(runner.done).toBe(9);
  });

  it('stops with the message when a worker cannot start at all', async () => {
    const model = smallXor();
    const runner = new ExperimentRunner({
      storage: memoryStorage(),
      jobs: 2,
      startWorker: () => () => ({ run: () => Promise.reject(new WorkerStartError('an experiment worker could not start: no script')), terminate() {} }),
    });
    await runner.start(model);
    expect(runner.view.error).toBe('an experiment worker could not start: no script');
    expect(runner.view.phase).toBe('idle');
  });
});

describe('levels typed as text', () => {
  const model = smallXor();
  it('reads numbers, names, initialisations and on/off with the schema’s bounds', () => {
    expect(readLevels(newFactor(model, 'learningRate'), '0.1, 0.5;2e-1')).toEqual({ ok: true, factor: { setting: 'learningRate', levels: [0.1, 0.5, 0.2] } });
    expect(readLevels(newFactor(model, 'rule'), 'Backprop, feedback-alignment')).toEqual({ ok: true, factor: { setting: 'rule', levels: ['backprop', 'feedback-alignment'] } });
    expect(readLevels(newFactor(model, 'init'), 'uniform(1), gaussian(0.1), he')).toEqual({ ok: true, factor: { setting: 'init', levels: [{ kind: 'uniform', range: 1 }, { kind: 'gaussian', sd: 0.1 }, { kind: 'he' }] } });
    expect(readLevels(newFactor(model, 'testSet'), 'on, off')).toEqual({ ok: true, factor: { setting: 'testSet', levels: [true, false] } });
    expect(readLevels(newFactor(model, 'units'), '2, 4, 8')).toEqual({ ok: true, factor: { setting: 'units', layer: 'hidden', levels: [2, 4, 8] } });
    expect(levelsText({ setting: 'init', levels: [{ kind: 'uniform', range: 1 }, { kind: 'he' }] })).toBe('uniform(1), he');
  });

  it('refuses a level naming which and why', () => {
    expect(readLevels(newFactor(model, 'learningRate'), '0.1, fast')).toEqual({ ok: false, message: 'level 2, “fast”, is not a number' });
    const momentum = readLevels(newFactor(model, 'momentum'), '0.5, 1.5');
    expect(momentum.ok).toBe(false);
    expect(!momentum.ok && momentum.message).toMatch(/^level 2, “1\.5”, /);
    const rule = readLevels(newFactor(model, 'rule'), 'backprop, hebb');
    expect(!rule.ok && rule.message).toMatch(/^level 2, “hebb”, /);
    expect(readLevels(newFactor(model, 'units'), '2, 0').ok).toBe(false);
    expect(readLevels(newFactor(model, 'units'), ' , ')).toEqual({ ok: false, message: 'type at least one level' });
  });

  it('a lesion factor: a hidden layer, halfway through the runs, fractions from 0 to 1', () => {
    const lesion = newFactor(model, 'lesion');
    expect(lesion).toEqual({ setting: 'lesion', layer: 'hidden', epoch: Math.floor(model.experiment!.epochs / 2), levels: [0, 0.25, 0.5] });
    expect(levelsText(lesion)).toBe('0, 0.25, 0.5');
    expect(readLevels(lesion, '0, 0.5, 1')).toEqual({ ok: true, factor: { ...lesion, levels: [0, 0.5, 1] } });
    const over = readLevels(lesion, '0.5, 2');
    expect(!over.ok && over.message).toMatch(/^level 2, “2”, must be at most 1/);
    expect(readLevels(lesion, 'half')).toEqual({ ok: false, message: 'level 1, “half”, is not a fraction from 0 to 1' });
    expect(readLesionEpoch(' 120 ')).toEqual({ ok: true, epoch: 120 });
    expect(readLesionEpoch('1.5')).toEqual({ ok: false, message: 'the lesion\'s epoch, “1.5”, must be a whole number of epochs, 0 or more' });
    expect(readLesionEpoch('-3').ok).toBe(false);
  });
});

describe('the charts’ data', () => {
  it('averages the runs observed at each epoch, leaves diverged runs out and counts them, and aligns the lines', () => {
    const model = smallXor();
    const plan = planExperiment(model);
    const runs: RunResult[] = Array.from({ length: plan.total }, (_, i) => runExperimentRun(model, plan, i));
    runs[3] = { ...runs[3], status: 'diverged' };
    const curves = conditionCurves(plan, runs, 'tss', false);
    expect(curves[0].diverged).toBe(1);
    expect(curves[0].runs.map((r) => r.index)).toEqual([0, 6]);
    const at = curves[1].epochs.indexOf(64);
    const values = [1, 4, 7].map((i) => runs[i].curve.tss[runs[i].curve.epoch.indexOf(64)]);
    const expected = meanInterval(values);
    expect(curves[1].n[at]).toBe(3);
    expect(curves[1].mean[at]).toBeCloseTo(expected.mean, 12);
    expect(curves[1].low[at]).toBeCloseTo(expected.low!, 12);
    const logCurves = conditionCurves(plan, runs, 'tss', true);
    expect(logCurves[1].mean[at]).toBeCloseTo(Math.exp(values.map(Math.log).reduce((a, b) => a + b) / 3), 12);
    const criterion = criterionCurves(plan, runs, [1, 120]);
    expect(criterion[2].fraction[0]).toBe(0);
    const { x, ys } = alignOnEpochs([{ epochs: [1, 3], values: [10, 30] }, { epochs: [2, 3], values: [20, null] }]);
    expect(x).toEqual([1, 2, 3]);
    expect(ys).toEqual([[10, null, 30], [null, 20, null]]);
  });
});

describe('the Web Worker glue', () => {
  class FakeWorker implements WorkerLike {
    sent: ExperimentRequest[] = [];
    listeners: { message: ((event: { data: ExperimentReply }) => void)[]; error: ((event: { message?: string }) => void)[] } = { message: [], error: [] };
    terminated = false;
    postMessage(message: ExperimentRequest): void {
      this.sent.push(message);
    }
    addEventListener(type: 'message' | 'error', listener: never): void {
      (this.listeners[type] as unknown[]).push(listener);
    }
    reply(data: ExperimentReply): void {
      for (const l of this.listeners.message) l({ data });
    }
    crash(message: string): void {
      for (const l of this.listeners.error) l({ message });
    }
    terminate(): void {
      this.terminated = true;
    }
  }

  it('sends the model once, then a run at a time, and resolves with its result', async () => {
    const model = smallXor();
    const fake = new FakeWorker();
    const worker = webWorkerStarter(model, () => fake)();
    expect(fake.sent).toEqual([{ model: JSON.parse(JSON.stringify(model)) }]);
    fake.reply({ ready: true });
    const pending = worker.run(5);
    expect(fake.sent[1]).toEqual({ index: 5 });
    const result = runExperimentRun(model, planExperiment(model), 5);
    fake.reply({ index: 5, result });
    await expect(pending).resolves.toBe(result);
    const failing = worker.run(6);
    fake.reply({ index: 6, error: 'levels out of range' });
    await expect(failing).rejects.toThrow('levels out of range');
    const crashing = worker.run(7);
    fake.crash('out of memory');
    await expect(crashing).rejects.toThrow('the worker crashed: out of memory');
    await worker.terminate();
    expect(fake.terminated).toBe(true);
    // Pause terminates a worker with a run under way: that run ends, it does not hang.
    const other = new FakeWorker();
    const paused = webWorkerStarter(model, () => other)();
    other.reply({ ready: true });
    const abandoned = paused.run(8);
    await paused.terminate();
    await expect(abandoned).rejects.toThrow('the worker was stopped');
  });

  it('says a worker could not start when it fails before it is ready', async () => {
    const fake = new FakeWorker();
    const worker = webWorkerStarter(smallXor(), () => fake)();
    const pending = worker.run(0);
    fake.crash('404 experiment-worker.js');
    await expect(pending).rejects.toBeInstanceOf(WorkerStartError);
    const thrown = webWorkerStarter(smallXor(), () => {
      throw new Error('module workers are not supported');
    })();
    await expect(thrown.run(0)).rejects.toThrow('an experiment worker could not start: module workers are not supported');
  });

  it('uses one fewer worker than the cores, at least one', () => {
    expect(defaultExperimentJobs(8)).toBe(7);
    expect(defaultExperimentJobs(1)).toBe(1);
    expect(defaultExperimentJobs(undefined)).toBe(1);
  });
});

describe('the time estimate', () => {
  it('scales a measured pace to every run’s epochs, shared among the workers', async () => {
    const { estimateExperiment, describeDuration } = await import('../../../src-renderer/experiment/experiment-estimate');
    const model = smallXor();
    // A clock that moves 1 ms per reading: the pace measured is epochs per reading, whatever the machine.
    let t = 0;
    const one = estimateExperiment(model, 1, 20, () => t++);
    t = 0;
    const three = estimateExperiment(model, 3, 20, () => t++);
    expect(one.epochsPerSecond).toBe(three.epochsPerSecond);
    // 9 runs: 9 rounds on one worker, 3 on three.
    expect(one.total / three.total).toBeCloseTo(3, 10);
    expect(one.total).toBeCloseTo((9 * 120 / one.epochsPerSecond) * 1000, 6);
    expect(describeDuration(400)).toBe('under a second');
    expect(describeDuration(40_000)).toBe('about 40 s');
    expect(describeDuration(3 * 60_000)).toBe('about 3 min');
    expect(describeDuration(2.5 * 3600_000)).toBe('about 2.5 h');
  });
});

describe('a click on the chart', () => {
  it('picks the run drawn nearest it, if any is within reach', async () => {
    const { nearestRun } = await import('../../../src-renderer/experiment/experiment-curves');
    const runs = [
      { index: 3, epochs: [0, 10, 20], values: [1, 0.5, 0.25] },
      { index: 7, epochs: [0, 10, 20], values: [1, 0.9, 0.8] },
    ];
    // 10 px per epoch; value v at 100 − 100 v px.
    const toPx = { x: (e: number) => e * 10, y: (v: number) => 100 - 100 * v };
    expect(nearestRun(runs, { left: 101, top: 52 }, toPx)).toBe(3);
    expect(nearestRun(runs, { left: 99, top: 12 }, toPx)).toBe(7);
    expect(nearestRun(runs, { left: 100, top: 30 }, toPx)).toBeNull();
    expect(nearestRun([], { left: 0, top: 0 }, toPx)).toBeNull();
  });
});
