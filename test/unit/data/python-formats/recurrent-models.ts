/**
 * Recurrent networks for the Python-format exports: the gallery's temporal XOR (Elman, BPTT, initial
 * context 0.5, one stream) and letter task (six features, 20 hidden units), each short and trained a
 * little, and a network with sequences marked by resets, two input and two output layers, an Elman context
 * (initial 0) and a Jordan context copied from a softmax output (initial 0.25), tanh hidden units and a test
 * set of its own sequences.
 */
import { letterTask, temporalXor } from '../../../../src-shared/data/recurrent-examples';
import { createModel } from '../../../../src-shared/model/create';
import type { ModelDocument } from '../../../../src-shared/model/schema';
import { valid } from '../models';
import { trainedFor } from './graph-models';

export const shortTemporalXor = () => trainedFor(valid(temporalXor(60)), 3);
export const shortLetters = () => trainedFor(valid(letterTask(12)), 2);

export function elmanJordan(): ModelDocument {
  const event = (name: string, input: number[], target: number[], reset?: true) => ({ name, input, target, ...(reset ? { reset } : {}) });
  const model = createModel({
    name: 'Elman and Jordan',
    description: '',
    layers: [
      { kind: 'input', name: 'cue', units: 2, activation: 'linear', bias: false },
      { kind: 'input', name: 'word', units: 3, activation: 'linear', bias: false },
      { kind: 'hidden', name: 'state', units: 3, activation: 'tanh', bias: true },
      { kind: 'hidden', name: 'memory', units: 3, activation: 'linear', bias: false },
      { kind: 'hidden', name: 'echo', units: 2, activation: 'linear', bias: false },
      { kind: 'output', name: 'guess', units: 2, activation: 'softmax', bias: true },
      { kind: 'output', name: 'rating', units: 1, activation: 'logistic', bias: true },
    ],
    projections: [
      { from: 2, to: 5 },
      { from: 0, to: 2 },
      { from: 1, to: 2 },
      { from: 3, to: 2 },
      { from: 4, to: 5 },
      { from: 2, to: 6 },
    ],
    links: [
      { kind: 'copy', from: 2, to: 3, delay: 1 },
      { kind: 'copy', from: 5, to: 4, delay: 1, initial: 0.25 },
    ],
    patterns: [
      event('a1', [1, 0, 1, 0, 0], [1, 0, 0.5]),
      event('a2', [0, 1, 0, 1, 0], [0, 1, 1]),
      event('a3', [1, 1, 0, 0, 1], [1, 0, 0]),
      event('b1', [0, 1, 0, 0, 1], [0, 1, 0], true),
      event('b2', [1, 0, 1, 1, 0], [1, 0, 0.25]),
      event('c1', [0.5, 0.5, 0, 1, 1], [0, 1, 1], true),
      event('c2', [1, 0, 0, 0, 0], [1, 0, 0.75]),
      event('c3', [0, 0, 1, 1, 1], [0, 1, 0]),
    ],
    testPatterns: [
      event('t1', [1, 0, 0, 1, 0], [1, 0, 1]),
      event('t2', [0, 1, 1, 0, 0], [0, 1, 0]),
      event('u1', [1, 1, 1, 1, 1], [1, 0, 0.5], true),
      event('u2', [0, 0, 0, 0, 1], [0, 1, 0]),
    ],
    training: { loss: 'cross-entropy', learningRate: 0.2, momentum: 0.5, init: { kind: 'uniform', range: 1.5 }, seed: 3, order: 'permuted' },
  });
  return trainedFor(valid(model), 20);
}
