/**
 * The runner on worker threads and the results folder: the same bytes with 1 or 2 workers, resuming without
 * redoing a run, refusing another experiment's folder, a crashed worker as a failed run, tables that
 * Python's csv module reads as they are, and the command line's verbs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentExamples } from '../../../src-shared/data/experiment-examples';
import { runPool, type RunWorker } from '../../../src-shared/experiment/pool';
import { planExperiment } from '../../../src-shared/experiment/plan';
import { runExperimentRun } from '../../../src-shared/experiment/run-one';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { serializeModel } from '../../../src-shared/model/serialize';
import { mergeResults } from '../../../src-main/experiment/merge-results';
import { runExperiment } from '../../../src-main/experiment/run-experiment';
import { threadWorkerStarter } from '../../../src-main/experiment/thread-host';
import { experimentRunCommand } from '../../../src-main/cli/commands/experiment-run';
import type { CliIo } from '../../../src-main/cli/io';
import { cli } from '../../support/cli-harness';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bplab-experiment-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The XOR experiment made small: 3 conditions × 4 replications of 150 epochs. */
function smallXor(): ModelDocument {
  const model = experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();
  return { ...model, experiment: { ...model.experiment!, replications: 4, epochs: 150, record: { finalOutputs: true, finalWeights: true } } };
}

async function folderBytes(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(join(dir, 'runs'))).sort()) files[`runs/${name}`] = await readFile(join(dir, 'runs', name), 'utf8');
  for (const name of ['experiment.json', 'curves.csv', 'runs.csv']) files[name] = await readFile(join(dir, name), 'utf8');
  return files;
}

