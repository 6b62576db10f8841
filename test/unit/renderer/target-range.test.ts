import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import type { ActivationName } from '../../../src-shared/model/schema';
import { Simulation } from '../../../src-shared/engine/simulation';
import { activationRange, rangeSentence, targetsOutOfRange } from '../../../src-renderer/patterns/target-range';

const ACTIVATIONS: ActivationName[] = ['linear', 'logistic', 'tanh', 'relu', 'softmax'];

/** XOR with its output layer's activation and its targets replaced. */
function xorWith(activation: ActivationName, targets: Array<number | null>) {
  const model = findExample('xor')!.build();
  model.layers[2] = { ...model.layers[2], activation };
  model.patterns = model.patterns.map((pattern, p) => ({ ...pattern, target: [targets[p]] }));
  return model;
}

describe('targets outside what the output units give', () => {
  it('knows each activation’s range, and every output the engine gives lies inside it', () => {
    expect(activationRange('logistic')).toEqual({ low: 0, high: 1 });
    expect(activationRange('tanh')).toEqual({ low: -1, high: 1 });
    expect(activationRange('relu')).toEqual({ low: 0, high: Number.POSITIVE_INFINITY });
    expect(activationRange('softmax')).toEqual({ low: 0, high: 1 });
    expect(activationRange('linear')).toBeNull();
    // The engine's own outputs, from weights large enough to reach toward the limits.
    for (const activation of ACTIVATIONS) {
      const model = xorWith(activation, [0, 1, 1, 0]);
      model.training = { ...model.training, init: { kind: 'uniform', range: 20 } };
      const range = activationRange(activation) ?? { low: -Infinity, high: Infinity };
      for (let seed = 1; seed <= 20; seed++) {
        const simulation = new Simulation({ ...model, training: { ...model.training, seed } });
        for (const result of simulation.testPass().patterns) for (const output of result.output) expect(output >= range.low && output <= range.high, `${activation}: ${output}`).toBe(true);
      }
    }
  });

  it('finds 1.5 and −0.2 for logistic units, and keeps the limits 0 and 1 and don’t-cares', () => {
    expect(targetsOutOfRange(xorWith('logistic', [0, 1, 1.5, -0.2]), 'patterns')).toEqual([
      { row: 2, unit: 0, value: 1.5 },
      { row: 3, unit: 0, value: -0.2 },
    ]);
    expect(targetsOutOfRange(xorWith('logistic', [0, 1, null, 1]), 'patterns')).toEqual([]);
  });

  it('judges by the output layer’s activation: tanh, ReLU, softmax, linear', () => {
    expect(targetsOutOfRange(xorWith('tanh', [-1, 1, -1.2, 0.5]), 'patterns').map((t) => t.value)).toEqual([-1.2]);
    expect(targetsOutOfRange(xorWith('relu', [0, 7, -0.2, 100]), 'patterns').map((t) => t.value)).toEqual([-0.2]);
    expect(targetsOutOfRange(xorWith('softmax', [0, 1, -0.2, 1.5]), 'patterns').map((t) => t.value)).toEqual([-0.2, 1.5]);
    expect(targetsOutOfRange(xorWith('linear', [-5, 1e6, 0, 1]), 'patterns')).toEqual([]);
  });

  it('looks at the test set on its own', () => {
    const model = xorWith('logistic', [0, 1, 1, 0]);
    model.testPatterns = [{ name: 't', input: [1, 1], target: [2] }];
    expect(targetsOutOfRange(model, 'patterns')).toEqual([]);
    expect(targetsOutOfRange(model, 'testPatterns')).toEqual([{ row: 0, unit: 0, value: 2 }]);
  });

  it('says the range in words', () => {
    expect(rangeSentence('logistic')).toBe('logistic output units give values between 0 and 1');
    expect(rangeSentence('tanh')).toBe('tanh output units give values between -1 and 1');
    expect(rangeSentence('relu')).toBe('ReLU output units give values of 0 or more');
    expect(rangeSentence('linear')).toBeNull();
  });
});
