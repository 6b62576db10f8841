/** The experiment section: its conditions in the documented order, the seed function, and what it refuses. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { experimentExamples } from '../../../src-shared/data/experiment-examples';
import { plannedRun, planExperiment, singleRunModel } from '../../../src-shared/experiment/plan';
import { replicationSeed } from '../../../src-shared/experiment/seed';
import { createModel } from '../../../src-shared/model/create';
import { parseModel, parseModelText } from '../../../src-shared/model/parse';
import { MODEL_VERSION, type ExperimentSpec, type ModelDocument } from '../../../src-shared/model/schema';

function xor(experiment: unknown): Record<string, unknown> {
  const model = createModel({
    name: 'xor',
    description: '',
    layers: [
      { kind: 'input', name: 'input', units: 2, activation: 'linear', bias: false },
      { kind: 'hidden', name: 'hidden', units: 2, activation: 'logistic', bias: true },
      { kind: 'output', name: 'output', units: 1, activation: 'logistic', bias: true },
    ],
    patterns: [[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => ({ name: `${a}${b}`, input: [a, b], target: [a ^ b] })),
    training: { seed: 41 },
  });
  return { ...model, experiment };
}

const base: ExperimentSpec = { design: 'crossed', factors: [], replications: 3, epochs: 10, stopAtCriterion: false, record: { finalOutputs: false, finalWeights: false } };

function accepted(experiment: unknown): ModelDocument {
  const parsed = parseModel(xor(experiment));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.model;
}

function problems(experiment: unknown) {
  const parsed = parseModel(xor(experiment));
  return parsed.ok ? [] : parsed.problems;
}

describe('the experiment section', () => {
  it('crosses factors with the last varying fastest, and numbers run i as replication ⌊i/C⌋ of condition i mod C', () => {
    const model = accepted({ ...base, factors: [{ setting: 'rule', levels: ['backprop', 'feedback-alignment'] }, { setting: 'learningRate', levels: [0.1, 0.5, 1] }] });
    const plan = planExperiment(model);
    expect(plan.conditions.map((c) => c.levels)).toEqual([
      ['backprop', 0.1], ['backprop', 0.5], ['backprop', 1], ['feedback-alignment', 0.1], ['feedback-alignment', 0.5], ['feedback-alignment', 1],
    ]);
    expect(plan.total).toBe(18);
    expect(plannedRun(plan, 0)).toEqual({ index: 0, condition: 0, replication: 0, seed: 41 });
    expect(plannedRun(plan, 7)).toEqual({ index: 7, condition: 1, replication: 1, seed: 42 });
    expect(plannedRun(plan, 17)).toEqual({ index: 17, condition: 5, replication: 2, seed: 43 });
    expect(() => plannedRun(plan, 18)).toThrow(/not one of the experiment's 18 runs/);
  });

  it('lists explicit conditions: condition i takes level i of every factor', () => {
    const model = accepted({ ...base, design: 'listed', factors: [{ setting: 'rule', levels: ['backprop', 'feedback-alignment'] }, { setting: 'momentum', levels: [0.9, 0] }] });
    expect(planExperiment(model).conditions.map((c) => c.levels)).toEqual([['backprop', 0.9], ['feedback-alignment', 0]]);
  });

  it('seeds replication r with (base + r) mod 2^32, from baseSeed when given', () => {
    expect(replicationSeed(41, 0)).toBe(41);
    expect(replicationSeed(0xffff_fffe, 3)).toBe(1);
    const plan = planExperiment(accepted({ ...base, baseSeed: 1000 }));
    expect([0, 1, 2].map((i) => plannedRun(plan, i).seed)).toEqual([1000, 1001, 1002]);
  });

  it('makes run i a single-run model: its levels, its seed, fresh weights, no experiment', () => {
    const model = accepted({ ...base, factors: [{ setting: 'units', layer: 'hidden', levels: [2, 5] }, { setting: 'init', levels: [{ kind: 'gaussian', sd: 0.3 }] }] });
    const single = singleRunModel(model, planExperiment(model), 3);
    expect(single.layers[1].units).toBe(5);
    expect(single.training.init).toEqual({ kind: 'gaussian', sd: 0.3 });
    expect(single.training.seed).toBe(42);
    expect(single.training).toMatchObject({ maxEpochs: 10, errorCriterion: 0, stopWhenAllCorrect: false });
    expect(single.state).toBeNull();
    expect(single.experiment).toBeUndefined();
    expect(parseModel(single)).toMatchObject({ ok: true });
  });

  it('records every k epochs, k the least power of two that keeps a run to at most 4,096 points', () => {
    expect(planExperiment(accepted({ ...base, epochs: 4096 })).recordEvery).toBe(1);
    expect(planExperiment(accepted({ ...base, epochs: 4097 })).recordEvery).toBe(2);
    expect(planExperiment(accepted({ ...base, epochs: 8192 })).recordEvery).toBe(2);
    expect(planExperiment(accepted({ ...base, epochs: 8193 })).recordEvery).toBe(4);
    expect(planExperiment(accepted({ ...base, epochs: 1_000_000 })).recordEvery).toBe(256);
  });

  it('names the field of a setting that does not exist, a level out of range, and a level of the wrong kind', () => {
    expect(problems({ ...base, factors: [{ setting: 'temperature', levels: [1] }] })).toEqual([
      { path: 'experiment.factors[0].setting', message: expect.stringMatching(/Invalid discriminator value. Expected 'learningRate' .* 'testSet'/) },
    ]);
    expect(problems({ ...base, factors: [{ setting: 'momentum', levels: [0.5, 1.5] }] })).toEqual([
      { path: 'experiment.factors[0].levels[1]', message: 'must be below 1' },
    ]);
    expect(problems({ ...base, factors: [{ setting: 'learningRate', levels: [-0.1] }] })).toEqual([
      { path: 'experiment.factors[0].levels[0]', message: 'must be zero or more' },
    ]);
    expect(problems({ ...base, factors: [{ setting: 'rule', levels: ['hebb'] }] })[0].path).toBe('experiment.factors[0].levels[0]');
  });

  it('refuses a factor that resizes a layer the patterns must fit, or names no layer', () => {
    expect(problems({ ...base, factors: [{ setting: 'units', layer: 'output', levels: [1, 2] }] })).toEqual([
      { path: 'experiment.factors[0].levels[1]', message: 'resizes the output layer "output" to 2 units, but the patterns\' targets have 1 values: only hidden layers can be resized' },
    ]);
    expect(problems({ ...base, factors: [{ setting: 'units', layer: 'hiden', levels: [3] }] })).toEqual([
      { path: 'experiment.factors[0].layer', message: 'is "hiden", which names no layer (the layers are "input", "hidden", "output")' },
    ]);
  });

  it('refuses more than 100,000 runs, listed factors of unequal length, and conditions whose model is invalid', () => {
    expect(problems({ ...base, replications: 50_001, factors: [{ setting: 'momentum', levels: [0, 0.5] }] })).toEqual([
      { path: 'experiment', message: 'asks for 100,002 runs (conditions × replications); at most 100,000 are allowed' },
    ]);
    expect(problems({ ...base, design: 'listed', factors: [{ setting: 'momentum', levels: [0, 0.5] }, { setting: 'learningRate', levels: [1] }] })[0].path).toBe('experiment.factors[1].levels');
    const delta = problems({ ...base, factors: [{ setting: 'rule', levels: ['backprop', 'delta'] }] });
    expect(delta).toEqual([{ path: 'experiment.factors', message: expect.stringMatching(/^condition 1 \(rule=delta\) would give training.rule that the delta rule trains one layer/) }]);
    expect(problems({ ...base, stopAtCriterion: true, factors: [] })).toEqual([]);
  });

  it('reads a version-1 file as version 2 without an experiment, and the built-in experiments are valid', async () => {
    const text = await readFile(fileURLToPath(new URL('../../fixtures/model/xor-v1.bplab', import.meta.url)), 'utf8');
    expect(JSON.parse(text).version).toBe(1);
    const parsed = parseModelText(text);
    expect(parsed).toMatchObject({ ok: true, model: { version: MODEL_VERSION } });
    expect(parsed.ok && parsed.model.experiment).toBeUndefined();
    for (const example of experimentExamples) {
      const model = example.build();
      expect(parseModel(JSON.parse(JSON.stringify(model))), example.id).toMatchObject({ ok: true });
    }
    expect(planExperiment(experimentExamples[0].build()).total).toBe(40);
    expect(planExperiment(experimentExamples[1].build()).total).toBe(90);
  });
});
