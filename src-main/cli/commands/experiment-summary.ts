/**
 * `experiment summary DIR [--json]`: per condition, n, mean and SD of the final tss, median epochs to
 * criterion, how many reached it and how many diverged — from the runs the folder holds.
 */
import { summarizeConditions, type ConditionSummary } from '../../../src-shared/experiment/condition-summary';
import { plannedRun, planExperiment } from '../../../src-shared/experiment/plan';
import type { RunResult } from '../../../src-shared/experiment/run-one';
import { listRunFiles, readExperimentModel, readRun, ResultsFolderError } from '../../experiment/results-folder';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { parseOptions } from '../options';

const usage = 'experiment summary DIR [--json]';

export async function experimentSummaryCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } }, usage);
  if (positionals.length !== 1) throw new CliError(`expected one results folder\nusage: ${usage}`);
  const dir = positionals[0];
  let rows: ConditionSummary[];
  try {
    const model = await readExperimentModel(dir);
    const plan = planExperiment(model);
    const files = await listRunFiles(dir);
    const runs: RunResult[] = [];
    for (const index of [...files.finished].sort((a, b) => a - b)) {
      // Only what the summary needs stays in memory: a large experiment's curves are read one run at a time.
      const run = await readRun(dir, index);
      runs.push({ ...run, curve: { epoch: [], tss: [], correct: [] }, outputs: undefined, weights: undefined });
    }
    rows = summarizeConditions(plan, runs, [...files.failed].map((index) => plannedRun(plan, index)));
  } catch (error) {
    if (error instanceof ResultsFolderError) throw new CliError(error.message);
    throw error;
  }
  if (values.json) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const table = [['condition', 'levels', 'n', 'mean final tss', 'SD', 'median epochs to criterion', 'reached', 'never', 'diverged', 'failed']];
  for (const row of rows) {
    table.push([
      String(row.condition), row.label, String(row.n), figure(row.meanFinalTss), figure(row.sdFinalTss),
      row.medianEpochsToCriterion === null ? 'NA' : String(row.medianEpochsToCriterion), String(row.reached),
      String(row.neverReached), String(row.diverged), String(row.failed),
    ]);
  }
  const widths = table[0].map((_, c) => Math.max(...table.map((cells) => cells[c].length)));
  for (const cells of table) io.out(`${cells.map((cell, c) => (c === 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}\n`);
  return 0;
}

function figure(value: number | null): string {
  return value === null ? 'NA' : value.toPrecision(4);
}
