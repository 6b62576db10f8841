/**
 * Lesion size as an experiment factor: each run trains to the factor's epoch, the fraction of the layer's units
 * its seed draws is lesioned, and it trains on — the same bits as the run re-created alone (its single-run model
 * trained to the epoch, lesioned with lesionUnits, trained on), and the file says so.
 */
import { describe, expect, it } from 'vitest';
import { experimentExamples } from '../../../src-shared/data/experiment-examples';
import { lesionUnits } from '../../../src-shared/engine/lesions/lesion-units';
import { unitsAtRandom } from '../../../src-shared/engine/lesions/perturb-units';
import { createRun } from '../../../src-shared/engine/training-run';
import { planExperiment, plannedRun, singleRunModel } from '../../../src-shared/experiment/plan';
import { runExperimentRun } from '../../../src-shared/experiment/run-one';
import { describeCondition, factorColumn } from '../../../src-shared/model/experiment';
import { parseModel, parseModelText } from '../../../src-shared/model/parse';
import type { ExperimentSpec, ModelDocument } from '../../../src-shared/model/schema';
import { serializeModel } from '../../../src-shared/model/serialize';

const LESION_EPOCH = 150;
const EPOCHS = 400;

function lesionExperiment(changes: Partial<ExperimentSpec> = {}): ModelDocument {
  const model = experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();
  return {
    ...model,
    experiment: {
      ...model.experiment!,
      factors: [{ setting: 'units', layer: 'hidden', levels: [4, 8] }, { setting: 'lesion', layer: 'hidden', epoch: LESION_EPOCH, levels: [0, 0.5, 1] }],
      replications: 2,
      epochs: EPOCHS,
      record: { finalOutputs: true, finalWeights: true },
      ...changes,
    },
  };
}

/** The run alone, independently: to the epoch, the seed's units lesioned as the app does it, on to the end. */
function alone(model: ModelDocument, index: number, fraction: number, until = EPOCHS) {
  const plan = planExperiment(model);
  const single = singleRunModel(model, plan, index);
  let run = createRun(single);
  while (run.epoch < LESION_EPOCH) run.advance(4096, LESION_EPOCH);
  if (fraction > 0) {
    const hidden = single.layers.findIndex((l) => l.name === 'hidden');
    const units = unitsAtRandom(single.layers[hidden].units, fraction, plannedRun(plan, index).seed);
    run = createRun(lesionUnits(run.toModel(), hidden, units));
  }
  while (run.epoch < until) run.advance(4096, until);
  return run;
}

