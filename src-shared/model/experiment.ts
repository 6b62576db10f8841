/**
 * What the model file's `experiment` section (schema.ts) means: its conditions in their documented order,
 * and the single-run model of each.
 */
import type { ModelProblem } from './consistency';
import { MAX_EXPERIMENT_RUNS, type ExperimentSpec, type Factor, type FactorLevel, type LayerSpec, type ModelDocument, type TrainingSettings } from './schema';

/** One condition: a level for every factor, in the factors' order. */
export interface Condition {
  index: number;
  levels: FactorLevel[];
}

/** The conditions in their documented order: crossed designs vary the last factor fastest. */
export function experimentConditions(spec: ExperimentSpec): Condition[] {
  if (spec.factors.length === 0) return [{ index: 0, levels: [] }];
  if (spec.design === 'listed') {
    const count = spec.factors[0].levels.length;
    return Array.from({ length: count }, (_, index) => ({ index, levels: spec.factors.map((f) => f.levels[index]) }));
  }
  let combinations: FactorLevel[][] = [[]];
  for (const factor of spec.factors) {
    const next: FactorLevel[][] = [];
    for (const prefix of combinations) for (const level of factor.levels) next.push([...prefix, level]);
    combinations = next;
    // Stop multiplying before a huge design exhausts memory: the count alone is refused later.
    if (combinations.length > MAX_EXPERIMENT_RUNS) break;
  }
  return combinations.map((levels, index) => ({ index, levels }));
}

/** How many conditions the design has, without building them. */
export function conditionCount(spec: ExperimentSpec): number {
  if (spec.factors.length === 0) return 1;
  if (spec.design === 'listed') return spec.factors[0].levels.length;
  return spec.factors.reduce((product, factor) => product * factor.levels.length, 1);
}

/** The single-run model of one condition: the levels applied, fresh weights, no experiment section. */
export function applyCondition(model: ModelDocument, factors: readonly Factor[], levels: readonly FactorLevel[]): ModelDocument {
  let training: TrainingSettings = { ...model.training };
  let layers: LayerSpec[] = model.layers;
  let testPatterns = model.testPatterns;
  factors.forEach((factor, i) => {
    const level = levels[i];
    if (factor.setting === 'units') {
      layers = layers.map((layer) => (layer.name === factor.layer ? withUnits(layer, level as number) : layer));
    } else if (factor.setting === 'testSet') {
      if (level === false) testPatterns = undefined;
    } else if (factor.setting === 'lesion') {
      // Done to the run at the factor's epoch (experiment/lesion-factor.ts), not to the model it starts from.
    } else {
      training = { ...training, [factor.setting]: level };
    }
  });
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the single run has no experiment of its own
  const { experiment, testPatterns: _dropped, ...rest } = model;
  return { ...rest, layers, training, ...(testPatterns ? { testPatterns } : {}), state: null };
}

function withUnits(layer: LayerSpec, units: number): LayerSpec {
  if (layer.units === units) return layer;
  // Unit names label the units they were written for: a resized layer drops them.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { unitNames, ...rest } = layer;
  return { ...rest, units };
}

/** A level as one CSV cell or table entry: `0.5`, `backprop`, `uniform(1)`, `TRUE`. */
export function describeLevel(level: FactorLevel): string {
  if (typeof level === 'boolean') return level ? 'TRUE' : 'FALSE';
  if (typeof level === 'object') {
    if (level.kind === 'uniform') return `uniform(${level.range})`;
    if (level.kind === 'gaussian') return `gaussian(${level.sd})`;
    return level.kind;
  }
  return String(level);
}

