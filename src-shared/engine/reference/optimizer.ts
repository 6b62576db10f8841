/**
 * The update, written once (docs/science.md, "Updates"):
 *
 *     ΔW(t) = α ΔW(t−1) − λ (g + κ W)        W ← W + ΔW(t)
 *
 * g the gradient ∂L/∂W summed over the update's patterns, α the momentum, λ the learning rate, κ the weight
 * decay (weights only: biases step with κ = 0). With g = δ hᵀ for one pattern this is the lecture's
 * ΔW = −λ δ hᵀ, plus momentum.
 */
export interface StepSettings {
  learningRate: number;
  momentum: number;
  weightDecay: number;
}

/** ΔW(t) for one weight w with gradient g, from ΔW(t−1) = `previous`. */
export function weightChange(previous: number, g: number, w: number, settings: StepSettings, decay = settings.weightDecay): number {
  // The κ term is left out, not added as 0 (0 + g is not g when g is −0).
  return settings.momentum * previous - settings.learningRate * (decay === 0 ? g : g + decay * w);
}

/** One step of `values` (W or b) along −g, `change` holding ΔW(t−1) and left holding ΔW(t). */
export function step(values: Float64Array, change: Float64Array, g: Float64Array, settings: StepSettings, decay = settings.weightDecay): void {
  for (let i = 0; i < values.length; i++) {
    change[i] = weightChange(change[i], g[i], values[i], settings, decay);
    values[i] += change[i];
  }
}