describe('lesion size as an experiment factor', () => {
  it('lesions each run at the factor\'s epoch with units its seed draws: the run re-created alone gives the same bits', () => {
    const model = lesionExperiment();
    const plan = planExperiment(model);
    expect(plan.total).toBe(12);
    for (const index of [0, 1, 2, 4, 5, 8]) {
      const { levels } = plan.conditions[plannedRun(plan, index).condition];
      const fraction = levels[1] as number;
      const result = runExperimentRun(model, plan, index);
      const run = alone(model, index, fraction);
      const state = run.state();
      expect(result.weights, `run ${index}`).toEqual({ weights: state.weights, biases: state.biases });
      expect(result.curve.tss, `run ${index}`).toEqual(run.tssHistory);
      const pass = run.testPass();
      expect(result.final.tss).toBe(pass.tss);
      expect(result.outputs).toEqual(pass.patterns.map((p) => ({ name: p.name, output: p.output })));
      // A lesion splits the layer (or, for all of it, freezes what leaves it at 0): another network from then on.
      const layers = result.weights!.weights.length;
      expect(layers, `run ${index}`).toBe(fraction > 0 && fraction < 1 ? 4 : 2);
      if (fraction === 1) expect(result.weights!.weights[1].flat().every((w) => w === 0)).toBe(true);
    }
  });

  it('differs from the unlesioned run after the epoch only, and lesions as many units as the fraction says', () => {
    const model = lesionExperiment();
    const plan = planExperiment(model);
    // Runs 0 (4 units, no lesion) and 1 (4 units, half lesioned) share replication 0's seed.
    const [intact, half] = [runExperimentRun(model, plan, 0), runExperimentRun(model, plan, 1)];
    expect(half.curve.tss.slice(0, LESION_EPOCH)).toEqual(intact.curve.tss.slice(0, LESION_EPOCH));
    expect(half.curve.tss[LESION_EPOCH]).not.toBe(intact.curve.tss[LESION_EPOCH]);
    expect(half.seed).toBe(intact.seed);
    const single = singleRunModel(model, plan, 1);
    expect(single.description).toMatch(/lesions 50% of hidden \(units \d, \d\) after epoch 150: this model is the run before it/);
    expect(singleRunModel(model, plan, 0).description).not.toMatch(/lesions/);
  });

  it('looks for the criterion after the lesion\'s epoch in every condition, and stops there only when asked', () => {
    const model = lesionExperiment({ replications: 1, factors: [{ setting: 'lesion', layer: 'hidden', epoch: LESION_EPOCH, levels: [0, 0.5] }] });
    const plan = planExperiment(model);
    const found: (number | null)[] = [];
    for (const index of [0, 1]) {
      const result = runExperimentRun(model, plan, index);
      found.push(result.epochsToCriterion);
      // Independently: after-epoch tss, epoch by epoch from the lesion on.
      const run = alone(model, index, index === 0 ? 0 : 0.5, LESION_EPOCH);
      let first: number | null = null;
      while (first === null && run.epoch < EPOCHS) {
        run.advance(Number.POSITIVE_INFINITY, run.epoch + 1);
        if (run.testPass().tss < model.training.errorCriterion) first = run.epoch;
      }
      expect(result.epochsToCriterion, `run ${index}`).toBe(first);
      if (first !== null) expect(first).toBeGreaterThan(LESION_EPOCH);
    }
    expect(found[0]).not.toBeNull();
    // Stopping at the criterion: not before the lesion's epoch, at the first epoch after it that meets it.
    const stopping = lesionExperiment({ replications: 1, stopAtCriterion: true, factors: [{ setting: 'lesion', layer: 'hidden', epoch: LESION_EPOCH, levels: [0] }] });
    const stopped = runExperimentRun(stopping, planExperiment(stopping), 0);
    expect(stopped.status).toBe('stopped-at-criterion');
    expect(stopped.epochs).toBe(found[0]);
  });

  it('is a setting a factor can name in a version-6 file: saved and loaded, its column named for the layer', () => {
    const model = lesionExperiment();
    const parsed = parseModelText(serializeModel(model));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.model.experiment).toEqual(model.experiment);
    const factor = model.experiment!.factors[1];
    expect(factorColumn(factor)).toBe('lesion_hidden');
    expect(describeCondition(model.experiment!.factors, [4, 0.5])).toBe('units_hidden=4, lesion_hidden=0.5');
  });

  it('refuses a lesion it cannot do, naming the field', () => {
    const refused = (factor: unknown, changes: Partial<ExperimentSpec> = {}) => {
      const model = lesionExperiment({ factors: [factor as ExperimentSpec['factors'][number]], ...changes });
      const parsed = parseModel(JSON.parse(serializeModel(model)));
      return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(refused({ setting: 'lesion', layer: 'hidden', epoch: 10, levels: [1.5] })).toEqual([expect.stringMatching(/^experiment\.factors\[0\]\.levels\[0\]: .*at most 1/)]);
    expect(refused({ setting: 'lesion', layer: 'hidden', epoch: 10, levels: [-0.5] })[0]).toMatch(/^experiment\.factors\[0\]\.levels\[0\]/);
    expect(refused({ setting: 'lesion', layer: 'output', epoch: 10, levels: [0.5] })).toEqual(['experiment.factors[0].layer: is "output", an output layer: only a hidden layer\'s units can be lesioned']);
    expect(refused({ setting: 'lesion', layer: 'nope', epoch: 10, levels: [0.5] })[0]).toMatch(/^experiment\.factors\[0\]\.layer: is "nope", which names no layer/);
    expect(refused({ setting: 'lesion', layer: 'hidden', epoch: EPOCHS, levels: [0.5] })).toEqual([`experiment.factors[0].epoch: is ${EPOCHS}, but the runs train ${EPOCHS} epochs: the lesion must come before the last (experiment.epochs)`]);
    const two = lesionExperiment({ factors: [{ setting: 'lesion', layer: 'hidden', epoch: 1, levels: [0.5] }, { setting: 'lesion', layer: 'hidden', epoch: 2, levels: [0.5] }] });
    const parsed = parseModel(JSON.parse(serializeModel(two)));
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual(['experiment.factors[1].setting']);
  });
});
