/**
 * The runs of an experiment, in the one documented order every host and every results folder uses: run i
 * is replication ⌊i / C⌋ of condition i mod C (C conditions), so the first C runs already cover every
 * condition. Each run is exactly the single run of its condition's model with its replication's seed.
 */
import { applyCondition, describeCondition, experimentConditions, type Condition } from '../model/experiment';
import { MAX_RECORDED_EPOCHS, type ExperimentSpec, type ModelDocument } from '../model/schema';
import { replicationSeed } from './seed';

export interface PlannedRun {
  index: number;
  condition: number;
  replication: number;
  seed: number;
}

export interface ExperimentPlan {
  spec: ExperimentSpec;
  conditions: Condition[];
  total: number;
  /** Epochs are recorded every `recordEvery` (and at a run's last epoch): at most 4,096 points a run. */
  recordEvery: number;
  baseSeed: number;
}

export function planExperiment(model: ModelDocument): ExperimentPlan {
  const spec = model.experiment;
  if (!spec) throw new Error(`the model "${model.name}" has no experiment section`);
  const conditions = experimentConditions(spec);
  return {
    spec,
    conditions,
    total: conditions.length * spec.replications,
    recordEvery: Math.ceil(spec.epochs / MAX_RECORDED_EPOCHS),
    baseSeed: spec.baseSeed ?? model.training.seed,
  };
}

export function plannedRun(plan: ExperimentPlan, index: number): PlannedRun {
  if (!Number.isInteger(index) || index < 0 || index >= plan.total) throw new RangeError(`run ${index} is not one of the experiment's ${plan.total} runs`);
  const count = plan.conditions.length;
  const replication = Math.floor(index / count);
  return { index, condition: index % count, replication, seed: replicationSeed(plan.baseSeed, replication) };
}

/**
 * Run i as a single-run model, the one the workbench opens: its condition's levels, its seed, fresh weights,
 * and the experiment's epoch count as its maximum. Training it alone computes the run's bits exactly.
 */
export function singleRunModel(model: ModelDocument, plan: ExperimentPlan, index: number): ModelDocument {
  const run = plannedRun(plan, index);
  const condition = plan.conditions[run.condition];
  const single = applyCondition(model, plan.spec.factors, condition.levels);
  return {
    ...single,
    name: `${model.name} — run ${index}`,
    description: `Run ${index} of the experiment "${model.name}": condition ${run.condition} (${describeCondition(plan.spec.factors, condition.levels)}), replication ${run.replication}, seed ${run.seed}.`,
    training: { ...single.training, seed: run.seed, maxEpochs: plan.spec.epochs },
  };
}

/** Whether epoch e (1-based) of a run is recorded; a run's last epoch always is. */
export function recordsExperimentEpoch(plan: ExperimentPlan, epoch: number): boolean {
  return epoch % plan.recordEvery === 0;
}
