/**
 * Saxe, McClelland & Ganguli's exact solution for deep linear networks (docs/science.md): on the four-item
 * example, the simulated mode strengths a_α(t) = u_αᵀ W² W¹ v_α follow the analytic sigmoid. Errors are
 * measured against each mode's final strength s_α, over the whole course of learning.
 */
import { describe, expect, it } from 'vitest';
import { fourItems } from '../../../src-shared/data/semantic-items';
import { Simulation } from '../../../src-shared/engine/simulation';
import { estimatedInitialStrengths, inputOutputModes, modeStrengths, predictedStrength } from '../../../src-shared/engine/modes';
import { createModel } from '../../../src-shared/model/create';
import type { ModelDocument, NetworkState } from '../../../src-shared/model/schema';
import { layersFor } from './helpers';

const { patterns } = fourItems();
const modes = inputOutputModes(patterns);
/** λ s_max = 5·10⁻⁴, the small-λ regime where the discrete updates follow the continuous theory. */
const learningRate = 5e-4 / Math.sqrt(7);

function linearNetwork(hidden: number, init: ModelDocument['training']['init']): ModelDocument {
  return createModel({
    name: 'deep linear', description: '',
    layers: layersFor({ sizes: [4, hidden, 7], activation: 'linear', bias: false }),
    patterns,
    training: { update: 'batch', order: 'sequential', learningRate, momentum: 0, init, errorCriterion: 0, maxEpochs: 1e9 },
  });
}

/** Trains `epochs` epochs, measuring max_t |a_sim(t) − a_theory(t)| / s per mode every `every` epochs. */
function worstErrors(simulation: Simulation, a0: number[], epochs: number, every: number): number[] {
  const { network } = simulation;
  const worst = modes.strengths.map(() => 0);
  for (let t = 0; t <= epochs; t += every) {
    if (t > 0) simulation.advance(Number.MAX_SAFE_INTEGER, t);
    const a = modeStrengths(network.weights, network.sizes, modes);
    modes.strengths.forEach((s, alpha) => {
      const error = Math.abs(a[alpha] - predictedStrength(s, a0[alpha], t, learningRate)) / s;
      worst[alpha] = Math.max(worst[alpha], error);
    });
  }
  return worst;
}

describe('deep linear networks follow Saxe et al.’s analytic learning curves', () => {
  it('finds the four-item example’s singular values √7, √3, 1, 1', () => {
    expect(modes.strengths).toHaveLength(4);
    [Math.sqrt(7), Math.sqrt(3), 1, 1].forEach((s, alpha) => expect(modes.strengths[alpha]).toBeCloseTo(s, 12));
  });

  it('within 1% from balanced, mode-aligned weights W¹ = c R Vᵀ, W² = c U Rᵀ', () => {
    const hidden = 6;
    const c = 0.1; // a_0 = c² = 0.01
    // R: orthonormal columns in the 6-unit hidden space (a rotation of the first four axes).
    const R = [[0.5, 0.5, 0.5, 0.5], [0.5, -0.5, 0.5, -0.5], [0.5, 0.5, -0.5, -0.5], [0.5, -0.5, -0.5, 0.5], [0, 0, 0, 0], [0, 0, 0, 0]];
    const W1 = R.map((row) => [0, 1, 2, 3].map((i) => c * row.reduce((sum, r, alpha) => sum + r * modes.inputDirections[alpha][i], 0)));
    const W2 = [0, 1, 2, 3, 4, 5, 6].map((k) => R.map((row) => c * row.reduce((sum, r, alpha) => sum + modes.outputDirections[alpha][k] * r, 0)));
    const model = linearNetwork(hidden, { kind: 'uniform', range: 0 });
    const zeros = (m: number[][]) => m.map((row) => row.map(() => 0));
    const state: NetworkState = {
      epoch: 0, weights: [W1, W2], biases: [Array(hidden).fill(0), Array(7).fill(0)],
      weightMomentum: [zeros(W1), zeros(W2)], biasMomentum: [Array(hidden).fill(0), Array(7).fill(0)],
      orderStream: new Simulation(model).state().orderStream, cursor: null, tssHistory: [], correctHistory: [],
    };
    const simulation = new Simulation({ ...model, state });
    const a0 = estimatedInitialStrengths(simulation.network.weights, simulation.network.sizes, modes);
    a0.forEach((a) => expect(a).toBeCloseTo(c * c, 14));
    // The weakest modes (s = 1) reach s after about (τ/s) ln(s/a_0) ≈ 24 000 epochs; run well past it.
    const worst = worstErrors(simulation, a0, 45_000, 500);
    for (const error of worst) expect(error).toBeLessThan(0.01);
    const final = modeStrengths(simulation.network.weights, simulation.network.sizes, modes);
    final.forEach((a, alpha) => expect(a / modes.strengths[alpha]).toBeGreaterThan(0.99));
  });

  it('within 3% from small random weights with 128 hidden units, a_0 estimated from them', () => {
    const simulation = new Simulation(linearNetwork(128, { kind: 'gaussian', sd: 0.005 }));
    const a0 = estimatedInitialStrengths(simulation.network.weights, simulation.network.sizes, modes);
    const worst = worstErrors(simulation, a0, 50_000, 500);
    for (const error of worst) expect(error).toBeLessThan(0.03);
  });
});
