/**
 * The error users read and the output delta δ_D = ∂L/∂n_D of the loss the run descends (docs/science.md,
 * "Error and loss"). A target of NaN is "don't care": no error, no delta.
 */
import type { ActivationName, LossName } from '../../model/schema';
import { ACTIVATIONS } from '../activation-table';

/**
 * Writes δ_D into `delta` for output net inputs n, activations o and targets t; returns the pattern's
 * pss = Σ_k (t_k − o_k)² and whether every output is within `margin` of its target.
 *   squared error, L = ½ Σ (t − o)²        δ = −(t − o) ⊙ f'(n)
 *   cross-entropy, logistic outputs        δ = o − t
 *   cross-entropy, softmax outputs         δ = S o − t,  S = Σ_k t_k (1 for one-hot targets)
 */
export function outputDelta(
  loss: LossName, activation: ActivationName, n: Float64Array, o: Float64Array, t: ArrayLike<number>, margin: number, delta: Float64Array,
): { pss: number; correct: boolean } {
  const softmax = activation === 'softmax';
  let S = 0;
  for (let k = 0; k < o.length; k++) if (!Number.isNaN(t[k])) S += t[k];
  let pss = 0;
  let correct = true;
  for (let k = 0; k < o.length; k++) {
    if (Number.isNaN(t[k])) {
      // Softmax's normalization still sends S·o back through a "don't care" output.
      delta[k] = softmax ? S * o[k] : 0;
      continue;
    }
    const e = t[k] - o[k];
    pss += e * e;
    if (!(Math.abs(e) <= margin)) correct = false;
    if (loss === 'squared-error') delta[k] = -e * ACTIVATIONS[activation].derivative!(n[k], o[k]);
    else delta[k] = softmax ? S * o[k] - t[k] : o[k] - t[k];
  }
  return { pss, correct };
}
