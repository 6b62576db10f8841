/** The model document refuses combinations the engine cannot run, naming the field and what to do. */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import { parseModel } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { buildModel, randomPatterns, roundTrip } from './helpers';

const base = (): ModelDocument => buildModel({ sizes: [3, 4, 2], activation: 'logistic' }, randomPatterns(3, 2, { count: 4, seed: 1 }));

function problems(model: unknown) {
  const result = parseModel(JSON.parse(JSON.stringify(model)));
  return result.ok ? [] : result.problems;
}

describe('model rules for the engine', () => {
  it('accepts every rule, loss, update mode and initialization that fit together', () => {
    const model = base();
    for (const init of [{ kind: 'uniform', range: 1 }, { kind: 'gaussian', sd: 0.1 }, { kind: 'xavier' }, { kind: 'he' }] as const) {
      for (const update of ['online', 'batch', 'minibatch'] as const) {
        expect(problems({ ...model, training: { ...model.training, init, update, batchSize: 3, rule: 'feedback-alignment', loss: 'cross-entropy' } })).toEqual([]);
      }
    }
  });

  it('softmax only on the output layer and only with cross-entropy', () => {
    const model = base();
    model.layers[2].activation = 'softmax';
    expect(problems(model)).toContainEqual({ path: 'layers[2].activation', message: expect.stringMatching(/cross-entropy/) });
    model.training.loss = 'cross-entropy';
    expect(problems(model)).toEqual([]);
    model.layers[1].activation = 'softmax';
    expect(problems(model)).toContainEqual({ path: 'layers[1].activation', message: expect.stringMatching(/only on the output layer/) });
  });

  it('cross-entropy needs logistic or softmax outputs and targets between 0 and 1', () => {
    const model = base();
    model.training.loss = 'cross-entropy';
    model.layers[2].activation = 'tanh';
    expect(problems(model)).toContainEqual({ path: 'training.loss', message: expect.stringMatching(/logistic or softmax/) });
    model.layers[2].activation = 'logistic';
    model.patterns[1].target[0] = 1.5;
    expect(problems(model)).toContainEqual({ path: 'patterns[1].target[0]', message: expect.stringMatching(/between 0 and 1/) });
  });

  it('the delta rule trains one layer of weights', () => {
    const model = base();
    model.training.rule = 'delta';
    expect(problems(model)).toContainEqual({ path: 'training.rule', message: expect.stringMatching(/one layer of weights.*use "backprop"/) });
  });

  it('"don\'t care" targets are null, and not on softmax outputs', () => {
    const model = base();
    model.patterns[0].target[1] = null;
    expect(problems(model)).toEqual([]);
    model.layers[2].activation = 'softmax';
    model.training.loss = 'cross-entropy';
    expect(problems(model)).toContainEqual({ path: 'patterns[0].target[1]', message: expect.stringMatching(/softmax/) });
  });

  it('unit names must match the layer, test patterns must fit it', () => {
    const model = base();
    model.layers[2].unitNames = ['yes'];
    model.testPatterns = [{ name: 't', input: [1, 2], target: [0, 1] }];
    const found = problems(model);
    expect(found).toContainEqual({ path: 'layers[2].unitNames', message: 'has 1 names but the layer has 2 units' });
    expect(found).toContainEqual({ path: 'testPatterns[0].input', message: 'has 2 values but the input layer has 3 units' });
  });

  it('a saved state must fit: feedback matrices, the gradient summed so far, the test history', () => {
    const model = base();
    model.training.update = 'minibatch';
    model.training.batchSize = 3;
    model.training.rule = 'feedback-alignment';
    const simulation = new Simulation(model);
    simulation.advance(2);
    const saved = roundTrip(simulation.toModel());
    expect(saved.state!.gradientSum).not.toBeNull();
    expect(problems({ ...saved, state: { ...saved.state, gradientSum: null } })).toContainEqual({ path: 'state.gradientSum', message: expect.stringMatching(/middle of an update/) });
    expect(problems({ ...saved, state: { ...saved.state, feedback: [[[1]], []] } })).toContainEqual({ path: 'state.feedback[0]', message: expect.stringMatching(/must be \[\]/) });
    expect(problems({ ...saved, training: { ...saved.training, update: 'online' } })).toContainEqual({ path: 'state.gradientSum', message: expect.stringMatching(/must be null/) });
  });
});
