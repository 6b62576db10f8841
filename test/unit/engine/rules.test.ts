/**
 * The learning rules and update modes, bit for bit (docs/science.md, "The learning rules" and "Updates").
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { buildModel, checked, parameters, randomPatterns, type NetSpec } from './helpers';

const threeLayers: NetSpec = { sizes: [5, 6, 4, 3], activation: ['tanh', 'logistic', 'logistic'] };

function model(spec: NetSpec, training: Partial<ModelDocument['training']> = {}, count = 10): ModelDocument {
  const patterns = randomPatterns(spec.sizes[0], spec.sizes.at(-1)!, { count, seed: 3, targets: 'binary' });
  return checked(buildModel(spec, patterns, { learningRate: 0.3, momentum: 0.8, seed: 11, ...training }));
}

describe('the delta rule', () => {
  for (const activation of ['linear', 'logistic'] as const) {
    it(`equals backpropagation on one layer, bit for bit, and ΔW = λ e ⊙ f'(n) iᵀ written out by hand (${activation})`, () => {
      const spec: NetSpec = { sizes: [6, 4], activation };
      const base = model(spec, { order: 'sequential', learningRate: activation === 'linear' ? 0.02 : 0.5 });
      const delta = new Simulation({ ...base, training: { ...base.training, rule: 'delta' } });
      const backprop = new Simulation({ ...base, training: { ...base.training, rule: 'backprop' } });
      // By hand, from the same initial weights: the textbook delta rule with momentum.
      const W = Float64Array.from(delta.network.weights[0]);
      const b = Float64Array.from(delta.network.biases[0]);
      const dW = new Float64Array(W.length);
      const db = new Float64Array(b.length);
      const { learningRate: lr, momentum: alpha } = base.training;
      const epochs = 30;
      for (let epoch = 0; epoch < epochs; epoch++) {
        for (const pattern of base.patterns) {
          const i = pattern.input;
          for (let k = 0; k < 4; k++) {
            let n = b[k];
            for (let c = 0; c < 6; c++) n += W[k * 6 + c] * i[c];
            const o = activation === 'linear' ? n : 1 / (1 + Math.exp(-n));
            const fPrime = activation === 'linear' ? 1 : o * (1 - o);
            const e = pattern.target[k]! - o;
            for (let c = 0; c < 6; c++) {
              dW[k * 6 + c] = alpha * dW[k * 6 + c] + lr * ((e * fPrime) * i[c]);
              W[k * 6 + c] += dW[k * 6 + c];
            }
            db[k] = alpha * db[k] + lr * (e * fPrime);
            b[k] += db[k];
          }
        }
      }
      delta.advance(Number.MAX_SAFE_INTEGER, epochs);
      backprop.advance(Number.MAX_SAFE_INTEGER, epochs);
      expect(delta.state()).toEqual(backprop.state());
      expect(Array.from(delta.network.weights[0])).toEqual(Array.from(W));
      expect(Array.from(delta.network.biases[0])).toEqual(Array.from(b));
    });
  }
});

describe('feedback alignment', () => {
  /** A feedback-alignment run whose F starts equal to the backprop run's W. */
  function withFeedbackEqualToWeights(base: ModelDocument): { backprop: Simulation; alignment: Simulation } {
    const backprop = new Simulation(base);
    const state = backprop.state();
    const alignment = new Simulation({
      ...base,
      training: { ...base.training, rule: 'feedback-alignment' },
      state: { ...state, feedback: state.weights.map((W, j) => (j === 0 ? [] : W)) },
    });
    return { backprop, alignment };
  }

  for (const update of ['online', 'batch', 'minibatch'] as const) {
    it(`one update from F = W equals one backprop update, bit for bit (${update})`, () => {
      const base = model(threeLayers, { update, batchSize: 4 });
      const { backprop, alignment } = withFeedbackEqualToWeights(base);
      const patternsPerUpdate = backprop.updateSize;
      backprop.advance(patternsPerUpdate);
      alignment.advance(patternsPerUpdate);
      expect(parameters(alignment)).toEqual(parameters(backprop));
      // Then W has moved and F has not: the next update differs.
      backprop.advance(patternsPerUpdate);
      alignment.advance(patternsPerUpdate);
      expect(parameters(alignment)).not.toEqual(parameters(backprop));
    });
  }

  it('draws F once from its own stream, saves it, and never changes it', () => {
    const base = model(threeLayers, { rule: 'feedback-alignment' });
    const simulation = new Simulation(base);
    const F = simulation.state().feedback!;
    expect(F[0]).toEqual([]);
    expect(F[1]).toHaveLength(4);
    expect(F[1][0]).toHaveLength(6);
    simulation.advance(Number.MAX_SAFE_INTEGER, 50);
    expect(simulation.state().feedback).toEqual(F);
    expect(F[1]).not.toEqual(simulation.state().weights[1]);
    // Not the initial weights either: F has its own stream.
    expect(F[1]).not.toEqual(new Simulation(base).state().weights[1]);
    simulation.reset();
    expect(simulation.state().feedback).toEqual(F);
  });

  it('learns XOR-like problems too (the hidden layer follows F)', () => {
    const xor = checked(buildModel({ sizes: [2, 8, 1], activation: 'logistic' },
      [[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => ({ name: `${a}${b}`, input: [a, b], target: [a ^ b] })),
      { rule: 'feedback-alignment', learningRate: 0.5, momentum: 0.9, seed: 2, errorCriterion: 0.05, maxEpochs: 20000 }));
    const outcome = new Simulation(xor).advance(Number.MAX_SAFE_INTEGER);
    expect(outcome.stop).toBe('criterion');
  });
});