describe('the experiment runner', () => {
  it('writes byte-identical run files and tables with 1 and with 2 worker threads', async () => {
    const model = smallXor();
    const one = join(root, 'one');
    const two = join(root, 'two');
    const first = await runExperiment({ model, dir: one, jobs: 1, merge: true });
    const second = await runExperiment({ model, dir: two, jobs: 2, merge: true });
    expect(first.report).toMatchObject({ total: 12, missing: [], failed: [] });
    expect(second.report?.finished).toHaveLength(12);
    const a = await folderBytes(one);
    const b = await folderBytes(two);
    expect(Object.keys(a)).toHaveLength(12 + 3);
    expect(b).toEqual(a);
    // Each run file is the run computed in this process, to the byte.
    const plan = planExperiment(model);
    expect(JSON.parse(a['runs/run-00007.json'])).toEqual(JSON.parse(JSON.stringify(runExperimentRun(model, plan, 7))));
    const manifest = JSON.parse(await readFile(join(one, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'backprop-lab-experiment-results', total: 12, counts: { finished: 12, failed: 0, missing: 0 }, engineFingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(manifest.runs[7]).toEqual({ index: 7, condition: 1, replication: 2, seed: 3, status: 'finished' });
  });

  it('resumes an interrupted experiment redoing no finished run, and refuses another experiment\'s folder', async () => {
    const model = smallXor();
    const dir = join(root, 'resume');
    const part = await runExperiment({ model, dir, jobs: 2, merge: false, range: { first: 0, last: 4 } });
    expect(part).toMatchObject({ finished: 5, toRun: 5, report: null });
    const before = await stat(join(dir, 'runs', 'run-00003.json'));
    const rest = await runExperiment({ model, dir, jobs: 2, merge: true });
    expect(rest).toMatchObject({ alreadyDone: 5, toRun: 7, finished: 7 });
    expect((await stat(join(dir, 'runs', 'run-00003.json'))).mtimeMs).toBe(before.mtimeMs);
    expect(await folderBytes(dir)).toEqual(await folderBytes(join(root, 'one')));

    const other = { ...model, training: { ...model.training, learningRate: 0.25 } };
    await expect(runExperiment({ model: other, dir, jobs: 1, merge: true })).rejects.toThrow(/holds the results of another experiment/);
    expect(await folderBytes(dir)).toEqual(await folderBytes(join(root, 'one')));
  });

  it('lets several shares of the runs start on one new folder at once (a cluster\'s array tasks), and refuses a folder of other files', async () => {
    const model = smallXor();
    const plan = planExperiment(model);
    const dir = join(root, 'shares');
    const inProcess = (): RunWorker => ({ run: async (index) => runExperimentRun(model, plan, index), terminate: () => undefined });
    const shares = [[0, 2], [3, 5], [6, 8], [9, 11]].map(([first, last]) => runExperiment({ model, dir, jobs: 1, merge: false, range: { first, last }, startWorker: inProcess }));
    expect((await Promise.all(shares)).map((share) => share.finished)).toEqual([3, 3, 3, 3]);
    await mergeResults(dir);
    expect(await folderBytes(dir)).toEqual(await folderBytes(join(root, 'one')));

    const elsewhere = join(root, 'elsewhere');
    await runExperiment({ model, dir: join(elsewhere, 'x'), jobs: 1, merge: false, range: { first: 0, last: 0 }, startWorker: inProcess });
    await writeFile(join(elsewhere, 'notes.txt'), 'mine');
    await expect(runExperiment({ model, dir: elsewhere, jobs: 1, merge: false, startWorker: inProcess })).rejects.toThrow(/already holds files \(notes.txt, x\) but no experiment.json/);
  });

  it('stops cleanly on an interrupt (Ctrl-C), keeping every finished run, and the same command goes on', async () => {
    const file = join(root, 'interrupted.bplab');
    await writeFile(file, serializeModel(smallXor()));
    const stop = new AbortController();
    let err = '';
    const io: CliIo = {
      out: () => undefined,
      err: (text) => void (err += text),
      // The first progress report (one run written) is where the user presses Ctrl-C.
      progressStream: { isTTY: false, write: () => void stop.abort() } as unknown as NodeJS.WriteStream,
    };
    expect(await experimentRunCommand([file, '--jobs', '1'], io, stop.signal)).toBe(130);
    expect(err).toMatch(/stopped: \d+ of 12 runs done and kept; run the same command again to go on/);
    const dir = join(root, 'interrupted.results');
    const kept = (await readdir(join(dir, 'runs'))).filter((name) => !name.startsWith('.'));
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.length).toBeLessThan(12);
    expect(await readdir(dir)).not.toContain('curves.csv');
    const rest = await cli('experiment', 'run', file, '--jobs', '2');
    expect(rest.code).toBe(0);
    expect(rest.err).toContain(`${kept.length} runs were already finished`);
    expect(await folderBytes(dir)).toEqual(await folderBytes(join(root, 'one')));
  });

  it('records a crashed worker as a failed run with its message, and the other runs go on', async () => {
    const model = smallXor();
    const plan = planExperiment(model);
    const dir = join(root, 'crash');
    let started = 0;
    const startWorker = (): RunWorker => {
      started++;
      return {
        run: async (index) => {
          if (index === 5) throw new Error('the worker crashed: out of memory');
          return runExperimentRun(model, plan, index);
        },
        terminate: () => undefined,
      };
    };
    const outcome = await runExperiment({ model, dir, jobs: 2, merge: true, startWorker });
    expect(outcome).toMatchObject({ finished: 11, failed: 1 });
    expect(started).toBe(3); // two lanes, and a fresh worker after the crash
    expect(outcome.report?.failed).toEqual([{ index: 5, message: 'the worker crashed: out of memory' }]);
    const runs = await readFile(join(dir, 'runs.csv'), 'utf8');
    expect(runs.split('\n')[6]).toBe('5,2,8,2,NA,NA,NA,NA,NA,failed');
    // A later run of the same command computes the failed run and keeps the others.
    const again = await runExperiment({ model, dir, jobs: 1, merge: true });
    expect(again).toMatchObject({ alreadyDone: 11, finished: 1, failed: 0 });
    expect(await readdir(join(dir, 'runs'))).not.toContain('run-00005.failed.json');
    expect(await folderBytes(dir)).toEqual(await folderBytes(join(root, 'one')));
  });

  it('records a worker thread that exits mid-run as a failed run; stops at once when workers cannot start', async () => {
    const model = { ...smallXor(), experiment: { ...smallXor().experiment!, replications: 2 } };
    const dir = join(root, 'thread-crash');
    const crashing = threadWorkerStarter(model, new URL('../../fixtures/experiment/crashing-worker.ts', import.meta.url));
    const outcome = await runExperiment({ model, dir, jobs: 2, merge: true, startWorker: crashing });
    expect(outcome).toMatchObject({ finished: 5, failed: 1 });
    expect(outcome.report?.failed).toEqual([{ index: 2, message: 'the worker stopped (exit code 7)' }]);

    const broken = threadWorkerStarter(model, new URL('../../fixtures/experiment/broken-worker.ts', import.meta.url));
    const nowhere = join(root, 'broken');
    await expect(runExperiment({ model, dir: nowhere, jobs: 2, merge: true, startWorker: broken })).rejects.toThrow(/a worker thread could not start: .*this worker script is broken/);
    expect(await readdir(join(nowhere, 'runs'))).toEqual([]);
  });

  it('stops when a run cannot be written (a full disk), keeping every run written before', async () => {
    const model = smallXor();
    const plan = planExperiment(model);
    let written = 0;
    const stopped: number[] = [];
    const pool = runPool({
      indices: Array.from({ length: 12 }, (_, i) => i),
      jobs: 2,
      startWorker: () => ({ run: async (index) => runExperimentRun(model, plan, index), terminate: () => void stopped.push(1) }),
      onFinished: () => {
        if (++written === 4) throw new Error('ENOSPC: no space left on device');
      },
      onFailed: () => undefined,
    });
    await expect(pool).rejects.toThrow(/ENOSPC/);
    expect(written).toBeLessThan(7);
    expect(stopped.length).toBeGreaterThanOrEqual(2);
  });

  it('writes tables that a plain CSV reader parses: a column per factor, observed values only', async () => {
    const dir = join(root, 'one');
    const script = `
import csv, json, sys
with open(sys.argv[1], newline='') as f: curves = list(csv.DictReader(f))
with open(sys.argv[2], newline='') as f: runs = list(csv.DictReader(f))
print(json.dumps({"curveColumns": list(curves[0].keys()), "curveRows": len(curves), "measures": sorted(set(r["measure"] for r in curves)),
  "values": all(float(r["value"]) == float(r["value"]) for r in curves), "runColumns": list(runs[0].keys()), "runRows": len(runs),
  "units": sorted(set(r["units_hidden"] for r in runs)), "criterion": [r["epochs_to_criterion"] for r in runs][:3]}))
`;
    const result = JSON.parse(execFileSync('python3', ['-c', script, join(dir, 'curves.csv'), join(dir, 'runs.csv')], { encoding: 'utf8' }));
    expect(result.curveColumns).toEqual(['run', 'condition', 'units_hidden', 'seed', 'epoch', 'measure', 'value', 'status']);
    expect(result.curveRows).toBe(12 * 150 * 2);
    expect(result.measures).toEqual(['correct', 'tss']);
    expect(result.values).toBe(true);
    expect(result.runColumns).toEqual(['run', 'condition', 'units_hidden', 'seed', 'epochs', 'epochs_to_criterion', 'final_tss', 'fraction_correct', 'final_test_tss', 'status']);
    expect(result.runRows).toBe(12);
    expect(result.units).toEqual(['2', '4', '8']);
    for (const cell of result.criterion) expect(cell).toMatch(/^(\d+|NA)$/);
  });

  it('runs, reports and summarizes from the command line, and merges again from the folder alone', async () => {
    const file = join(root, 'xor-hidden.bplab');
    await writeFile(file, serializeModel(smallXor()));
    const share = await cli('experiment', 'run', file, '--jobs', '2', '--runs', '0-5');
    expect(share.code).toBe(0);
    expect(share.out).toMatch(/6 runs finished .*not merged/);
    const dir = join(root, 'xor-hidden.results');
    const status = await cli('experiment', 'status', dir);
    expect(status.out).toContain('6 of 12 runs finished');
    expect(status.out).toContain('not run yet: 6 (6-11)');
    const rest = await cli('experiment', 'run', file, '--jobs', '1');
    expect(rest.code).toBe(0);
    expect(rest.err).toContain('6 runs were already finished');
    expect(await folderBytes(dir)).toEqual(await folderBytes(join(root, 'one')));
    const summary = await cli('experiment', 'summary', dir, '--json');
    const rows = JSON.parse(summary.out);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({ condition: 1, label: 'units_hidden=4', levels: { units_hidden: '4' }, n: 4, diverged: 0, failed: 0 });
    const report = await mergeResults(dir);
    expect(report).toEqual({ total: 12, finished: Array.from({ length: 12 }, (_, i) => i), missing: [], failed: [] });
    expect((await cli('experiment', 'summary', dir)).out).toMatch(/units_hidden=2\s+4\s/);

    // Run 7 re-created alone and trained by `train`: the run's weights, to the bit.
    const single = join(root, 'run-7.bplab');
    expect((await cli('experiment', 'model', dir, '--run', '7', '--out', single)).code).toBe(0);
    const trained = join(root, 'run-7-trained.bplab');
    expect((await cli('train', single, '--out', trained)).out).toMatch(/^epoch 150 /);
    const runFile = JSON.parse(await readFile(join(dir, 'runs', 'run-00007.json'), 'utf8'));
    const state = JSON.parse(await readFile(trained, 'utf8')).state;
    expect(state.weights).toEqual(runFile.weights.weights);
    expect(state.biases).toEqual(runFile.weights.biases);
    expect(state.tssHistory).toEqual(runFile.curve.tss);
    expect((await cli('validate', file)).out).toMatch(/an experiment of 12 runs/);

    const bad = await cli('experiment', 'run', file, '--runs', '3-40');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--runs must be A-B with 0 ≤ A ≤ B ≤ 11');
    const notFolder = await cli('experiment', 'status', root);
    expect(notFolder.err).toMatch(/is not a results folder: cannot read experiment.json/);
  });
});
