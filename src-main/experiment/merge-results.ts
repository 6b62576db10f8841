/**
 * Merges a results folder's run files into its tidy tables and manifest (`curves.csv`, `runs.csv`,
 * `manifest.json`), each written atomically: a reader sees the old table or the new one, never half of one.
 * One run is in memory at a time, so a large experiment streams through.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { engineFingerprint } from '../../src-shared/experiment/fingerprint';
import { plannedRun, planExperiment, type ExperimentPlan } from '../../src-shared/experiment/plan';
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

export const MANIFEST_FORMAT = 'backprop-lab-experiment-results';

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
  const manifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    experiment: model.name,
    appVersion: APP_VERSION,
    engineFingerprint: engineFingerprint(),
    started: times.first,
    ended: report.missing.length === 0 ? times.last : null,
    total: plan.total,
    conditions: plan.conditions.length,
    replications: plan.spec.replications,
    counts: countStatuses(statuses, report),
    runs: manifestRuns(plan, statuses, report),
  };
  await writeFileAtomic(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return report;
}

function countStatuses(statuses: Map<number, RunStatus>, report: MergeReport): Record<string, number> {
  const counts: Record<string, number> = { finished: 0, 'stopped-at-criterion': 0, diverged: 0, failed: report.failed.length, missing: report.missing.length };
  for (const status of statuses.values()) counts[status]++;
  return counts;
}

function manifestRuns(plan: ExperimentPlan, statuses: Map<number, RunStatus>, report: MergeReport) {
  const messages = new Map(report.failed.map((f) => [f.index, f.message]));
  return Array.from({ length: plan.total }, (_, index) => {
    const { condition, replication, seed } = plannedRun(plan, index);
    const status = statuses.get(index) ?? (messages.has(index) ? 'failed' : 'missing');
    return { index, condition, replication, seed, status, ...(messages.has(index) ? { message: messages.get(index) } : {}) };
  });
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
