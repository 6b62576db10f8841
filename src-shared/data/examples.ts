/** The built-in example models: the classic first networks of the PDP tradition. */
import { createModel } from '../model/create';
import type { LayerSpec, ModelDocument, Pattern } from '../model/schema';

export interface ExampleInfo {
  id: string;
  title: string;
  /** One paragraph on what it teaches. */
  summary: string;
  build(): ModelDocument;
}

function layer(kind: LayerSpec['kind'], name: string, units: number, activation: LayerSpec['activation'] = 'logistic'): LayerSpec {
  return { kind, name, units, activation, bias: kind !== 'input' };
}

function truthTable(fn: (a: number, b: number) => number): Pattern[] {
  return [[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => ({ name: `${a}${b}`, input: [a, b], target: [fn(a, b)] }));
}

function oneHot(size: number, index: number): number[] {
  return Array.from({ length: size }, (_, i) => (i === index ? 1 : 0));
}

export const examples: readonly ExampleInfo[] = [
  {
    id: 'xor',
    title: 'XOR',
    summary: 'Exclusive or: no single layer can learn it. Two logistic hidden units and backpropagation solve it — the problem that made hidden layers necessary.',
    build: () => createModel({
      name: 'XOR',
      description: 'Exclusive or with two hidden units (2-2-1, logistic).',
      layers: [layer('input', 'input', 2), layer('hidden', 'hidden', 2), layer('output', 'output', 1)],
      patterns: truthTable((a, b) => a ^ b),
      training: { learningRate: 0.5, momentum: 0.9, seed: 1, maxEpochs: 5000, errorCriterion: 0.04 },
    }),
  },
  {
    id: 'encoder-8-3-8',
    title: '8-3-8 encoder',
    summary: 'Eight one-hot patterns squeezed through three hidden units and reproduced: the hidden layer discovers a binary code.',
    build: () => createModel({
      name: '8-3-8 encoder',
      description: 'Auto-encoder: each one-hot input must reappear at the output through three hidden units.',
      layers: [layer('input', 'input', 8), layer('hidden', 'code', 3), layer('output', 'output', 8)],
      patterns: Array.from({ length: 8 }, (_, i) => ({ name: `p${i + 1}`, input: oneHot(8, i), target: oneHot(8, i) })),
      training: { learningRate: 0.3, momentum: 0.9, seed: 1, maxEpochs: 10000, errorCriterion: 0.04 },
    }),
  },
  {
    id: 'and',
    title: 'AND',
    summary: 'Logical and: linearly separable, so a single layer of weights (no hidden units) learns it.',
    build: () => createModel({
      name: 'AND',
      description: 'Logical and with one weight layer (2-1, logistic).',
      layers: [layer('input', 'input', 2), layer('output', 'output', 1)],
      patterns: truthTable((a, b) => a & b),
      training: { learningRate: 0.5, momentum: 0.9, seed: 1, maxEpochs: 5000, errorCriterion: 0.04 },
    }),
  },
  {
    id: 'or',
    title: 'OR',
    summary: 'Logical or: linearly separable, learned by one layer of weights.',
    build: () => createModel({
      name: 'OR',
      description: 'Logical or with one weight layer (2-1, logistic).',
      layers: [layer('input', 'input', 2), layer('output', 'output', 1)],
      patterns: truthTable((a, b) => a | b),
      training: { learningRate: 0.5, momentum: 0.9, seed: 1, maxEpochs: 5000, errorCriterion: 0.04 },
    }),
  },
];

export function findExample(id: string): ExampleInfo | undefined {
  return examples.find((example) => example.id === id);
}
