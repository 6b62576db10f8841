/**
 * A simulation whose block passes run in WebAssembly (wasm/block-kernels.wat) gives exactly the run the
 * TypeScript kernels give — weights, momentum terms, error curves, divergence — in every configuration the
 * kernels take part in, and in those they leave to TypeScript (weight decay, feedback alignment, other losses).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import { useWasmKernels, type KernelArena } from '../../../src-shared/engine/wasm/kernel-arena';
import type { ModelDocument, TrainingSettings } from '../../../src-shared/model/schema';
import { buildModel, checked, randomPatterns, type NetSpec } from './helpers';

function model(spec: NetSpec, training: Partial<TrainingSettings>, options: { count?: number; dontCare?: number; testSet?: boolean } = {}): ModelDocument {
  const inUnits = spec.sizes[0];
  const outUnits = spec.sizes[spec.sizes.length - 1];
  const patterns = randomPatterns(inUnits, outUnits, { count: options.count ?? 12, seed: 31, targets: 'binary', dontCare: options.dontCare });
  const m = buildModel(spec, patterns, { learningRate: 0.3, momentum: 0.8, seed: 9, update: 'batch', ...training });
  if (options.testSet) m.testPatterns = randomPatterns(inUnits, outUnits, { count: 5, seed: 32, targets: 'binary' });
  return checked(m);
}

function withTypeScriptKernels<T>(make: () => T): T {
  useWasmKernels(false);
  try {
    return make();
  } finally {
    useWasmKernels(true);
  }
}

afterEach(() => useWasmKernels(true));

const logistic: NetSpec = { sizes: [8, 16, 32], activation: 'logistic' };
const cases: [string, NetSpec, Partial<TrainingSettings>, { count?: number; dontCare?: number; testSet?: boolean }?][] = [
  ['8-16-32 logistic, full batch, squared error', logistic, {}],
  ['full batch, permuted, "don\'t care" targets, a test set', logistic, { order: 'permuted' }, { dontCare: 0.2, testSet: true }],
  ['minibatch of 5 over 12 patterns (a short last update), margin 0.2', { sizes: [5, 9, 3], activation: 'logistic' }, { update: 'minibatch', batchSize: 5, margin: 0.2 }, { count: 12 }],
  ['four weight layers, odd sizes, no biases', { sizes: [3, 7, 5, 6, 2], activation: 'logistic', bias: false }, { order: 'permuted' }, { count: 7 }],
  ['frozen first layer', { sizes: [6, 5, 4], activation: 'logistic', learn: [false, true] }, {}],
  ['weight decay (the gradient is summed, then applied)', logistic, { weightDecay: 0.01 }],
  ['feedback alignment', { sizes: [6, 8, 5, 4], activation: 'logistic' }, { rule: 'feedback-alignment' }],
  ['cross-entropy, tanh and ReLU hidden layers', { sizes: [6, 8, 7, 4], activation: ['tanh', 'relu', 'logistic'] }, { loss: 'cross-entropy', update: 'minibatch', batchSize: 4 }],
  ['online, the classic network (one step per run of patterns), a test set', logistic, { update: 'online' }, { testSet: true }],
  ['online classic 2-2-1, "don\'t care" targets, margin 0.3, no momentum, sequential', { sizes: [2, 2, 1], activation: 'logistic' },
    { update: 'online', momentum: 0, margin: 0.3, order: 'sequential' }, { count: 4, dontCare: 0.25 }],
  ['online, not classic (two hidden layers): the TypeScript step', { sizes: [4, 5, 3, 2], activation: 'logistic' }, { update: 'online' }],
];

describe('WebAssembly and TypeScript kernels give the same run bit for bit', () => {
  for (const [name, spec, training, options] of cases) {
    it(name, () => {
      const wasm = new Simulation(model(spec, training, options));
      const typescript = withTypeScriptKernels(() => new Simulation(model(spec, training, options)));
      expect(wasm.usesWasmKernels).toBe(true);
      expect(typescript.usesWasmKernels).toBe(false);
      wasm.advance(Number.MAX_SAFE_INTEGER, 150);
      typescript.advance(Number.MAX_SAFE_INTEGER, 150);
      expect(wasm.epoch).toBe(150);
      // Everything the run allocated fits what the simulation reserved (arena-layout.test.ts: exactly).
      expect((wasm as unknown as { arena: KernelArena }).arena.withinReservation).toBe(true);
      expect(wasm.state()).toEqual(typescript.state());
      expect(wasm.testTssHistory).toEqual(typescript.testTssHistory);
    });
  }

  it('a classic online run whose pss stops being finite stops at the same pattern, with the same state', () => {
    // Beyond what a valid file allows (inputs and rates are bounded): the engine must still agree with itself.
    const blowUp = () => buildModel({ sizes: [3, 4, 2], activation: 'logistic' },
      randomPatterns(3, 2, { count: 6, seed: 5, targets: 'binary' }).map((p) => ({ ...p, input: p.input.map((x) => 1e300 * x) })),
      { update: 'online', learningRate: 1e300, momentum: 0.9, seed: 9 });
    const wasm = new Simulation(blowUp());
    const typescript = withTypeScriptKernels(() => new Simulation(blowUp()));
    const a = wasm.advance(Number.MAX_SAFE_INTEGER, 50);
    const b = typescript.advance(Number.MAX_SAFE_INTEGER, 50);
    expect(a.stop).toBe('diverged');
    expect(a).toEqual(b);
    expect(wasm.state()).toEqual(typescript.state());
  });

  it('a diverging run stops at the same epoch with the same message and the same last finite weights', () => {
    const explosive = () => {
      const m = model({ sizes: [4, 6, 3], activation: ['logistic', 'linear'] }, { learningRate: 5, momentum: 0.9 });
      m.patterns = m.patterns.map((p) => ({ ...p, input: p.input.map((x) => 50 * x) }));
      return checked(m);
    };
    const wasm = new Simulation(explosive());
    const typescript = withTypeScriptKernels(() => new Simulation(explosive()));
    const a = wasm.advance(Number.MAX_SAFE_INTEGER, 10_000);
    const b = typescript.advance(Number.MAX_SAFE_INTEGER, 10_000);
    expect(a.stop).toBe('diverged');
    expect(wasm.epoch).toBeGreaterThan(0);
    expect(a).toEqual(b);
    expect(wasm.state()).toEqual(typescript.state());
  });
});

