/**
 * The lecture's serial chain: one unit a layer, input → 1 → 1 → 1 → output, all linear and without biases,
 * so o = w4 w3 w2 w1 i. Its Step through shows how the weights are coupled: each weight's change,
 * Δw_j = −λ δ_{j+1} h_j, carries through δ_{j+1} the product of every weight above it, and through h_j the
 * product of every weight below.
 */
import { createModel } from '../model/create';
import type { LayerSpec } from '../model/schema';
import type { ExampleInfo } from './example-info';

function unit(kind: LayerSpec['kind'], name: string): LayerSpec {
  return { kind, name, units: 1, activation: 'linear', bias: false };
}

export const chainExample: ExampleInfo = {
  id: 'chain',
  title: 'The deep chain',
  summary: 'o = w4 w3 w2 w1 i: four weights in series learn to halve a number. In Step through, each delta carries the product of the weights above it: small weights, vanishing gradients, a long plateau.',
  build: () => createModel({
    name: 'The deep chain',
    description: 'Input → h1 → h2 → h3 → output, one linear unit each, no biases: o = w4 w3 w2 w1 i, trained to give o = i / 2 on four inputs (full batch, squared error). With δ_4 = −(t − o) at the output, backpropagation sends δ_3 = w4 δ_4, δ_2 = w3 w4 δ_4, δ_1 = w2 w3 w4 δ_4 (science.md’s sign: ΔW = −λ δ hᵀ), and each Δw_j = −λ δ_{j+1} h_j: every weight’s step depends on all the others.',
    layers: [unit('input', 'input'), unit('hidden', 'h1'), unit('hidden', 'h2'), unit('hidden', 'h3'), unit('output', 'output')],
    patterns: [-1, -0.5, 0.5, 1].map((i) => ({ name: `i = ${i}`, input: [i], target: [i / 2] })),
    training: {
      update: 'batch', order: 'sequential', learningRate: 0.05, momentum: 0,
      init: { kind: 'uniform', range: 0.5 }, seed: 1, maxEpochs: 5000, errorCriterion: 1e-4,
    },
  }),
};
