/**
 * The weight update (docs/science.md, "Updates"), in the one form both paths use:
 *
 *     ΔW(t) = α ΔW(t−1) − λ (g + κ W)        Δb(t) = α Δb(t−1) − λ g_b
 *
 * with g the gradient ∂L/∂W summed over the update's patterns, α the momentum, κ the weight decay (weights
 * only). The κ term is left out when κ = 0 rather than added as 0, in both paths alike. Layers that do not
 * learn are skipped. The online path forms g = δ_{j+1} h_jᵀ on the fly; the batch path reads it from the
 * gradient sum. For one pattern the two give the same bits (a test holds them to it).
 */
import type { Network } from './network';

export interface UpdateSettings {
  learningRate: number;
  momentum: number;
  weightDecay: number;
}

/** Applies the update for W^j and b_{j+1} from the gradient sum (gW, gb) and the previous changes (mW, mb). */
export function applyUpdate(
  W: Float64Array, b: Float64Array, gW: Float64Array, gb: Float64Array, mW: Float64Array, mb: Float64Array,
  hasBias: boolean, settings: UpdateSettings,
): void {
  const { learningRate: lr, momentum: alpha, weightDecay: decay } = settings;
  const size = W.length;
  if (decay === 0) {
    for (let i = 0; i < size; i++) {
      const change = alpha * mW[i] - lr * gW[i];
      mW[i] = change;
      W[i] += change;
    }
  } else {
    for (let i = 0; i < size; i++) {
      const change = alpha * mW[i] - lr * (gW[i] + decay * W[i]);
      mW[i] = change;
      W[i] += change;
    }
  }
  if (hasBias) updateBiases(b, gb, mb, lr, alpha);
}

function updateBiases(b: Float64Array, gb: Float64Array, mb: Float64Array, lr: number, alpha: number): void {
  for (let r = 0; r < b.length; r++) {
    const change = alpha * mb[r] - lr * gb[r];
    mb[r] = change;
    b[r] += change;
  }
}

/**
 * The online update of W^j and b_{j+1} after one pattern, with g = δ_{j+1} h_jᵀ formed on the fly:
 * the same arithmetic as applyUpdate, element by element.
 */
export function applyPatternUpdate(network: Network, j: number, mW: Float64Array, mb: Float64Array, settings: UpdateSettings): void {
  const { learningRate: lr, momentum: alpha, weightDecay: decay } = settings;
  const W = network.weights[j];
  const d = network.delta[j + 1];
  const h = network.act[j];
  const rows = network.sizes[j + 1];
  const cols = network.sizes[j];
  if (decay === 0) {
    applyOuterProductUpdate(W, mW, d, h, rows, cols, lr, alpha);
  } else {
    for (let r = 0, i = 0; r < rows; r++) {
      const dr = d[r];
      for (let c = 0; c < cols; c++, i++) {
        const change = alpha * mW[i] - lr * (dr * h[c] + decay * W[i]);
        mW[i] = change;
        W[i] += change;
      }
    }
  }
  if (network.hasBias[j + 1]) updateBiases(network.biases[j], d, mb, lr, alpha);
}

/** ΔW = α ΔW(t−1) − λ δ hᵀ for one pattern without weight decay (W: rows × cols), g formed on the fly. */
export function applyOuterProductUpdate(
  W: Float64Array, mW: Float64Array, d: Float64Array, h: Float64Array, rows: number, cols: number, lr: number, alpha: number,
): void {
  for (let r = 0, i = 0; r < rows; r++) {
    const dr = d[r];
    for (let c = 0; c < cols; c++, i++) {
      const change = alpha * mW[i] - lr * (dr * h[c]);
      mW[i] = change;
      W[i] += change;
    }
  }
}
