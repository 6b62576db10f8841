/**
 * The ACTIVATIONS table (activation-table.ts) is the definition: the engine's loops (activations.ts) compute
 * its f and f′ bit for bit, f′ is the derivative of f (finite differences), and its names are the schema's.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../src-shared/engine/activation-table';
import { activate, activationCode, derivative, multiplyByDerivative, SOFTMAX } from '../../../src-shared/engine/activations';
import { activationSchema } from '../../../src-shared/model/schema';

const samples = Float64Array.from([-40, -7.5, -2, -1, -0.3, -1e-9, 0, 1e-9, 0.2, 0.5, 1, 1.7, 3, 9, 40]);
const elementwise = (Object.keys(ACTIVATIONS) as (keyof typeof ACTIVATIONS)[]).filter((name) => ACTIVATIONS[name].f !== null);

describe('the activation table', () => {
  it('names the schema’s activations, no more and no fewer, each with its engine code', () => {
    expect(Object.keys(ACTIVATIONS).sort()).toEqual([...activationSchema.options].sort());
    for (const name of activationSchema.options) expect(activationCode(name)).toBe(ACTIVATIONS[name].code);
    expect(new Set(Object.values(ACTIVATIONS).map((a) => a.code)).size).toBe(5);
  });

  it('softmax alone is output-only and has no elementwise f or f′', () => {
    for (const [name, a] of Object.entries(ACTIVATIONS)) {
      expect(a.outputOnly).toBe(name === 'softmax');
      expect(a.f === null).toBe(a.code === SOFTMAX);
      expect(a.derivative === null).toBe(a.code === SOFTMAX);
    }
  });

  for (const name of elementwise) {
    const a = ACTIVATIONS[name];
    it(`${name}: the engine's loops give f and f′ of the table bit for bit`, () => {
      const out = new Float64Array(samples.length);
      activate(a.code, samples, out, samples.length, samples.length);
      const delta = new Float64Array(samples.length).fill(1);
      multiplyByDerivative(a.code, samples, out, delta, samples.length);
      samples.forEach((n, i) => {
        expect(Object.is(out[i], a.f!(n))).toBe(true);
        expect(Object.is(delta[i], a.derivative!(n, out[i]))).toBe(true);
        expect(Object.is(derivative(a.code, n, out[i]), a.derivative!(n, out[i]))).toBe(true);
      });
    });

    it(`${name}: f′ is f's derivative (central differences, away from ReLU's kink)`, () => {
      for (const n of samples) {
        if (Math.abs(n) < 1e-3) continue;
        const step = 1e-6;
        const numeric = (a.f!(n + step) - a.f!(n - step)) / (2 * step);
        expect(a.derivative!(n, a.f!(n))).toBeCloseTo(numeric, 6);
      }
    });
  }
});
