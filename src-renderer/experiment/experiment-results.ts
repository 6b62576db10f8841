/**
 * An experiment's results folder as files, made in the page from the runs it holds: the same
 * `experiment.json`, `runs/run-NNNNN.json`, `curves.csv`, `runs.csv` and `manifest.json` that
 * `cli experiment run` writes (src-main/experiment/merge-results.ts), byte for byte but for the manifest's times.
 */
import { zipSync, type Zippable } from 'fflate';
import { manifestText } from '../../src-shared/experiment/manifest';
import { plannedRun, planExperiment } from '../../src-shared/experiment/plan';
import { failedRunFileName, runFileName, serializeFailedRun, serializeRun, type FailedRun } from '../../src-shared/experiment/run-record';
import type { RunResult } from '../../src-shared/experiment/run-one';
import { curvesHeader, curvesRows, failedRunsRow, runsHeader, runsRow } from '../../src-shared/experiment/tables';
import type { ModelDocument } from '../../src-shared/model/schema';
import { serializeModel } from '../../src-shared/model/serialize';
import { APP_VERSION } from '../shared/app-version';

/** The model as an experiment runs it (results-folder.ts): no weights, no provenance. */
export function experimentModel(model: ModelDocument): ModelDocument {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { provenance, ...rest } = model;
  return { ...rest, state: null };
}

/** The text of experiment.json; also what identifies an experiment's stored results. */
export function experimentText(model: ModelDocument): string {
  return serializeModel(experimentModel(model));
}

export interface StoredRun {
  result: RunResult;
  /** When it finished, ms since 1970. */
  time: number;
}

/** Every file of the results folder, by its path inside the folder. */
export function resultsFiles(model: ModelDocument, runs: readonly StoredRun[], failed: readonly FailedRun[]): Map<string, string> {
  const plan = planExperiment(model);
  const files = new Map<string, string>();
  files.set('experiment.json', experimentText(model));
  const sorted = [...runs].sort((a, b) => a.result.index - b.result.index);
  const finished = new Set(sorted.map((run) => run.result.index));
  const failures = failed.filter((f) => !finished.has(f.index)).sort((a, b) => a.index - b.index);
  for (const { result } of sorted) files.set(`runs/${runFileName(result.index)}`, serializeRun(result));
  for (const failure of failures) files.set(`runs/${failedRunFileName(failure.index)}`, serializeFailedRun(failure));
  files.set('curves.csv', curvesHeader(plan) + sorted.map(({ result }) => curvesRows(plan, result)).join(''));
  const rows = new Map<number, string>();
  for (const { result } of sorted) rows.set(result.index, runsRow(plan, result));
  for (const { index } of failures) {
    const run = plannedRun(plan, index);
    rows.set(index, failedRunsRow(plan, index, run.condition, run.seed));
  }
  files.set('runs.csv', runsHeader(plan) + [...rows.keys()].sort((a, b) => a - b).map((index) => rows.get(index)!).join(''));
  const statuses = new Map(sorted.map(({ result }) => [result.index, result.status as string]));
  const missing = plan.total - sorted.length - failures.length;
  const times = sorted.map((run) => run.time);
  files.set('manifest.json', manifestText(plan, {
    experiment: model.name,
    appVersion: APP_VERSION,
    started: times.length === 0 ? null : new Date(Math.min(...times)).toISOString(),
    ended: missing === 0 && times.length > 0 ? new Date(Math.max(...times)).toISOString() : null,
    statuses,
    failures,
    missing,
  }));
  return files;
}

/** The folder as a zip, its files inside `folder/` (as `NAME.results/` beside a model). */
export function resultsZip(folder: string, files: Map<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const tree: Zippable = {};
  for (const [path, text] of files) tree[`${folder}/${path}`] = encoder.encode(text);
  return zipSync(tree, { level: 6 });
}
