/** The benchmark's networks and data, and the engine model for each. */
import { createModel } from '../src-shared/model/create';
import type { ActivationName, LayerSpec, ModelDocument, UpdateMode } from '../src-shared/model/schema';
import { toPatternSet, type PatternSet } from '../src-shared/engine/patterns';
import type { GraphShape } from './graph-cases';
import { lcg } from './support';

export interface BenchCase {
  name: string;
  sizes: number[];
  hidden: ActivationName;
  output: ActivationName;
  update: UpdateMode;
  patternsPerUpdate: number;
  learningRate: number;
  momentum: number;
  data: PatternSet;
  patterns: ModelDocument['patterns'];
  /** What the engine must reach: a multiple of tfjs's best backend, or of tfjs-wasm. */
  goal: { times: number; of: 'best' | 'wasm' };
  /** A graph network's layers and projections (graph-cases.ts); `sizes` is then [input units, output units]. */
  graph?: GraphShape;
}

/** Weights and biases: the benchmark counts 6 floating-point operations per parameter per example. */
export function parameterCount(sizes: number[]): number {
  let count = 0;
  for (let j = 0; j + 1 < sizes.length; j++) count += sizes[j] * sizes[j + 1] + sizes[j + 1];
  return count;
}

const oneHot = (n: number, i: number) => Array.from({ length: n }, (_, k) => (k === i ? 1 : 0));

function makeCase(
  name: string, sizes: number[], patterns: ModelDocument['patterns'],
  options: Omit<BenchCase, 'name' | 'sizes' | 'data' | 'patterns'>,
): BenchCase {
  return { name, sizes, patterns, data: toPatternSet(patterns, sizes[0], sizes[sizes.length - 1]), ...options };
}

export function benchCases(): BenchCase[] {
  const xor = [[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => ({ name: `${a}${b}`, input: [a, b], target: [a ^ b] }));
  const encoder = Array.from({ length: 8 }, (_, i) => ({ name: `p${i}`, input: oneHot(8, i), target: oneHot(8, i) }));
  const rand = lcg(1);
  const items = Array.from({ length: 8 }, (_, i) => ({ name: `item ${i}`, input: oneHot(8, i), target: Array.from({ length: 32 }, () => (rand() < 0.3 ? 1 : 0)) }));
  const images = (count: number) => Array.from({ length: count }, (_, p) => ({
    name: `image ${p}`, input: Array.from({ length: 784 }, () => rand()), target: oneHot(10, Math.floor(rand() * 10)),
  }));
  const small = { hidden: 'logistic', output: 'logistic', learningRate: 0.3, momentum: 0.9 } as const;
  const large = { hidden: 'relu', output: 'softmax', learningRate: 0.001, momentum: 0.9 } as const;
  const mnistLike = images(1024);
  return [
    makeCase('XOR 2-2-1, online', [2, 2, 1], xor, { ...small, update: 'online', patternsPerUpdate: 1, goal: { times: 500, of: 'best' } }),
    makeCase('8-3-8, online', [8, 3, 8], encoder, { ...small, update: 'online', patternsPerUpdate: 1, goal: { times: 500, of: 'best' } }),
    makeCase('8-16-32, online', [8, 16, 32], items, { ...small, update: 'online', patternsPerUpdate: 1, goal: { times: 0, of: 'best' } }),
    makeCase('8-16-32 tanh, online', [8, 16, 32], items, { ...small, hidden: 'tanh', update: 'online', patternsPerUpdate: 1, goal: { times: 0, of: 'best' } }),
    makeCase('8-16-32, full batch', [8, 16, 32], items, { ...small, update: 'batch', patternsPerUpdate: 8, goal: { times: 50, of: 'best' } }),
    makeCase('784-256-10, minibatch 32', [784, 256, 10], mnistLike, { ...large, update: 'minibatch', patternsPerUpdate: 32, goal: { times: 1.1, of: 'wasm' } }),
    makeCase('784-1024-1024-10, minibatch 128', [784, 1024, 1024, 10], mnistLike, { ...large, update: 'minibatch', patternsPerUpdate: 128, goal: { times: 2, of: 'wasm' } }),
  ];
}

export function engineModel(c: BenchCase): ModelDocument {
  const D = c.sizes.length - 1;
  const layers: LayerSpec[] = c.sizes.map((units, j) => ({
    kind: j === 0 ? 'input' : j === D ? 'output' : 'hidden',
    name: `layer ${j}`,
    units,
    activation: j === 0 ? 'linear' : j === D ? c.output : c.hidden,
    bias: j > 0,
  }));
  return createModel({
    name: c.name, description: 'benchmark', layers, patterns: c.patterns,
    training: {
      update: c.update, batchSize: c.patternsPerUpdate, order: 'permuted', learningRate: c.learningRate, momentum: c.momentum,
      loss: c.output === 'softmax' ? 'cross-entropy' : 'squared-error',
      init: { kind: 'uniform', range: c.sizes[0] > 100 ? 0.05 : 1 }, errorCriterion: 0, maxEpochs: 1e9,
    },
  });
}
