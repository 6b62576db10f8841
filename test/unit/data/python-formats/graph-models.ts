/**
 * Graph networks for the Python-format exports: the gallery's 2-1-1 XOR (a skip) and Rumelhart network
 * (two input layers), each trained a little on the graph engine, and a network with two input and two
 * output layers, skips, an output feeding another output, tanh, ReLU, logistic and softmax units, a layer without a bias,
 * projections listed out of the topological order, and a test set.
 */
import { createRun } from '../../../../src-shared/engine/training-run';
import { graphExamples } from '../../../../src-shared/data/examples';
import { createModel } from '../../../../src-shared/model/create';
import type { ModelDocument } from '../../../../src-shared/model/schema';
import { valid } from '../models';

/** `model` after `epochs` epochs of its own training settings (fewer if it meets its criterion first). */
export function trainedFor(model: ModelDocument, epochs: number): ModelDocument {
  const run = createRun(model);
  run.advance(Number.POSITIVE_INFINITY, epochs);
  return valid(run.toModel());
}

const example = (id: string) => graphExamples.find((e) => e.id === id)!.build();

export const graphXor = () => trainedFor(example('xor-2-1-1'), 30);
export const rumelhartGraph = () => trainedFor(example('rumelhart-graph'), 5);

/** Two input layers, two output layers; untrained it exports its seed's weights, so it is trained a little. */
export function twoHeads(): ModelDocument {
  const model = createModel({
    name: 'two heads',
    description: '',
    layers: [
      { kind: 'input', name: 'cue', units: 2, activation: 'linear', bias: false },
      { kind: 'input', name: 'context', units: 3, activation: 'linear', bias: false },
      { kind: 'hidden', name: 'shared', units: 4, activation: 'tanh', bias: true },
      { kind: 'hidden', name: 'gate', units: 2, activation: 'relu', bias: false },
      { kind: 'output', name: 'category', units: 3, activation: 'softmax', bias: true },
      { kind: 'output', name: 'rating', units: 2, activation: 'logistic', bias: true },
    ],
    projections: [
      { from: 2, to: 4 },
      { from: 0, to: 2 },
      { from: 1, to: 2 },
      { from: 1, to: 3 },
      { from: 0, to: 4 },
      { from: 2, to: 5 },
      { from: 3, to: 5 },
      { from: 5, to: 4 },
    ],
    patterns: [
      { name: 'a', input: [1, 0, 0.5, 0, 1], target: [1, 0, 0, 0.5, 0] },
      { name: 'b', input: [0, 1, -0.5, 1, 0], target: [0, 1, 0, 1, 0.25] },
      { name: 'c', input: [0.25, 0.75, 2, -1, 0.5], target: [0, 0, 1, 0, 1] },
    ],
    testPatterns: [{ name: 't', input: [0.3, -0.2, 1, 0, 0], target: [0, 1, 0, 0, 0] }],
    training: { loss: 'cross-entropy', learningRate: 0.05, momentum: 0.5, init: { kind: 'uniform', range: 2 }, seed: 7 },
  });
  return trainedFor(valid(model), 4);
}
