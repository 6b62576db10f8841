/**
 * What the Experiment tab's charts draw, from the runs finished so far (science.md, "Experiments: many
 * runs"): per condition the mean curve of a measure with its t-based 95% band over the runs observed at each
 * recorded epoch (on the log scale the mean and band of log tss; no band where n < 2), diverged runs left
 * out of it and counted; and the fraction of a condition's runs that had reached the criterion by each epoch.
 */
import { curveIntervals, fractionReachedBy } from '../../src-shared/analysis/many-runs';
import type { ExperimentPlan } from '../../src-shared/experiment/plan';
import type { RunResult } from '../../src-shared/experiment/run-one';

export type Measure = 'tss' | 'correct';

export interface ConditionCurve {
  condition: number;
  epochs: number[];
  mean: number[];
  /** null where fewer than two runs were observed. */
  low: (number | null)[];
  high: (number | null)[];
  n: number[];
  /** The runs averaged (not diverged), each run's own curve: drawn faint under the mean. */
  runs: { index: number; epochs: number[]; values: number[] }[];
  diverged: number;
}

export function conditionCurves(plan: ExperimentPlan, runs: readonly RunResult[], measure: Measure, log: boolean): ConditionCurve[] {
  return plan.conditions.map(({ index }) => {
    const mine = runs.filter((run) => run.condition === index);
    const trained = mine.filter((run) => run.status !== 'diverged');
    const series = trained.map((run) => ({ index: run.index, epochs: run.curve.epoch, values: measure === 'tss' ? run.curve.tss : run.curve.correct }));
    const intervals = curveIntervals(series.map((s) => ({ epoch: s.epochs, value: s.values })), log ? 'log' : 'linear');
    return {
      condition: index,
      epochs: intervals.map((i) => i.epoch),
      mean: intervals.map((i) => i.interval.mean),
      low: intervals.map((i) => i.interval.low),
      high: intervals.map((i) => i.interval.high),
      n: intervals.map((i) => i.interval.n),
      runs: series.sort((a, b) => a.index - b.index),
      diverged: mine.length - trained.length,
    };
  });
}

export interface CriterionCurve {
  condition: number;
  epochs: number[];
  fraction: number[];
}

/**
 * Per condition, the fraction of its finished runs (diverged ones included: they never reached it) that had
 * reached the criterion by each of `epochs`.
 */
export function criterionCurves(plan: ExperimentPlan, runs: readonly RunResult[], epochs: readonly number[]): CriterionCurve[] {
  return plan.conditions.map(({ index }) => {
    const mine = runs.filter((run) => run.condition === index).map((run) => run.epochsToCriterion);
    return { condition: index, epochs: [...epochs], fraction: fractionReachedBy(mine, epochs) };
  });
}

/** Every series on one x axis (uPlot's layout): the union of their epochs, null where a series has none. */
export function alignOnEpochs(series: readonly { epochs: readonly number[]; values: readonly (number | null)[] }[]): { x: number[]; ys: (number | null)[][] } {
  const all = new Set<number>();
  for (const s of series) for (const e of s.epochs) all.add(e);
  const x = [...all].sort((a, b) => a - b);
  const at = new Map(x.map((e, i) => [e, i]));
  const ys = series.map((s) => {
    const y: (number | null)[] = new Array<number | null>(x.length).fill(null);
    s.epochs.forEach((e, i) => (y[at.get(e)!] = s.values[i]));
    return y;
  });
  return { x, ys };
}

/**
 * The run drawn nearest a click (CSS px within the plot), if one is within `reach` px of it: each run is
 * measured at its recorded epoch nearest the click, by the distance between the click and that point.
 */
export function nearestRun(
  runs: readonly { index: number; epochs: readonly number[]; values: readonly number[] }[],
  click: { left: number; top: number },
  toPx: { x(epoch: number): number; y(value: number): number },
  reach = 8,
): number | null {
  let best: number | null = null;
  let bestDistance = reach;
  for (const run of runs) {
    let i = 0;
    let nearest = Number.POSITIVE_INFINITY;
    for (let k = 0; k < run.epochs.length; k++) {
      const dx = Math.abs(toPx.x(run.epochs[k]) - click.left);
      if (dx < nearest) [nearest, i] = [dx, k];
    }
    if (run.epochs.length === 0 || !Number.isFinite(run.values[i])) continue;
    const distance = Math.hypot(toPx.x(run.epochs[i]) - click.left, toPx.y(run.values[i]) - click.top);
    if (distance <= bestDistance) [bestDistance, best] = [distance, run.index];
  }
  return best;
}
