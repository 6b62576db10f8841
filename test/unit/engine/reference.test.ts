/**
 * The engine's fast paths — the classic online step and the block passes in WebAssembly, the TypeScript
 * tiles, the sparse kernels, the general online step — end every run with exactly the bits of the
 * lecture's maths written plainly (src-shared/engine/reference/): weights, biases, momentum terms and the
 * error curve, in every rule, loss, update grouping and layer option.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ReferenceRun } from '../../../src-shared/engine/reference/train';
import { Simulation } from '../../../src-shared/engine/simulation';
import { useWasmKernels } from '../../../src-shared/engine/wasm/kernel-arena';
import type { ModelDocument, Pattern, TrainingSettings } from '../../../src-shared/model/schema';
import { buildModel, checked, randomPatterns, type NetSpec } from './helpers';

afterEach(() => useWasmKernels(true));

/** One-hot inputs, so the sparse-input kernels take the first layer (TypeScript kernels only). */
function oneHot(inUnits: number, outUnits: number, count: number): Pattern[] {
  return randomPatterns(inUnits, outUnits, { count, seed: 7, targets: 'binary' }).map((pattern, p) => ({
    ...pattern, input: pattern.input.map((_, i) => (i === p % inUnits ? 1 : 0)),
  }));
}

type Case = [string, NetSpec, Partial<TrainingSettings>, (spec: NetSpec) => Pattern[]];
const binary = (count: number, dontCare = 0) => (spec: NetSpec) =>
  randomPatterns(spec.sizes[0], spec.sizes[spec.sizes.length - 1], { count, seed: 21, targets: 'binary', dontCare });
const cases: Case[] = [
  ['XOR 2-2-1 online (the classic step)', { sizes: [2, 2, 1], activation: 'logistic' }, { update: 'online' }, binary(4)],
  ['8-3-8 online, permuted, "don\'t care" targets', { sizes: [8, 3, 8], activation: 'logistic' }, { update: 'online', order: 'permuted' }, binary(8, 0.2)],
  ['8-16-32 full batch', { sizes: [8, 16, 32], activation: 'logistic' }, { update: 'batch' }, binary(12)],
  ['minibatch of 5 over 12 (a short last update), tanh and ReLU, cross-entropy', { sizes: [5, 9, 7, 3], activation: ['tanh', 'relu', 'logistic'] },
    { update: 'minibatch', batchSize: 5, loss: 'cross-entropy', order: 'permuted' }, binary(12)],
  ['feedback alignment, batch', { sizes: [6, 8, 5, 4], activation: 'logistic' }, { update: 'batch', rule: 'feedback-alignment' }, binary(9)],
  ['feedback alignment, online', { sizes: [6, 8, 5, 4], activation: 'logistic' }, { update: 'online', rule: 'feedback-alignment' }, binary(9)],
  ['weight decay, online', { sizes: [4, 6, 3], activation: 'logistic' }, { update: 'online', weightDecay: 0.01 }, binary(7)],
  ['weight decay, minibatch of 3', { sizes: [4, 6, 3], activation: 'logistic' }, { update: 'minibatch', batchSize: 3, weightDecay: 0.01 }, binary(7)],
  ['softmax outputs, cross-entropy, minibatch of 4', { sizes: [5, 7, 4], activation: ['tanh', 'softmax'] }, { update: 'minibatch', batchSize: 4, loss: 'cross-entropy' },
    (spec) => randomPatterns(spec.sizes[0], 4, { count: 10, seed: 22, targets: 'distribution' })],
  ['frozen first layer, no biases, online', { sizes: [6, 5, 4], activation: 'logistic', bias: false, learn: [false, true] }, { update: 'online' }, binary(8)],
  ['one-hot inputs into ReLU units, full batch (the sparse kernels)', { sizes: [16, 12, 6], activation: ['relu', 'logistic'] }, { update: 'batch' },
    (spec) => oneHot(spec.sizes[0], spec.sizes[2], 16)],
  ['the delta rule: one linear layer, online', { sizes: [5, 3], activation: 'linear' }, { update: 'online', learningRate: 0.05 }, binary(6)],
];

function startOf(simulation: Simulation) {
  const net = simulation.network;
  return {
    weights: net.weights.map((W) => W.slice()),
    biases: [new Float64Array(0), ...net.biases.map((b) => b.slice())],
    feedback: simulation.settings.rule === 'feedback-alignment' ? net.weights.map((_, j) => simulation.backwardMatrix(j).slice()) : null,
  };
}

/** The reference's parameters or momentum terms laid out as the engine's: W^0, b_1, W^1, b_2, … */
function flat(weights: Float64Array[], biases: Float64Array[]): number[] {
  return weights.flatMap((W, j) => [...W, ...biases[j + 1]]);
}

for (const wasm of [true, false]) {
  describe(`${wasm ? 'WebAssembly' : 'TypeScript'} kernels against the reference, bit for bit`, () => {
    for (const [name, spec, training, patterns] of cases) {
      it(name, () => {
        useWasmKernels(wasm);
        const model: ModelDocument = checked(buildModel(spec, patterns(spec), { learningRate: 0.3, momentum: 0.8, seed: 5, ...training }));
        const simulation = new Simulation(model);
        expect(simulation.usesWasmKernels).toBe(wasm);
        const reference = new ReferenceRun(model, startOf(simulation));
        const epochs = 40;
        for (let e = 0; e < epochs; e++) reference.epoch();
        simulation.advance(Number.MAX_SAFE_INTEGER, epochs);
        expect(simulation.epoch).toBe(epochs);
        expect(Array.from(simulation.network.params)).toEqual(flat(reference.network.projections.map((p) => p.weights), reference.network.b));
        expect(Array.from(simulation.momentum)).toEqual(flat(reference.weightChange, reference.biasChange));
        expect(simulation.tssHistory).toEqual(reference.tssHistory);
      });
    }
  });
}
