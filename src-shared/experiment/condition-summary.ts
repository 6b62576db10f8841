/**
 * The summary table per condition: n, mean and SD of the final tss, median epochs to criterion, how many
 * reached it and how many diverged. Diverged runs are counted apart and never averaged in (science.md).
 */
import { criterionSummary, meanInterval } from '../analysis/many-runs';
import { describeCondition, describeLevel, factorColumn } from '../model/experiment';
import type { ExperimentPlan } from './plan';
import type { RunResult } from './run-one';

export interface ConditionSummary {
  condition: number;
  /** `rule=backprop, learningRate=0.5`. */
  label: string;
  /** Each factor's column name and this condition's level, as the CSV tables write them. */
  levels: Record<string, string>;
  /** Runs that trained without diverging. */
  n: number;
  meanFinalTss: number | null;
  sdFinalTss: number | null;
  /** null unless more than half of the n runs reached the criterion. */
  medianEpochsToCriterion: number | null;
  reached: number;
  neverReached: number;
  diverged: number;
  failed: number;
}

export function summarizeConditions(plan: ExperimentPlan, runs: readonly RunResult[], failed: readonly { condition: number }[] = []): ConditionSummary[] {
  return plan.conditions.map((condition) => {
    const mine = runs.filter((run) => run.condition === condition.index);
    const trained = mine.filter((run) => run.status !== 'diverged');
    const final = meanInterval(trained.map((run) => run.final.tss));
    const criterion = criterionSummary(trained.map((run) => run.epochsToCriterion));
    return {
      condition: condition.index,
      label: describeCondition(plan.spec.factors, condition.levels),
      levels: Object.fromEntries(plan.spec.factors.map((factor, i) => [factorColumn(factor), describeLevel(condition.levels[i])])),
      n: trained.length,
      meanFinalTss: trained.length > 0 ? final.mean : null,
      sdFinalTss: trained.length > 1 ? final.sd : null,
      medianEpochsToCriterion: criterion.median,
      reached: criterion.reached,
      neverReached: criterion.neverReached,
      diverged: mine.length - trained.length,
      failed: failed.filter((f) => f.condition === condition.index).length,
    };
  });
}