describe('update modes', () => {
  it('a minibatch of one pattern equals online learning, bit for bit (the block kernels against the single-pattern path)', () => {
    const training = { order: 'permuted' as const, weightDecay: 0.01 };
    const online = new Simulation(model(threeLayers, { ...training, update: 'online' }));
    const minibatch = new Simulation(model(threeLayers, { ...training, update: 'minibatch', batchSize: 1 }));
    online.advance(Number.MAX_SAFE_INTEGER, 40);
    minibatch.advance(Number.MAX_SAFE_INTEGER, 40);
    expect(minibatch.state()).toEqual(online.state());
  });

  it('full batch sums the gradient over all patterns (λ per pattern) and updates once per epoch', () => {
    // Sequential order: the summed gradient adds the patterns in that order too, so the bits must agree.
    const base = model(threeLayers, { update: 'batch', order: 'sequential', momentum: 0.5, weightDecay: 0.02 }, 300);
    const simulation = new Simulation(base);
    const before = Float64Array.from(simulation.network.params);
    const g = simulation.summedGradient();
    simulation.advance(299);
    expect(parameters(simulation)).toEqual(Array.from(before)); // 299 of 300 patterns: no update yet
    simulation.advance(1);
    // ΔW = α·0 − λ (g + κ W) for weights, −λ g_b for biases, written out from the summed gradient.
    const { learningRate: lr, momentum: alpha, weightDecay: decay } = base.training;
    const expected: number[] = [];
    const net = simulation.network;
    let offset = 0;
    for (let j = 0; j < net.depth; j++) {
      for (let i = 0; i < g.weights[j].length; i++) {
        const w = before[offset++];
        expected.push(w + (alpha * 0 - lr * (g.weights[j][i] + decay * w)));
      }
      for (let i = 0; i < g.biases[j].length; i++) expected.push(before[offset++] + (alpha * 0 - lr * g.biases[j][i]));
    }
    expect(parameters(simulation)).toEqual(expected);
  });

  it('minibatches of m patterns update every m patterns and at the end of the epoch', () => {
    const simulation = new Simulation(model(threeLayers, { update: 'minibatch', batchSize: 4 }));
    const snapshots: number[][] = [parameters(simulation)];
    for (let p = 0; p < 10; p++) {
      simulation.advance(1);
      snapshots.push(parameters(simulation));
    }
    const changedAt = snapshots.slice(1).map((s, p) => (s.some((v, i) => v !== snapshots[p][i]) ? p + 1 : 0)).filter(Boolean);
    expect(changedAt).toEqual([4, 8, 10]);
  });

  it('momentum: ΔW(t) = −λ g + α ΔW(t−1), and the saved momentum terms are the last changes', () => {
    const simulation = new Simulation(model(threeLayers, { update: 'batch', order: 'sequential', momentum: 0.9 }));
    const n = simulation.patternCount;
    simulation.advance(n);
    const previousChange = simulation.state().weightMomentum[0][0][0];
    const w = simulation.state().weights[0][0][0];
    const g = simulation.summedGradient().weights[0][0];
    simulation.advance(n);
    const change = 0.9 * previousChange - 0.3 * g;
    expect(simulation.state().weightMomentum[0][0][0]).toBe(change);
    expect(simulation.state().weights[0][0][0]).toBe(w + change);
  });
});

describe('frozen layers (learn: false)', () => {
  it('keep their weights and biases while the layers around them learn, deltas still flowing through them', () => {
    const frozenMiddle = model({ ...threeLayers, learn: [true, false, true] });
    const simulation = new Simulation(frozenMiddle);
    const before = simulation.state();
    simulation.advance(Number.MAX_SAFE_INTEGER, 20);
    const after = simulation.state();
    expect(after.weights[1]).toEqual(before.weights[1]);
    expect(after.biases[1]).toEqual(before.biases[1]);
    expect(after.weights[0]).not.toEqual(before.weights[0]);
    expect(after.weights[2]).not.toEqual(before.weights[2]);
  });

  it('do not change the updates of the layers that learn: the first update of the top layer is as with every layer learning', () => {
    const training = { update: 'batch' as const };
    const frozen = new Simulation(model({ ...threeLayers, learn: [false, false, true] }, training));
    const all = new Simulation(model(threeLayers, training));
    frozen.advance(frozen.patternCount);
    all.advance(all.patternCount);
    expect(frozen.state().weights[2]).toEqual(all.state().weights[2]);
    expect(frozen.state().weights[0]).not.toEqual(all.state().weights[0]);
  });
});

describe('"don\'t care" targets', () => {
  it('contribute no error, no delta, and no weight change', () => {
    const spec: NetSpec = { sizes: [4, 5, 3], activation: 'logistic' };
    const patterns = randomPatterns(4, 3, { count: 6, seed: 9, targets: 'binary' }).map((p) => ({ ...p, target: [p.target[0], null, p.target[2]] }));
    const simulation = new Simulation(checked(buildModel(spec, patterns, { momentum: 0 })));
    const inspection = simulation.inspect(0);
    expect(inspection.error[1]).toBeNull();
    expect(inspection.layers[2].delta![1]).toBe(0);
    const o = inspection.output;
    expect(inspection.pss).toBe((patterns[0].target[0]! - o[0]) ** 2 + (patterns[0].target[2]! - o[2]) ** 2);
    const before = simulation.state().weights[1][1];
    simulation.advance(Number.MAX_SAFE_INTEGER, 10);
    // The incoming weights and bias of the output that never has a target stay where they were.
    expect(simulation.state().weights[1][1]).toEqual(before);
    expect(simulation.testPass().patterns[0].target[1]).toBeNull();
  });
});
