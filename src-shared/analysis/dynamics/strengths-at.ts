/**
 * A model's mode strengths at given weights (a live run's, a snapshot's), as the learning-dynamics view and
 * `cli analyze --modes` read them: u_αᵀ W_total v_α for a linear network without biases, otherwise the
 * descriptive u_αᵀ (Σ_μ o_μ x_μᵀ) v_α from the network's outputs (mode-strengths.ts).
 */
import type { LayerSpec, Pattern } from '../../model/schema';
import { activationsAt } from '../representations/activations-at';
import { isLinearNetwork, linearModeStrengths, modeStrengthsOf, outputInputCorrelation, type CorrelationModes, type ModeStrengths } from './mode-strengths';

/** Nested rows (W^j out × in, as the document and the trainer's views carry them) → row-major arrays. */
export function rowMajor(weights: readonly (readonly (readonly number[])[])[]): Float64Array[] {
  return weights.map((rows) => Float64Array.from(rows.flat()));
}

export function modeStrengthsAt(
  layers: readonly LayerSpec[], patterns: readonly Pattern[], modes: CorrelationModes,
  weights: readonly (readonly (readonly number[])[])[], biases: readonly (readonly number[])[],
): ModeStrengths {
  if (weights.length !== layers.length - 1) throw new Error(`${weights.length} weight matrices for ${layers.length} layers: expected ${layers.length - 1}`);
  if (isLinearNetwork(layers)) return linearModeStrengths(rowMajor(weights), layers.map((layer) => layer.units), modes);
  const all = activationsAt(layers, weights, biases, patterns);
  const outputs = all.map((perLayer) => perLayer[layers.length - 1]);
  return modeStrengthsOf(outputInputCorrelation(patterns.map((p) => p.input), outputs), modes, 'descriptive');
}
