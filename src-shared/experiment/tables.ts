/**
 * The tidy tables of an experiment's results, row by row so a large experiment streams to disk:
 * `curves.csv`, one row per run × recorded epoch × measure (observed values only), and `runs.csv`, one row
 * per run. RFC 4180 CSV with a header row: read.csv and pandas read them as they are; NA marks no value.
 */
import { describeLevel, factorColumn } from '../model/experiment';
import type { ExperimentPlan } from './plan';
import type { RunResult } from './run-one';

export function curvesHeader(plan: ExperimentPlan): string {
  return row(['run', 'condition', ...plan.spec.factors.map(factorColumn), 'seed', 'epoch', 'measure', 'value', 'status']);
}

/** A run's rows: each recorded epoch's tss, correct (fraction correct) and test_tss (when it has a test set). */
export function curvesRows(plan: ExperimentPlan, run: RunResult): string {
  const lead = [String(run.index), String(run.condition), ...levelCells(plan, run), String(run.seed)];
  const status = run.status;
  let text = '';
  const { epoch, tss, correct, testTss } = run.curve;
  for (let i = 0; i < epoch.length; i++) {
    const at = String(epoch[i]);
    text += row([...lead, at, 'tss', number(tss[i]), status]);
    text += row([...lead, at, 'correct', number(correct[i]), status]);
    if (testTss) text += row([...lead, at, 'test_tss', number(testTss[i]), status]);
  }
  return text;
}

export function runsHeader(plan: ExperimentPlan): string {
  return row(['run', 'condition', ...plan.spec.factors.map(factorColumn), 'seed', 'epochs', 'epochs_to_criterion', 'final_tss', 'fraction_correct', 'final_test_tss', 'status']);
}

export function runsRow(plan: ExperimentPlan, run: RunResult): string {
  return row([
    String(run.index), String(run.condition), ...levelCells(plan, run), String(run.seed), String(run.epochs),
    run.epochsToCriterion === null ? 'NA' : String(run.epochsToCriterion), number(run.final.tss),
    number(run.final.fractionCorrect), run.final.testTss === null ? 'NA' : number(run.final.testTss), run.status,
  ]);
}

/** A run that failed (its worker crashed) has a row with its status and no values. */
export function failedRunsRow(plan: ExperimentPlan, index: number, condition: number, seed: number): string {
  const levels = plan.conditions[condition].levels.map(describeLevel);
  return row([String(index), String(condition), ...levels, String(seed), 'NA', 'NA', 'NA', 'NA', 'NA', 'failed']);
}

function levelCells(plan: ExperimentPlan, run: RunResult): string[] {
  return plan.conditions[run.condition].levels.map(describeLevel);
}

/** JavaScript's shortest exact form; both readers parse it, exponents included. */
function number(value: number): string {
  return Number.isFinite(value) ? String(value) : 'NA';
}

function row(cells: string[]): string {
  return `${cells.map(quote).join(',')}\n`;
}

function quote(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
