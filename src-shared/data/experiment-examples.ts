/**
 * The built-in experiments: example models with an `experiment` section, each a classic comparison run over
 * many simulated subjects. Their networks are written out here rather than taken from examples.ts, so a
 * change to an example's defaults never silently changes what an experiment measured.
 */
import { createModel } from '../model/create';
import type { LayerSpec } from '../model/schema';
import type { ExampleInfo } from './examples';

const logistic = (kind: LayerSpec['kind'], name: string, units: number): LayerSpec => ({
  kind, name, units, activation: kind === 'input' ? 'linear' : 'logistic', bias: kind !== 'input',
});

export const experimentExamples: readonly ExampleInfo[] = [
  {
    id: 'experiment-encoder-fa',
    title: 'Experiment: backprop vs feedback alignment (8-3-8)',
    summary: 'The 8-3-8 encoder trained by backpropagation and by feedback alignment (Lillicrap et al., 2016), 20 simulated subjects each, from the same initial weights: random fixed feedback weights still teach the hidden layer, more slowly.',
    build: () => ({
      ...createModel({
        name: 'Backprop vs feedback alignment, 8-3-8 encoder',
        description: 'Each one-hot input must reappear at the output through three logistic hidden units. Condition 0 sends the deltas back through the forward weights (backprop), condition 1 through fixed random matrices (feedback alignment); replication r of both starts from seed 1 + r.',
        layers: [logistic('input', 'input', 8), logistic('hidden', 'code', 3), logistic('output', 'output', 8)],
        patterns: Array.from({ length: 8 }, (_, i) => {
          const oneHot = Array.from({ length: 8 }, (_, k) => (k === i ? 1 : 0));
          return { name: `p${i + 1}`, input: oneHot, target: oneHot };
        }),
        training: { rule: 'backprop', learningRate: 0.3, momentum: 0.9, seed: 1, maxEpochs: 3000, errorCriterion: 0.04 },
      }),
      experiment: {
        design: 'crossed',
        factors: [{ setting: 'rule', levels: ['backprop', 'feedback-alignment'] }],
        replications: 20,
        epochs: 3000,
        stopAtCriterion: false,
        record: { finalOutputs: true, finalWeights: false },
      },
    }),
  },
  {
    id: 'experiment-xor-hidden',
    title: 'Experiment: 2, 4 or 8 hidden units on XOR',
    summary: 'XOR learned with 2, 4 and 8 logistic hidden units, 30 simulated subjects each: how often and how fast it is solved — two hidden units are enough in principle, but more make a solution easier to find.',
    build: () => ({
      ...createModel({
        name: 'Hidden units on XOR',
        description: 'Exclusive or with 2, 4 and 8 logistic hidden units; replication r of each starts from seed 1 + r.',
        layers: [logistic('input', 'input', 2), logistic('hidden', 'hidden', 2), logistic('output', 'output', 1)],
        patterns: [[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => ({ name: `${a}${b}`, input: [a, b], target: [a ^ b] })),
        training: { rule: 'backprop', learningRate: 0.5, momentum: 0.9, seed: 1, maxEpochs: 2000, errorCriterion: 0.04 },
      }),
      experiment: {
        design: 'crossed',
        factors: [{ setting: 'units', layer: 'hidden', levels: [2, 4, 8] }],
        replications: 30,
        epochs: 2000,
        stopAtCriterion: false,
        record: { finalOutputs: true, finalWeights: false },
      },
    }),
  },
];
