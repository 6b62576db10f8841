/**
 * The runs of an experiment, in the one documented order every host and every results folder uses: run i
 * is replication ⌊i / C⌋ of condition i mod C (C conditions), so the first C runs already cover every
 * condition. Each run is exactly the single run of its condition's model with its replication's seed.
 */
import { applyCondition, describeCondition, experimentConditions, type Condition } from '../model/experiment';
import { MAX_RECORDED_EPOCHS, type ExperimentSpec, type ModelDocument } from '../model/schema';
import { describePlannedLesion, plannedLesion, type PlannedLesion } from './lesion-factor';
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
  /**
   * Epochs are recorded every `recordEvery` (and at a run's last epoch): the least power of two that keeps a
   * run to at most 4,096 points. A power of two, so every recorded epoch is one the Simulation's history
   * keeps (its stride is a power of two too, and smaller).
   */
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
    recordEvery: leastPowerOfTwoAtLeast(spec.epochs / MAX_RECORDED_EPOCHS),
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
 * the experiment's epoch count as its maximum, and no stopping rule of its own (the experiment's criterion
 * marks epochs to criterion; `epochs` may shorten it to where a run stopped). Training it alone computes the
 * run's bits exactly, epoch for epoch — with a lesion factor, up to the lesion, and on from there once the
 * same units are lesioned (lesion-factor.ts).
 */
export function singleRunModel(model: ModelDocument, plan: ExperimentPlan, index: number, epochs = plan.spec.epochs): ModelDocument {
  const run = plannedRun(plan, index);
  const condition = plan.conditions[run.condition];
  const single = applyCondition(model, plan.spec.factors, condition.levels);
  const lesion = plannedLesion(plan.spec, condition.levels, run.seed, single);
  // A run the experiment lesions: this is the network it starts as; the lesion is the run's (runLesion).
  const lesioned = lesion ? ` The experiment ${describePlannedLesion(lesion)}: this model is the run before it (lesion those units in the Network tab at that epoch to follow the run).` : '';
  return {
    ...single,
    name: `${model.name} — run ${index}`,
    description: `Run ${index} of the experiment "${model.name}": condition ${run.condition} (${describeCondition(plan.spec.factors, condition.levels)}), replication ${run.replication}, seed ${run.seed}.${lesioned}`,
    training: { ...single.training, seed: run.seed, maxEpochs: epochs, errorCriterion: 0, stopWhenAllCorrect: false },
  };
}

/** The lesion run `index` gets at its epoch (a lesion factor's), or null; `single` its single-run model. */
export function runLesion(plan: ExperimentPlan, index: number, single: Pick<ModelDocument, 'layers'>): PlannedLesion | null {
  const run = plannedRun(plan, index);
  return plannedLesion(plan.spec, plan.conditions[run.condition].levels, run.seed, single);
}

function leastPowerOfTwoAtLeast(value: number): number {
  let power = 1;
  while (power < value) power *= 2;
  return power;
}
