/**
 * Nothing a run reaches is something a file cannot hold: initial weights within the weight bound, setting
 * changes within the settings' bounds, and a run that overflows (weights, a pattern's error or the tss)
 * stopped with a message saying which, its state still one the loader accepts.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import { parseModel } from '../../../src-shared/model/parse';
import { MAX_WEIGHT_MAGNITUDE, type ModelDocument } from '../../../src-shared/model/schema';
import { buildModel, checked, randomPatterns } from './helpers';

function loads(model: ModelDocument): boolean {
  const parsed = parseModel(JSON.parse(JSON.stringify(model)));
  if (!parsed.ok) console.error(parsed.problems.slice(0, 3));
  return parsed.ok;
}

const xorPatterns = [[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => ({ name: `${a}${b}`, input: [a, b], target: [a ^ b] }));

describe('initial weights', () => {
  it('refuses an initial range or sd that would draw weights past the weight bound', () => {
    const refusedAt = (init: unknown) => {
      const model = JSON.parse(JSON.stringify(buildModel({ sizes: [2, 3, 1], activation: 'logistic' }, xorPatterns)));
      model.training.init = init;
      const parsed = parseModel(model);
      return parsed.ok ? [] : parsed.problems.map((p) => p.path);
    };
    expect(refusedAt({ kind: 'uniform', range: 1e308 })).toContain('training.init.range');
    expect(refusedAt({ kind: 'uniform', range: 2.000001e12 })).toContain('training.init.range');
    expect(refusedAt({ kind: 'gaussian', sd: 1e12 })).toContain('training.init.sd');
    expect(refusedAt({ kind: 'uniform', range: 2e12 })).toEqual([]);
    expect(refusedAt({ kind: 'gaussian', sd: 1e11 })).toEqual([]);
  });

  it('draws weights within the bound at the largest range and sd allowed, and the state saves', () => {
    for (const init of [{ kind: 'uniform', range: 2e12 }, { kind: 'gaussian', sd: 1e11 }] as const) {
      const model = checked(buildModel({ sizes: [8, 64, 8], activation: 'tanh' }, randomPatterns(8, 8, { count: 4, seed: 1 }), { init, rule: 'feedback-alignment' }));
      const simulation = new Simulation(model);
      expect(simulation.network.params.every((w) => Math.abs(w) <= MAX_WEIGHT_MAGNITUDE)).toBe(true);
      expect(loads(simulation.toModel())).toBe(true);
      const outcome = simulation.advance(1000);
      expect(loads(simulation.toModel()), `${init.kind} after ${outcome.stop}`).toBe(true);
    }
  });
});

describe('settings changed during a run', () => {
  it('refuses a setting past its bound, naming it, and records nothing', () => {
    const simulation = new Simulation(checked(buildModel({ sizes: [2, 3, 1], activation: 'logistic' }, xorPatterns)));
    simulation.advance(10);
    expect(() => simulation.configure({ maxEpochs: 2e9 })).toThrow(/maxEpochs/);
    expect(() => simulation.configure({ learningRate: -1 })).toThrow(/learningRate/);
    expect(() => simulation.configure({ init: { kind: 'uniform', range: 1e308 } })).toThrow(/init/);
    expect(simulation.settings.maxEpochs).toBe(1e9);
    expect(simulation.settingChanges).toEqual([]);
    expect(loads(simulation.toModel())).toBe(true);
  });
});

describe('changing to batch or minibatch in the middle of an update', () => {
  it('records the update under way as a gradient sum, so the state loads and continues as the run does', () => {
    for (const change of [{ update: 'batch' }, { update: 'minibatch', batchSize: 3 }] as const) {
      const model = checked(buildModel({ sizes: [2, 3, 1], activation: 'logistic' }, [...xorPatterns, ...xorPatterns], { update: 'online', order: 'sequential' }));
      const simulation = new Simulation(model);
      simulation.advance(4 + 1);
      simulation.configure(change);
      const saved = simulation.toModel();
      expect(loads(saved), change.update).toBe(true);
      const continued = new Simulation(JSON.parse(JSON.stringify(saved)));
      simulation.advance(40);
      continued.advance(40);
      expect(continued.state()).toEqual(simulation.state());
    }
  });
});

describe('a run that overflows', () => {
  /**
   * A chain of 14 single linear units with weight 1.45e11: each pattern's output is about 1.25e154, its
   * error finite (pss ≈ 1.6e308), but two of them sum past the largest double, and nothing learns (λ = 0): only
   * the tss is not finite, the weights stay where they are.
   */
  const overflowingTss = () => {
    const sizes = Array.from({ length: 14 }, () => 1);
    const model = checked(buildModel({ sizes, activation: 'linear', bias: false },
      [{ name: 'a', input: [1e9], target: [0] }, { name: 'b', input: [-1e9], target: [0] }],
      { learningRate: 0, momentum: 0, update: 'batch' }));
    const simulation = new Simulation(model);
    for (const W of simulation.network.weights) W.fill(1.45e11);
    return simulation;
  };

  it('says the tss overflowed, not that the weights grew, and keeps a state that loads', () => {
    const simulation = overflowingTss();
    const outcome = simulation.advance(100);
    expect(outcome.stop).toBe('diverged');
    expect(outcome.message).toMatch(/tss/);
    expect(outcome.message).not.toMatch(/weights into/);
    expect(simulation.epoch).toBe(0);
    expect(loads(simulation.toModel())).toBe(true);
  });

  it('keeps a state that loads when saved in the middle of an epoch whose weights have left the bound', () => {
    const model = checked(buildModel({ sizes: [4, 6, 3], activation: 'linear' },
      randomPatterns(4, 3, { count: 5, seed: 4 }).map((p) => ({ ...p, input: p.input.map((x) => 50 * x) })),
      { learningRate: 5, momentum: 0.9, seed: 8 }));
    for (const update of ['online', 'minibatch'] as const) {
      const simulation = new Simulation({ ...model, training: { ...model.training, update, batchSize: 2 } });
      let outcome;
      let checkedStates = 0;
      do {
        outcome = simulation.advance(1);
        expect(loads(simulation.toModel()), `${update}, epoch ${simulation.epoch} pattern ${simulation.patternsIntoEpoch}`).toBe(true);
        checkedStates++;
      } while (!outcome.stop && checkedStates < 10_000);
      expect(outcome.stop).toBe('diverged');
    }
  });
});
