/**
 * Each mode of the input-output correlation Σ31 = Σ_μ y_μ x_μᵀ = U S Vᵀ and its strength in a network's map
 * (science.md, "Learning dynamics of deep linear networks"). For a linear network without biases the map is
 * the product of its weight matrices and a_α = u_αᵀ W_total v_α is the theory's quantity; for any other
 * network the strength is descriptive, u_αᵀ (Σ_μ o_μ x_μᵀ) v_α, and is labelled so. Modes with equal singular
 * values have no unique directions: they are reported as one subspace, by the singular values of U_Sᵀ M V_S.
 * Takes weights and outputs rather than a model, so snapshots can be analysed the same way.
 */
import { Matrix, SVD } from 'ml-matrix';
import { inputOutputModes, linearMap, type Modes } from '../../engine/modes';
import type { LayerSpec, Pattern } from '../../model/schema';

/** Singular values within this fraction of each other are one subspace. */
const EQUAL_TOLERANCE = 1e-9;

export interface ModeSubspace {
  /** Σ31's singular value shared by the subspace's modes. */
  s: number;
  /** Indices of the modes (strongest first) that span it. */
  modes: number[];
}

export interface CorrelationModes extends Modes {
  /** Σ31 itself (outputs × inputs): U S Vᵀ as Saxe's figures show them. */
  sigma31: number[][];
  subspaces: ModeSubspace[];
}

export function correlationModes(patterns: readonly Pattern[]): CorrelationModes {
  if (patterns.length === 0) throw new Error('the modes of Σ31 need at least one pattern');
  const modes = inputOutputModes(patterns);
  const sigma31 = patterns[0].target.map((_, k) => patterns[0].input.map((_, i) =>
    patterns.reduce((sum, p) => sum + (p.target[k] ?? 0) * p.input[i], 0)));
  const subspaces: ModeSubspace[] = [];
  modes.strengths.forEach((s, alpha) => {
    const last = subspaces.at(-1);
    if (last && Math.abs(last.s - s) <= EQUAL_TOLERANCE * last.s) last.modes.push(alpha);
    else subspaces.push({ s, modes: [alpha] });
  });
  return { ...modes, sigma31, subspaces };
}

export type StrengthKind = 'linear map' | 'descriptive';

export interface ModeStrengths {
  /** 'linear map': u_αᵀ W_total v_α; 'descriptive': u_αᵀ (Σ_μ o_μ x_μᵀ) v_α, for networks the theory does not cover. */
  kind: StrengthKind;
  /** a_α per mode, strongest first (meaningful one by one only for modes alone in their subspace). */
  perMode: number[];
  /** Per subspace: the singular values of U_Sᵀ M V_S, largest first (one value, a_α itself, for a lone mode). */
  perSubspace: number[][];
}

/** Linear map: every layer past the input linear and without a bias. */
export function isLinearNetwork(layers: readonly LayerSpec[]): boolean {
  return layers.slice(1).every((layer) => layer.activation === 'linear' && !layer.bias);
}

/** Σ_μ o_μ x_μᵀ: what the network maps the patterns' inputs to, in Σ31's shape. */
export function outputInputCorrelation(inputs: readonly (readonly number[])[], outputs: readonly (readonly number[])[]): number[][] {
  return outputs[0].map((_, k) => inputs[0].map((_, i) => inputs.reduce((sum, x, mu) => sum + outputs[mu][k] * x[i], 0)));
}

/**
 * Strengths from `map` (outputs × inputs): W_total, or Σ_μ o_μ x_μᵀ. `kind` says which, for the label.
 */
export function modeStrengthsOf(map: readonly (readonly number[])[], modes: CorrelationModes, kind: StrengthKind): ModeStrengths {
  const M = new Matrix(map.map((row) => [...row]));
  const project = (alphas: number[]) => {
    const U = new Matrix(alphas.map((a) => modes.outputDirections[a])); // |S| × outputs: U_Sᵀ
    const V = new Matrix(alphas.map((a) => modes.inputDirections[a])).transpose(); // inputs × |S|
    return U.mmul(M).mmul(V);
  };
  const perMode = modes.strengths.map((_, alpha) => project([alpha]).get(0, 0));
  const perSubspace = modes.subspaces.map((subspace) => (subspace.modes.length === 1
    ? [perMode[subspace.modes[0]]]
    : new SVD(project(subspace.modes), { computeLeftSingularVectors: false, computeRightSingularVectors: false }).diagonal));
  return { kind, perMode, perSubspace };
}

/** a_α of a linear network from its weights W^0 … W^{D−1} (row-major, sizes[j+1] × sizes[j]). */
export function linearModeStrengths(weights: readonly Float64Array[], sizes: readonly number[], modes: CorrelationModes): ModeStrengths {
  return modeStrengthsOf(linearMap(weights, sizes), modes, 'linear map');
}
