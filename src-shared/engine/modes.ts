/**
 * Mode strengths of a linear network and the analytic prediction of Saxe, McClelland & Ganguli
 * (docs/science.md, "Learning dynamics of deep linear networks"). With one-hot items (Σ_p i_p i_pᵀ = I), the
 * input-output correlation Σ31 = Σ_p t_p i_pᵀ = U S Vᵀ; the network's map projected on mode α is
 * a_α = u_αᵀ W^{D−1} ⋯ W^0 v_α, and from balanced starting weights, trained full batch with squared error,
 *
 *     a(t) = s e^{2st/τ} / (e^{2st/τ} − 1 + s/a_0),        τ = 1/λ, t in epochs.
 */
import type { Pattern } from '../model/schema';
import { exp } from './exp';
import { dot, matrixProduct, singularValueDecomposition, type Matrix } from './linalg';

export interface Modes {
  /** s_α, strongest first. */
  strengths: number[];
  /** u_α (output space) and v_α (input space). */
  outputDirections: number[][];
  inputDirections: number[][];
}

/** The SVD of Σ31 = Σ_p t_p i_pᵀ ("don't care" targets count as 0). */
export function inputOutputModes(patterns: readonly Pattern[]): Modes {
  const outUnits = patterns[0].target.length;
  const inUnits = patterns[0].input.length;
  const sigma: Matrix = Array.from({ length: outUnits }, (_, k) => Array.from({ length: inUnits }, (_, i) =>
    patterns.reduce((sum, p) => sum + (p.target[k] ?? 0) * p.input[i], 0)));
  const svd = singularValueDecomposition(sigma);
  return { strengths: svd.values, outputDirections: svd.left, inputDirections: svd.right };
}

/** Row-major W^j (sizes[j+1] × sizes[j]) as nested rows. */
function rows(W: Float64Array, outUnits: number, inUnits: number): Matrix {
  return Array.from({ length: outUnits }, (_, r) => Array.from(W.subarray(r * inUnits, (r + 1) * inUnits)));
}

/** The network's overall linear map W^{D−1} ⋯ W^0 (biases ignored: the theory has none). */
export function linearMap(weights: readonly Float64Array[], sizes: readonly number[]): Matrix {
  let map = rows(weights[0], sizes[1], sizes[0]);
  for (let j = 1; j < weights.length; j++) map = matrixProduct(rows(weights[j], sizes[j + 1], sizes[j]), map);
  return map;
}

/** a_α = u_αᵀ W^{D−1} ⋯ W^0 v_α for every mode. */
export function modeStrengths(weights: readonly Float64Array[], sizes: readonly number[], modes: Modes): number[] {
  const map = linearMap(weights, sizes);
  return modes.strengths.map((_, alpha) => {
    const v = modes.inputDirections[alpha];
    return dot(modes.outputDirections[alpha], map.map((row) => dot(row, v)));
  });
}

/**
 * a_0 estimated from starting weights of a one-hidden-layer network (W¹ = W^0, W² = W^1), as
 * |(W¹ v_α + W²ᵀ u_α)/2|²: exact for balanced, mode-aligned weights, and what the theory's balanced
 * solution starts from when the weights are small and random.
 */
export function estimatedInitialStrengths(weights: readonly Float64Array[], sizes: readonly number[], modes: Modes): number[] {
  if (weights.length !== 2) throw new Error('a_0 is estimated for networks with one hidden layer');
  const hidden = sizes[1];
  const W1 = rows(weights[0], hidden, sizes[0]);
  const W2 = rows(weights[1], sizes[2], hidden);
  return modes.strengths.map((_, alpha) => {
    const v = modes.inputDirections[alpha];
    const u = modes.outputDirections[alpha];
    let norm = 0;
    for (let h = 0; h < hidden; h++) {
      const fromInput = dot(W1[h], v);
      let fromOutput = 0;
      for (let k = 0; k < u.length; k++) fromOutput += W2[k][h] * u[k];
      const mean = (fromInput + fromOutput) / 2;
      norm += mean * mean;
    }
    return norm;
  });
}

/** The analytic a(t) after `epochs` full-batch epochs at learning rate λ (τ = 1/λ). */
export function predictedStrength(s: number, a0: number, epochs: number, learningRate: number): number {
  const growth = exp((2 * s * epochs) * learningRate); // exp.ts: fdlibm's bits in every host
  if (!Number.isFinite(growth)) return s;
  return (s * growth) / (growth - 1 + s / a0);
}
