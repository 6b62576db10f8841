/**
 * `experiment run MODEL [--jobs N] [--out DIR] [--runs A-B]`: the model's experiment on N worker threads
 * into DIR (default NAME.results beside the model). Runs the folder already holds are not redone; Ctrl-C
 * stops, keeping every finished run; the same command resumes.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { planExperiment } from '../../../src-shared/experiment/plan';
import { MAX_EXPERIMENT_RUNS } from '../../../src-shared/model/schema';
import { ResultsFolderError, resultsFolderBeside } from '../../experiment/results-folder';
import { runExperiment } from '../../experiment/run-experiment';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { readModelFile } from '../model-file';
import { onlyFile, parseOptions, wholeNumber } from '../options';
import { createRunsProgress } from '../runs-progress';

const usage = 'experiment run MODEL [--jobs N] [--out DIR] [--runs A-B]';

export function defaultResultsFolder(modelPath: string): string {
  return resultsFolderBeside(modelPath);
}

export async function experimentRunCommand(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const { values, positionals } = parseOptions(args, { jobs: { type: 'string' }, out: { type: 'string' }, runs: { type: 'string' } }, usage);
  const file = onlyFile(positionals, usage);
  const jobs = wholeNumber(values.jobs, 'jobs', 1, 1024) ?? availableParallelism();
  const model = await readModelFile(file);
  if (!model.experiment) throw new CliError(`${file} has no experiment section: add one (docs/experiments.md) or use train for a single run`);
  const plan = planExperiment(model);
  const range = values.runs === undefined ? undefined : parseRange(values.runs, plan.total);
  const dir = values.out ?? defaultResultsFolder(file);

  const stop = new AbortController();
  const onInterrupt = () => stop.abort();
  signal?.addEventListener('abort', onInterrupt);
  process.once('SIGINT', onInterrupt);
  const share = range ? ` (runs ${range.first}–${range.last})` : '';
  io.err(`${model.name}: ${plan.total} runs (${plan.conditions.length} conditions × ${plan.spec.replications})${share} on ${jobs} worker${jobs === 1 ? '' : 's'} into ${dir}\n`);
  let progress: ReturnType<typeof createRunsProgress> | null = null;
  let outcome;
  try {
    outcome = await runExperiment({
      model, dir, jobs, range, merge: range === undefined, signal: stop.signal,
      onProgress(done, of) {
        progress ??= createRunsProgress(io.progressStream, of);
        progress.update(done);
      },
    });
  } catch (error) {
    if (error instanceof ResultsFolderError) throw new CliError(error.message);
    throw new CliError(`stopped: ${(error as Error).message}; every run finished before this is kept in ${dir}/runs — run the same command again to go on`);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    signal?.removeEventListener('abort', onInterrupt);
    (progress as ReturnType<typeof createRunsProgress> | null)?.done();
  }
  if (outcome.alreadyDone > 0) io.err(`${outcome.alreadyDone} runs were already finished in ${dir} and were not redone\n`);
  if (outcome.stopped) {
    io.err(`stopped: ${outcome.finished + outcome.failed} of ${outcome.toRun} runs done and kept; run the same command again to go on\n`);
    return 130;
  }
  const report = outcome.report;
  if (report) {
    io.out(`${report.finished.length} of ${report.total} runs finished${report.failed.length ? `, ${report.failed.length} failed` : ''}; tables in ${join(dir, 'curves.csv')} and ${join(dir, 'runs.csv')}\n`);
    for (const failed of report.failed.slice(0, 10)) io.err(`run ${failed.index} failed: ${failed.message}\n`);
    return report.failed.length > 0 ? 1 : 0;
  }
  io.out(`${outcome.finished} runs finished${outcome.failed ? `, ${outcome.failed} failed` : ''} (not merged: a share of the runs; \`experiment collect\` or \`experiment status\` next)\n`);
  return outcome.failed > 0 ? 1 : 0;
}

/** `A-B` (inclusive) or a single `A`, within the plan's runs. */
export function parseRange(text: string, total: number): { first: number; last: number } {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  const first = match ? Number(match[1]) : Number.NaN;
  const last = match ? Number(match[2] ?? match[1]) : Number.NaN;
  if (!match || first > last || last >= total || last >= MAX_EXPERIMENT_RUNS) {
    throw new CliError(`--runs must be A-B with 0 ≤ A ≤ B ≤ ${total - 1} (the experiment has ${total} runs), not "${text}"`);
  }
  return { first, last };
}