/** A factor's column name in the tables: the setting, or `units_LAYER`, `lesion_LAYER` (letters, digits and _ only). */
export function factorColumn(factor: Factor): string {
  if (factor.setting !== 'units' && factor.setting !== 'lesion') return factor.setting;
  return `${factor.setting}_${factor.layer.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/**
 * What the schema cannot check alone: a design whose size or shape is wrong, a factor naming a layer that
 * is not there or resizing one the patterns must fit, and conditions whose model would not be valid.
 * `checkModel` is the single-run model's own check (consistency.ts), passed in to keep this file below it.
 */
export function checkExperiment(model: ModelDocument, checkModel: (model: ModelDocument) => ModelProblem[]): ModelProblem[] {
  const spec = model.experiment;
  if (!spec) return [];
  const problems: ModelProblem[] = [];
  const seen = new Map<string, number>();
  spec.factors.forEach((factor, i) => {
    const path = `experiment.factors[${i}]`;
    // One lesion factor at most: a run is lesioned once, at its epoch.
    const key = factor.setting === 'units' ? `units:${factor.layer}` : factor.setting;
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push({ path: `${path}.setting`, message: `varies ${describeFactor(factor)} again (experiment.factors[${earlier}] already does)` });
    seen.set(key, i);
    if (spec.design === 'listed' && factor.levels.length !== spec.factors[0].levels.length) {
      problems.push({ path: `${path}.levels`, message: `has ${factor.levels.length} levels, but a listed design takes level i of every factor and experiment.factors[0] has ${spec.factors[0].levels.length}` });
    }
    if (factor.setting === 'units') appendAll(problems, checkUnitsFactor(model, factor, path));
    if (factor.setting === 'lesion') appendAll(problems, checkLesionFactor(model, spec, factor, path));
  });
  const runs = conditionCount(spec) * spec.replications;
  if (runs > MAX_EXPERIMENT_RUNS) {
    problems.push({ path: 'experiment', message: `asks for ${runs.toLocaleString('en')} runs (conditions × replications); at most ${MAX_EXPERIMENT_RUNS.toLocaleString('en')} are allowed` });
  }
  if (spec.stopAtCriterion && model.training.errorCriterion === 0) {
    problems.push({ path: 'experiment.stopAtCriterion', message: 'is true but training.errorCriterion is 0 (off): set a criterion or stopAtCriterion to false' });
  }
  if (problems.length > 0) return problems;
  // Each condition's single-run model must itself be valid (a rule, loss and activation that fit together).
  for (const condition of experimentConditions(spec)) {
    const found = checkModel(applyCondition(model, spec.factors, condition.levels));
    for (const problem of found) {
      problems.push({ path: 'experiment.factors', message: `condition ${condition.index} (${describeCondition(spec.factors, condition.levels)}) would give ${problem.path} that ${problem.message}` });
    }
    if (problems.length >= 5) break;
  }
  return problems;
}

function checkUnitsFactor(model: ModelDocument, factor: Extract<Factor, { setting: 'units' }>, path: string): ModelProblem[] {
  const index = model.layers.findIndex((layer) => layer.name === factor.layer);
  if (index < 0) {
    return [{ path: `${path}.layer`, message: `is "${factor.layer}", which names no layer (the layers are ${model.layers.map((l) => `"${l.name}"`).join(', ')})` }];
  }
  const layer = model.layers[index];
  if (layer.kind === 'hidden') return [];
  const fits = layer.kind === 'input' ? 'inputs' : 'targets';
  return factor.levels.flatMap((units, j) => (units === layer.units ? [] : [{
    path: `${path}.levels[${j}]`,
    message: `resizes the ${layer.kind} layer "${layer.name}" to ${units} units, but the patterns' ${fits} have ${layer.units} values: only hidden layers can be resized`,
  }]));
}

/** A lesion factor names a hidden layer of a network without copy links, lesioned before the run's last epoch. */
function checkLesionFactor(model: ModelDocument, spec: ExperimentSpec, factor: Extract<Factor, { setting: 'lesion' }>, path: string): ModelProblem[] {
  const layer = model.layers.find((l) => l.name === factor.layer);
  if (!layer) {
    return [{ path: `${path}.layer`, message: `is "${factor.layer}", which names no layer (the layers are ${model.layers.map((l) => `"${l.name}"`).join(', ')})` }];
  }
  if (layer.kind !== 'hidden') return [{ path: `${path}.layer`, message: `is "${factor.layer}", an ${layer.kind} layer: only a hidden layer's units can be lesioned` }];
  if (model.links?.length) return [{ path, message: 'lesions a recurrent network (it has copy links): lesions are for feedforward networks for now' }];
  if (factor.epoch >= spec.epochs) {
    return [{ path: `${path}.epoch`, message: `is ${factor.epoch}, but the runs train ${spec.epochs} epochs: the lesion must come before the last (experiment.epochs)` }];
  }
  return [];
}

function describeFactor(factor: Factor): string {
  if (factor.setting === 'units') return `the units of layer "${factor.layer}"`;
  if (factor.setting === 'lesion') return 'a lesion (an experiment lesions its runs once)';
  return factor.setting;
}

/** `rule=backprop, learningRate=0.5`: a condition as people read it. */
export function describeCondition(factors: readonly Factor[], levels: readonly FactorLevel[]): string {
  if (factors.length === 0) return 'the model as it is';
  return factors.map((factor, i) => `${factorColumn(factor)}=${describeLevel(levels[i])}`).join(', ');
}

function appendAll(problems: ModelProblem[], more: readonly ModelProblem[]): void {
  for (const problem of more) problems.push(problem);
}
