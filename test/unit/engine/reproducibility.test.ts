/**
 * Reproducibility (docs/science.md, "Initialization and reproducibility"): one seed fixes a run; save → load →
 * continue equals training straight through, bit for bit, wherever the run was paused; reset restores the
 * same initial weights; changing the order or the rule does not change them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { ModelDocument, TrainingSettings } from '../../../src-shared/model/schema';
import { buildModel, checked, parameters, randomPatterns, roundTrip, type NetSpec } from './helpers';

const spec: NetSpec = { sizes: [5, 7, 4, 3], activation: ['relu', 'tanh', 'logistic'] };

function model(training: Partial<TrainingSettings> = {}, withTestSet = false): ModelDocument {
  const patterns = randomPatterns(5, 3, { count: 11, seed: 21, targets: 'binary', dontCare: 0.1 });
  const m = buildModel(spec, patterns, { learningRate: 0.2, momentum: 0.7, seed: 5, ...training });
  if (withTestSet) m.testPatterns = randomPatterns(5, 3, { count: 4, seed: 22, targets: 'binary' });
  return checked(m);
}

const variants: [string, Partial<TrainingSettings>][] = [
  ['online, permuted', { update: 'online' }],
  ['full batch, sequential', { update: 'batch', order: 'sequential' }],
  ['minibatch of 4, weight decay', { update: 'minibatch', batchSize: 4, weightDecay: 0.01 }],
  ['feedback alignment, minibatch of 3', { rule: 'feedback-alignment', update: 'minibatch', batchSize: 3 }],
  ['cross-entropy, Gaussian initial weights', { loss: 'cross-entropy', init: { kind: 'gaussian', sd: 0.3 } }],
];

describe('the same model and seed give the same run, bit for bit', () => {
  for (const [name, training] of variants) {
    it(name, () => {
      const a = new Simulation(model(training, true));
      const b = new Simulation(model(training, true));
      a.advance(Number.MAX_SAFE_INTEGER, 60);
      b.advance(Number.MAX_SAFE_INTEGER, 60);
      expect(a.state()).toEqual(b.state());
      expect(a.tssHistory).toHaveLength(60);
      expect(a.testTssHistory).toHaveLength(60);
    });
  }
});

describe('save → load → continue equals training straight through', () => {
  for (const [name, training] of variants) {
    it(`${name}: 100 epochs, save, load, 100 more = 200 straight; also saved mid-epoch and mid-update`, () => {
      const straight = new Simulation(model(training, true));
      straight.advance(Number.MAX_SAFE_INTEGER, 200);

      const first = new Simulation(model(training, true));
      first.advance(Number.MAX_SAFE_INTEGER, 100);
      const second = new Simulation(roundTrip(first.toModel()));
      second.advance(Number.MAX_SAFE_INTEGER, 200);
      expect(second.state()).toEqual(straight.state());

      // Paused 7 patterns into epoch 101, in the middle of an update: the gradient summed so far is saved.
      const paused = new Simulation(model(training, true));
      paused.advance(Number.MAX_SAFE_INTEGER, 100);
      paused.advance(7);
      const saved = roundTrip(paused.toModel());
      expect(saved.state!.cursor!.position).toBe(7);
      if (training.update === 'minibatch' || training.update === 'batch') expect(saved.state!.gradientSum).not.toBeNull();
      const resumed = new Simulation(saved);
      expect(resumed.patternsIntoEpoch).toBe(7);
      resumed.advance(Number.MAX_SAFE_INTEGER, 200);
      expect(resumed.state()).toEqual(straight.state());
    });
  }
});

describe('however the work is sliced into advance() calls, the run is the same', () => {
  for (const [name, training] of variants) {
    it(name, () => {
      const whole = new Simulation(model(training));
      whole.advance(Number.MAX_SAFE_INTEGER, 25);
      const expected = whole.state();
      fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 20 }), (budgets) => {
        const sliced = new Simulation(model(training));
        for (let i = 0; sliced.epoch < 25; i++) sliced.advance(budgets[i % budgets.length], 25);
        expect(sliced.state()).toEqual(expected);
      }), { numRuns: 25 });
    });
  }
});

describe('initial weights', () => {
  it('reset restores exactly the same initial weights, momentum, order stream and epoch', () => {
    const simulation = new Simulation(model({ rule: 'feedback-alignment' }));
    const initial = simulation.state();
    simulation.advance(Number.MAX_SAFE_INTEGER, 30);
    simulation.advance(5);
    simulation.reset();
    expect(simulation.state()).toEqual(initial);
  });

  it('do not depend on the pattern order, the rule, the update mode, the loss or the learning rate', () => {
    const reference = parameters(new Simulation(model()));
    const changes: Partial<TrainingSettings>[] = [
      { order: 'sequential' }, { rule: 'feedback-alignment' }, { update: 'batch' }, { update: 'minibatch', batchSize: 2 },
      { loss: 'cross-entropy' }, { learningRate: 0.01, momentum: 0, weightDecay: 0.1 },
    ];
    for (const change of changes) expect(parameters(new Simulation(model(change)))).toEqual(reference);
  });

  it('a new seed or initialization means new weights; configure says so by resetting', () => {
    const simulation = new Simulation(model());
    const first = parameters(simulation);
    simulation.advance(Number.MAX_SAFE_INTEGER, 3);
    expect(simulation.configure({ learningRate: 0.1 })).toBe(false);
    expect(simulation.epoch).toBe(3);
    expect(simulation.configure({ seed: 6 })).toBe(true);
    expect(simulation.epoch).toBe(0);
    expect(parameters(simulation)).not.toEqual(first);
    expect(simulation.configure({ seed: 5 })).toBe(true);
    expect(parameters(simulation)).toEqual(first);
    expect(simulation.configure({ init: { kind: 'xavier' } })).toBe(true);
    expect(parameters(simulation)).not.toEqual(first);
  });

  it('follow each initialization’s distribution: uniform range r, Gaussian σ, Xavier/Glorot, He', () => {
    const big = (init: TrainingSettings['init']) => new Simulation(checked(buildModel({ sizes: [200, 300, 2], activation: 'relu' },
      randomPatterns(200, 2, { count: 1, seed: 1 }), { init })));
    const stats = (values: Float64Array) => {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
      return { mean, sd, max: Math.max(...values.map(Math.abs)) };
    };
    const uniform = stats(big({ kind: 'uniform', range: 0.6 }).network.weights[0]);
    expect(uniform.max).toBeLessThanOrEqual(0.3);
    expect(uniform.sd).toBeCloseTo(0.6 / Math.sqrt(12), 2);
    const gaussian = big({ kind: 'gaussian', sd: 0.05 });
    expect(stats(gaussian.network.weights[0]).sd).toBeCloseTo(0.05, 2);
    expect(stats(gaussian.network.biases[0]).sd).toBeGreaterThan(0.03);
    const xavier = big({ kind: 'xavier' });
    const limit = Math.sqrt(6 / (200 + 300));
    expect(stats(xavier.network.weights[0]).max).toBeLessThanOrEqual(limit);
    expect(stats(xavier.network.weights[0]).sd).toBeCloseTo(limit / Math.sqrt(3), 2);
    expect(xavier.network.biases[0].every((b) => b === 0)).toBe(true);
    const he = big({ kind: 'he' });
    expect(stats(he.network.weights[0]).sd).toBeCloseTo(Math.sqrt(2 / 200), 2);
    expect(he.network.biases[0].every((b) => b === 0)).toBe(true);
  });
});

describe('changing how updates are grouped in the middle of one', () => {
  it('applies what was summed so far, then continues reproducibly', () => {
    const run = () => {
      const simulation = new Simulation(model({ update: 'minibatch', batchSize: 4 }));
      simulation.advance(Number.MAX_SAFE_INTEGER, 2);
      simulation.advance(2);
      const before = parameters(simulation);
      simulation.configure({ update: 'online' });
      expect(parameters(simulation)).not.toEqual(before);
      expect(simulation.state().gradientSum).toBeNull();
      simulation.advance(Number.MAX_SAFE_INTEGER, 10);
      return simulation.state();
    };
    expect(run()).toEqual(run());
    const saved = roundTrip(new Simulation(model({ update: 'minibatch', batchSize: 4 })).toModel());
    expect(saved.state!.gradientSum).toBeNull();
  });
});

describe('settings changed during a run', () => {
  it('are recorded where they took effect, saved with the run, and cleared by reset', () => {
    const simulation = new Simulation(model());
    simulation.configure({ learningRate: 0.3 });
    expect(simulation.settingChanges).toEqual([]);
    simulation.advance(Number.MAX_SAFE_INTEGER, 10);
    simulation.advance(3);
    simulation.configure({ learningRate: 0.05, momentum: 0.7 });
    simulation.configure({ momentum: 0.5 });
    expect(simulation.settingChanges).toEqual([
      { epoch: 10, pattern: 3, changes: { learningRate: 0.05 } },
      { epoch: 10, pattern: 3, changes: { momentum: 0.5 } },
    ]);
    const reloaded = new Simulation(roundTrip(simulation.toModel()));
    expect(reloaded.settingChanges).toEqual(simulation.settingChanges);
    reloaded.reset();
    expect(reloaded.state().settingChanges).toBeUndefined();
  });
});
