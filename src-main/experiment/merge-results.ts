/**
 * Merges a results folder's run files into its tidy tables and manifest (`curves.csv`, `runs.csv`,
 * `manifest.json`), each written atomically: a reader sees the old table or the new one, never half of one.
 * One run is in memory at a time, so a large experiment streams through.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { manifestText } from '../../src-shared/experiment/manifest';
import { plannedRun, planExperiment } from '../../src-shared/experiment/plan';
import { runFileName } from '../../src-shared/experiment/run-record';
import type { RunStatus } from '../../src-shared/experiment/run-one';
import { curvesHeader, curvesRows, failedRunsRow, runsHeader, runsRow } from '../../src-shared/experiment/tables';
import { APP_VERSION } from '../app-version';
import { writeFileAtomic, writeFileAtomicFrom } from '../files/atomic-write';
import { listRunFiles, readExperimentModel, readFailedRun, readRun } from './results-folder';

export interface MergeReport {
  total: number;
  finished: number[];
  missing: number[];
  failed: { index: number; message: string }[];
}

export async function mergeResults(dir: string): Promise<MergeReport> {
  const model = await readExperimentModel(dir);
  const plan = planExperiment(model);
  const files = await listRunFiles(dir);
  const report: MergeReport = { total: plan.total, finished: [], missing: [], failed: [] };
  for (let index = 0; index < plan.total; index++) {
    if (files.finished.has(index)) report.finished.push(index);
    else if (files.failed.has(index)) report.failed.push(await readFailedRun(dir, index));
    else report.missing.push(index);
  }
  const statuses = new Map<number, RunStatus>();
  // One pass over the run files: each run's curve streams to curves.csv, its one summary row is kept.
  const summaryRows = new Map<number, string>();
  await writeFileAtomicFrom(join(dir, 'curves.csv'), (async function* curves() {
    yield curvesHeader(plan);
    for (const index of report.finished) {
      const run = await readRun(dir, index);
      statuses.set(index, run.status);
      summaryRows.set(index, runsRow(plan, run));
      yield curvesRows(plan, run);
    }
  })());
  for (const { index } of report.failed) {
    const run = plannedRun(plan, index);
    summaryRows.set(index, failedRunsRow(plan, index, run.condition, run.seed));
  }
  const ordered = [...summaryRows.keys()].sort((a, b) => a - b);
  await writeFileAtomic(join(dir, 'runs.csv'), runsHeader(plan) + ordered.map((index) => summaryRows.get(index)!).join(''));
  const times = await runFileTimes(dir, report.finished);
  await writeFileAtomic(join(dir, 'manifest.json'), manifestText(plan, {
    experiment: model.name,
    appVersion: APP_VERSION,
    started: times.first,
    ended: report.missing.length === 0 ? times.last : null,
    statuses,
    failures: report.failed,
    missing: report.missing.length,
  }));
  return report;
}

/** When the experiment's computing began and ended, as its run files' times say (whichever host wrote them). */
async function runFileTimes(dir: string, finished: readonly number[]): Promise<{ first: string | null; last: string | null }> {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const index of finished) {
    const time = (await stat(join(dir, 'runs', runFileName(index)))).mtimeMs;
    first = Math.min(first, time);
    last = Math.max(last, time);
  }
  return finished.length === 0 ? { first: null, last: null } : { first: new Date(first).toISOString(), last: new Date(last).toISOString() };
}
