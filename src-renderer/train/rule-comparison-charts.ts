/**
 * What Compare rules draws from its finished runs: per compared condition the tss curve (one seed: the run
 * itself; several: the mean with its 95% band over the runs, as the Experiment tab draws it), feedback
 * alignment's two angles per hidden projection (the mean over the seeds at each epoch), and both as CSV
 * columns — every run's own values at full precision, so they can be checked against `cli train`.
 */
import { mean } from '../../src-shared/analysis/many-runs';
import type { ExperimentPlan } from '../../src-shared/experiment/plan';
import type { RunResult } from '../../src-shared/experiment/run-one';
import type { ComparedCondition, RuleComparison } from '../../src-shared/experiment/rule-comparison';
import type { ModelDocument } from '../../src-shared/model/schema';
import type { CsvColumn } from '../shared/charts/chart-export';
import { alignOnEpochs, conditionCurves } from '../experiment/experiment-curves';
import type { ExperimentLine } from '../experiment/experiment-line';

export const CONDITION_COLOURS = ['#2f6fd0', '#c2410c', '#15803d', '#9333ea', '#b8730a', '#0e7490'];
const ANGLE_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e69f00'];

export interface ComparisonChart {
  x: number[];
  lines: ExperimentLine[];
  bands: { upper: number; lower: number; colour: string }[];
  faint: { index: number; colour: string; epochs: number[]; values: number[] }[];
}

export function conditionColour(condition: number): string {
  return CONDITION_COLOURS[condition % CONDITION_COLOURS.length];
}

/** The tss chart: a line per condition, with its band and its faint runs when there are several seeds. */
export function tssChart(comparison: RuleComparison, plan: ExperimentPlan, results: readonly RunResult[], log: boolean): ComparisonChart {
  const several = plan.spec.replications > 1;
  const lines: ExperimentLine[] = [];
  const series: { epochs: number[]; values: (number | null)[] }[] = [];
  const bands: ComparisonChart['bands'] = [];
  const curves = conditionCurves(plan, results, 'tss', log);
  for (const curve of curves) {
    const { label } = comparison.conditions[curve.condition];
    const colour = conditionColour(curve.condition);
    if (several) {
      bands.push({ upper: lines.length, lower: lines.length + 1, colour });
      lines.push({ label: `${label} (95% CI, upper)`, colour, width: 1, alpha: 0.7, edge: true, values: [] });
      lines.push({ label: `${label} (95% CI, lower)`, colour, width: 1, alpha: 0.7, edge: true, values: [] });
      series.push({ epochs: curve.epochs, values: curve.high }, { epochs: curve.epochs, values: curve.low });
    }
    lines.push({ label: several ? `${label}: mean tss` : label, colour, width: 2.5, alpha: 1, values: [] });
    // One seed: the run's own values (a geometric mean of one value need not give back its bits).
    const only = curve.runs.length === 1 && !several ? curve.runs[0] : null;
    series.push(only ? { epochs: only.epochs, values: only.values } : { epochs: curve.epochs, values: curve.mean });
  }
  const { x, ys } = alignOnEpochs(series);
  ys.forEach((values, i) => (lines[i].values = values));
  const faint = several
    ? curves.flatMap((c) => c.runs.map((run) => ({ index: run.index, colour: conditionColour(c.condition), epochs: run.epochs, values: run.values })))
    : [];
  return { x, lines, bands, faint };
}

/** Every run's tss per epoch (`label, seed S: tss`), then each condition's mean and band when there are several seeds. */
export function tssCsvColumns(comparison: RuleComparison, plan: ExperimentPlan, results: readonly RunResult[]): CsvColumn[] {
  const columns: CsvColumn[] = [];
  const sorted = [...results].sort((a, b) => a.index - b.index);
  for (const c of comparison.conditions) {
    for (const run of sorted.filter((r) => r.condition === c.condition)) {
      columns.push({ name: `${c.label}, seed ${run.seed}: tss`, epochs: run.curve.epoch, values: run.curve.tss });
    }
  }
  if (plan.spec.replications > 1) {
    for (const curve of conditionCurves(plan, results, 'tss', false)) {
      const { label } = comparison.conditions[curve.condition];
      columns.push(
        { name: `${label}: n`, epochs: curve.epochs, values: curve.n },
        { name: `${label}: mean tss`, epochs: curve.epochs, values: curve.mean },
        { name: `${label}: 95% CI low`, epochs: curve.epochs, values: curve.low.map((v) => v ?? Number.NaN) },
        { name: `${label}: 95% CI high`, epochs: curve.epochs, values: curve.high.map((v) => v ?? Number.NaN) },
      );
    }
  }
  return columns;
}

export interface AngleSeries {
  condition: ComparedCondition;
  projection: number;
  kind: 'signal' | 'weight';
  /** `signal angle, W1 (code → output)`, prefixed by the condition when several record angles. */
  label: string;
  epochs: number[];
  /** Mean over the condition's runs that have the angle at the epoch; null where none has. */
  values: (number | null)[];
  n: number;
}

/** Per feedback-alignment condition, hidden projection and angle, the mean over its runs at each epoch. */
export function angleSeries(comparison: RuleComparison, model: Pick<ModelDocument, 'layers'>, results: readonly RunResult[]): AngleSeries[] {
  const conditions = comparison.conditions.filter((c) => c.rule === 'feedback-alignment');
  const series: AngleSeries[] = [];
  for (const condition of conditions) {
    const recorded = results.filter((r) => r.condition === condition.condition && r.status !== 'diverged' && r.alignmentAngles).map((r) => r.alignmentAngles!);
    if (recorded.length === 0) continue;
    const longest = recorded.reduce((a, b) => (b.epochs.length > a.epochs.length ? b : a));
    for (const { projection } of longest.projections) {
      for (const kind of ['signal', 'weight'] as const) {
        const values = longest.epochs.map((epoch) => {
          const at = recorded.flatMap((angles) => {
            const k = angles.epochs.indexOf(epoch);
            const value = k < 0 ? null : angles.projections.find((p) => p.projection === projection)?.[kind][k];
            return value === null || value === undefined ? [] : [value];
          });
          return at.length > 0 ? mean(at) : null;
        });
        const name = `${kind} angle, W${projection} (${model.layers[projection].name} → ${model.layers[projection + 1].name})`;
        series.push({ condition, projection, kind, label: conditions.length > 1 ? `${condition.label}: ${name}` : name, epochs: [...longest.epochs], values, n: recorded.length });
      }
    }
  }
  return series;
}

/** The angles as chart lines: solid signal angles, thinner weight angles, one colour per projection and condition. */
export function angleChart(series: readonly AngleSeries[]): ComparisonChart {
  const { x, ys } = alignOnEpochs(series);
  const pairs = [...new Set(series.map((s) => `${s.condition.condition}/${s.projection}`))];
  const lines = series.map((s, i): ExperimentLine => {
    const pair = pairs.indexOf(`${s.condition.condition}/${s.projection}`);
    return { label: s.label, colour: ANGLE_COLOURS[(2 * pair + (s.kind === 'weight' ? 1 : 0)) % ANGLE_COLOURS.length], width: s.kind === 'signal' ? 2.5 : 2, alpha: 1, values: ys[i] };
  });
  return { x, lines, bands: [], faint: [] };
}

export function angleCsvColumns(series: readonly AngleSeries[]): CsvColumn[] {
  return series.map((s) => ({ name: `${s.label} (degrees${s.n > 1 ? `, mean of ${s.n} seeds` : ''})`, epochs: s.epochs, values: s.values.map((v) => v ?? Number.NaN) }));
}
