/**
 * The lecture's deep chain: Step through's numbers (the engine's inspection) against the deltas and weight
 * changes derived by hand for o = w4 w3 w2 w1 i with squared error (science.md's sign):
 * δ_4 = −(t − o), δ_3 = w4 δ_4, δ_2 = w3 w4 δ_4, δ_1 = w2 w3 w4 δ_4, and Δw_j = −λ δ_{j+1} h_j.
 */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { Pattern } from '../../../src-shared/model/schema';

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-14 * Math.max(Math.abs(expected), 1e-300));

function checkAgainstHand(simulation: Simulation, patterns: readonly Pattern[]): void {
  // w[j] is W^j, carrying layer j to j + 1 (the lecture's w_{j+1}).
  const w = simulation.network.weights.map((W) => W[0]);
  const lambda = simulation.settings.learningRate;
  patterns.forEach((pattern, p) => {
    const i = pattern.input[0];
    const t = pattern.target[0] as number;
    const h = [i, w[0] * i, w[1] * w[0] * i, w[2] * w[1] * w[0] * i, w[3] * w[2] * w[1] * w[0] * i];
    const dOut = -(t - h[4]);
    const delta = [Number.NaN, w[1] * w[2] * w[3] * dOut, w[2] * w[3] * dOut, w[3] * dOut, dOut];
    const seen = simulation.inspect(p);
    expect(seen.layers.map((layer) => layer.name)).toEqual(['input', 'h1', 'h2', 'h3', 'output']);
    for (let j = 0; j <= 4; j++) close(seen.layers[j].activation[0], h[j]);
    for (let j = 1; j <= 4; j++) close(seen.layers[j].delta![0], delta[j]);
    for (let j = 0; j < 4; j++) {
      expect(seen.weightLayers[j]).toMatchObject({ from: j, to: j + 1 });
      close(seen.weightLayers[j].weightChange.weights[0][0], -lambda * delta[j + 1] * h[j]);
    }
  });
}

describe('the chain example', () => {
  const model = findExample('chain')!.build();

  it('is a scalar chain of linear units without biases', () => {
    expect(model.layers.map((l) => [l.units, l.activation, l.bias])).toEqual([[1, 'linear', false], ...Array(4).fill([1, 'linear', false])]);
    expect(model.patterns.map((p) => [p.input[0], p.target[0]])).toEqual([[-1, -0.5], [-0.5, -0.25], [0.5, 0.25], [1, 0.5]]);
  });

  it('shows in Step through each delta carrying the product of the weights above it, at the start and mid-run', () => {
    const simulation = new Simulation(model);
    checkAgainstHand(simulation, model.patterns);
    simulation.advance(Number.MAX_SAFE_INTEGER, 300);
    expect(simulation.epoch).toBe(300);
    checkAgainstHand(simulation, model.patterns);
  });

  it('applies, once per epoch, the sum of those changes over the four patterns', () => {
    const simulation = new Simulation(model);
    const before = simulation.network.weights.map((W) => W[0]);
    const changes = [0, 1, 2, 3].map((j) => model.patterns.reduce((sum, _, p) => sum + simulation.inspect(p).weightLayers[j].weightChange.weights[0][0], 0));
    simulation.advance(Number.MAX_SAFE_INTEGER, 1);
    // Compared on the weights themselves: a change of ~1e-6 read back as a difference of two weights keeps only
    // the digits the weights' rounding leaves.
    simulation.network.weights.forEach((W, j) => close(W[0], before[j] + changes[j]));
  });

  it('starts small, so the deltas reaching the lower weights are tiny: it plateaus before it learns', () => {
    const simulation = new Simulation(model);
    const first = simulation.inspect(3);
    // |δ_1| = |w2 w3 w4 δ_4| is a small fraction of |δ_4| when every weight is below ±0.25.
    expect(Math.abs(first.layers[1].delta![0])).toBeLessThan(0.01 * Math.abs(first.layers[4].delta![0]));
    let outcome;
    do outcome = simulation.advance(100_000); while (!outcome.stop);
    expect(outcome.stop).toBe('criterion');
    expect(simulation.epoch).toBeGreaterThan(300);
    const product = simulation.network.weights.reduce((p, W) => p * W[0], 1);
    expect(product).toBeCloseTo(0.5, 2);
  });
});
