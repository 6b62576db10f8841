/** Models for the Python-format exports: XOR by hand, and a deeper net whose names need work and which has test patterns. */
import { createModel } from '../../../../src-shared/model/create';
import type { ModelDocument } from '../../../../src-shared/model/schema';
import { trainedXor, valid } from '../models';

export { trainedXor };

/**
 * Four layers named so identifiers must be made (spaces, a leading digit, a clash), every activation the
 * engine has, test patterns, one layer without a bias, and no saved weights: its seed's initial weights.
 */
export function awkwardNet(): ModelDocument {
  const model = createModel({
    name: 'awkward net',
    description: '',
    layers: [
      { kind: 'input', name: '2 inputs', units: 3, activation: 'linear', bias: false },
      { kind: 'hidden', name: 'hidden layer', units: 4, activation: 'tanh', bias: true },
      { kind: 'hidden', name: 'hidden layer', units: 3, activation: 'relu', bias: false },
      { kind: 'output', name: 'out', units: 2, activation: 'softmax', bias: true },
    ],
    patterns: [
      { name: 'a', input: [1, 0, 0.5], target: [1, 0] },
      { name: 'b', input: [0, 1, -0.5], target: [0, 1] },
      { name: 'c', input: [0.25, 0.75, 2], target: [0.5, 0.5] },
    ],
  });
  model.training = { ...model.training, loss: 'cross-entropy', init: { kind: 'uniform', range: 2 }, seed: 7 };
  model.testPatterns = [{ name: 't', input: [0.3, -0.2, 1], target: [0, 1] }];
  return valid(model);
}

/** A two-layer linear-then-logistic net with trained-looking weights and a test-set curve. */
export function linearLogistic(): ModelDocument {
  const model = trainedXor();
  model.layers[1] = { ...model.layers[1], activation: 'linear' };
  model.testPatterns = [{ name: 'x', input: [0.5, 0.5], target: [1] }];
  model.state = { ...model.state!, testTssHistory: [0.9, 0.8, 0.7] };
  return valid(model);
}
