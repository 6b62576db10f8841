/**
 * An experiment's results as NumPy arrays, one .npz for numpy.load: each measure's curves as a run × recorded-
 * epoch matrix (NaN where a run was not observed at that epoch: it stopped earlier, failed or has not run),
 * the epochs as a vector, and per run (row i is run i, the plan's order) its condition, replication, seed,
 * status code, each factor's level (a column named as in runs.csv) and the values runs.csv holds.
 */
import { npyBytes } from '../data/export/numpy/npy';
import { npyBoolBytes, npyInt64Bytes, npyUnicodeBytes } from '../data/export/numpy/npy-columns';
import { npzBytes } from '../data/export/numpy/npz';
import { describeLevel, factorColumn } from '../model/experiment';
import { plannedRun, type ExperimentPlan } from './plan';
import type { RunResult, RunStatus } from './run-one';

/** Status codes in the `status` array: the index into this list (also written as `status_legend`). */
export const RESULT_STATUS_LEGEND = ['finished', 'stopped-at-criterion', 'diverged', 'failed', 'missing'] as const satisfies readonly (RunStatus | 'failed' | 'missing')[];
export type ResultStatus = (typeof RESULT_STATUS_LEGEND)[number];

/** What the folder holds for one run: its result (curves needed, outputs and weights not), or that it failed or is missing. */
export type RunOutcome = RunResult | 'failed' | 'missing';

export function resultsNpzEntries(plan: ExperimentPlan, outcomes: readonly RunOutcome[]): Map<string, Uint8Array> {
  if (outcomes.length !== plan.total) throw new Error(`the experiment has ${plan.total} runs, but ${outcomes.length} outcomes were given`);
  const finished = outcomes.filter((o): o is RunResult => typeof o === 'object');
  const epochs = [...new Set(finished.flatMap((run) => run.curve.epoch))].sort((a, b) => a - b);
  const column = new Map(epochs.map((epoch, e) => [epoch, e]));
  const hasTest = finished.some((run) => run.curve.testTss !== undefined);
  const matrix = () => new Float64Array(plan.total * epochs.length).fill(NaN);
  const tss = matrix();
  const correct = matrix();
  const testTss = hasTest ? matrix() : null;
  for (const run of finished) {
    const row = run.index * epochs.length;
    run.curve.epoch.forEach((epoch, i) => {
      const at = row + column.get(epoch)!;
      tss[at] = run.curve.tss[i];
      correct[at] = run.curve.correct[i];
      if (testTss && run.curve.testTss) testTss[at] = run.curve.testTss[i];
    });
  }
  const entries = new Map<string, Uint8Array>();
  const add = (name: string, bytes: Uint8Array) => {
    if (entries.has(`${name}.npy`)) throw new Error(`two arrays are named ${name}`);
    entries.set(`${name}.npy`, bytes);
  };
  const perRun = <T>(value: (outcome: RunOutcome, index: number) => T) => outcomes.map(value);
  const float = (values: number[]) => npyBytes({ shape: [values.length], data: Float64Array.from(values) });
  const shape = [plan.total, epochs.length];
  add('curve_epoch', npyInt64Bytes(epochs));
  add('curve_tss', npyBytes({ shape, data: tss }));
  add('curve_correct', npyBytes({ shape, data: correct }));
  if (testTss) add('curve_test_tss', npyBytes({ shape, data: testTss }));
  const planned = perRun((_, index) => plannedRun(plan, index));
  add('run', npyInt64Bytes(planned.map((p) => p.index)));
  add('condition', npyInt64Bytes(planned.map((p) => p.condition)));
  add('replication', npyInt64Bytes(planned.map((p) => p.replication)));
  plan.spec.factors.forEach((factor, f) => {
    const levels = planned.map((p) => plan.conditions[p.condition].levels[f]);
    // Units and batch sizes are counts: int64, as pandas would read them from runs.csv.
    if (factor.setting === 'units' || factor.setting === 'batchSize') add(factorColumn(factor), npyInt64Bytes(levels as number[]));
    else if (levels.every((level) => typeof level === 'number')) add(factorColumn(factor), float(levels));
    else if (levels.every((level) => typeof level === 'boolean')) add(factorColumn(factor), npyBoolBytes(levels));
    else add(factorColumn(factor), npyUnicodeBytes(levels.map(describeLevel)));
  });
  add('seed', npyInt64Bytes(planned.map((p) => p.seed)));
  const value = (read: (run: RunResult) => number | null) => float(perRun((o) => (typeof o === 'object' ? (read(o) ?? NaN) : NaN)));
  add('epochs', value((run) => run.epochs));
  add('epochs_to_criterion', value((run) => run.epochsToCriterion));
  add('final_tss', value((run) => run.final.tss));
  add('fraction_correct', value((run) => run.final.fractionCorrect));
  add('final_test_tss', value((run) => run.final.testTss));
  add('status', npyInt64Bytes(perRun((o) => RESULT_STATUS_LEGEND.indexOf(typeof o === 'object' ? o.status : o))));
  add('status_legend', npyUnicodeBytes(RESULT_STATUS_LEGEND));
  return entries;
}

/** The archive: the arrays, and `provenance` as provenance.json (numpy.load hands it back as bytes). */
export function resultsNpzBytes(plan: ExperimentPlan, outcomes: readonly RunOutcome[], provenance: object): Uint8Array {
  const entries = resultsNpzEntries(plan, outcomes);
  entries.set('provenance.json', new TextEncoder().encode(`${JSON.stringify(provenance, null, 2)}\n`));
  return npzBytes([], Object.fromEntries(entries));
}
