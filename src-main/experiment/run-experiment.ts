/**
 * Runs an experiment's runs into a results folder on worker threads: the runs the folder does not yet hold
 * as finished (so an interrupted experiment resumes, redoing none), each written the moment it finishes.
 */
import { runPool, type PoolOutcome, type RunWorker } from '../../src-shared/experiment/pool';
import { planExperiment } from '../../src-shared/experiment/plan';
import type { FailedRun } from '../../src-shared/experiment/run-record';
import type { RunResult } from '../../src-shared/experiment/run-one';
import type { ModelDocument } from '../../src-shared/model/schema';
import { mergeResults, type MergeReport } from './merge-results';
import { listRunFiles, openResultsFolder, removeStaleRunTemporaries, writeFailedRun, writeOrStop, writeRun, type ResultsWriter } from './results-folder';
import { threadWorkerStarter } from './thread-host';

export interface RunExperimentOptions {
  model: ModelDocument;
  dir: string;
  jobs: number;
  /** Only runs first…last (inclusive); absent: every run. */
  range?: { first: number; last: number };
  /** Write the tidy tables and manifest at the end (not for a share of the runs: a collect step merges). */
  merge: boolean;
  signal?: AbortSignal;
  /** After each run written: how many of this call's runs are done, of how many. */
  onProgress?(done: number, of: number, result: RunResult | null): void;
  startWorker?: () => RunWorker;
  /** How runs are written (the tests' writer fails as a full disk does). */
  writer?: ResultsWriter;
  /** What the message of a failed write tells the user to do to go on. */
  again?: string;
}

export interface RunExperimentOutcome extends PoolOutcome {
  total: number;
  /** Runs of the range the folder already held as finished. */
  alreadyDone: number;
  toRun: number;
  report: MergeReport | null;
}

export async function runExperiment(options: RunExperimentOptions): Promise<RunExperimentOutcome> {
  const { model, dir } = options;
  const plan = planExperiment(model);
  const first = options.range?.first ?? 0;
  const last = Math.min(options.range?.last ?? plan.total - 1, plan.total - 1);
  // Made first: from the sources, the workers' code is bundled while the folder is made ready.
  const startWorker = options.startWorker ?? threadWorkerStarter(model);
  await openResultsFolder(dir, model);
  const { finished } = await listRunFiles(dir);
  const indices: number[] = [];
  for (let index = first; index <= last; index++) if (!finished.has(index)) indices.push(index);
  let done = 0;
  // Temporaries of these runs' files left by a killed experiment go now, with one listing of runs/, and not
  // as each run is written.
  await removeStaleRunTemporaries(dir, indices);
  const writer = options.writer ?? {
    writeRun: (folder: string, result: RunResult) => writeRun(folder, result, { sweep: false }),
    writeFailedRun: (folder: string, failed: FailedRun) => writeFailedRun(folder, failed, { sweep: false }),
  };
  const again = options.again ?? 'run the same command again';
  const outcome = await runPool({
    indices,
    jobs: options.jobs,
    startWorker,
    signal: options.signal,
    async onFinished(result) {
      await writeOrStop(dir, result.index, () => writer.writeRun(dir, result), again);
      options.onProgress?.(++done, indices.length, result);
    },
    async onFailed(index, message) {
      await writeOrStop(dir, index, () => writer.writeFailedRun(dir, { index, message }), again);
      options.onProgress?.(++done, indices.length, null);
    },
  });
  const report = options.merge && !outcome.stopped ? await mergeResults(dir) : null;
  return { ...outcome, total: plan.total, alreadyDone: last - first + 1 - indices.length, toRun: indices.length, report };
}
