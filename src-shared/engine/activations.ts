/**
 * Activation functions f and their derivatives f', over a block of patterns stored row by row (one row of
 * `units` values per pattern; a single pattern is a block of one row). Layers carry a small integer code so
 * the hot loops branch once per layer, not once per unit, and stay monomorphic. Each derivative is written
 * in terms of the net input n or the activation h = f(n), whichever is cheaper, so the backward pass reuses
 * the forward pass's values. activation-table.ts defines each for one unit; these loops match it bit for bit.
 */
import type { ActivationName } from '../model/schema';
import { ACTIVATIONS } from './activation-table';
import { exp } from './exp';
import { tanh } from './fdlibm/tanh';

export const LINEAR = 0;
export const LOGISTIC = 1;
export const TANH = 2;
export const RELU = 3;
/** o_k = e^{n_k} / Σ_m e^{n_m} over one pattern's row; only on an output layer, only with cross-entropy. */
export const SOFTMAX = 4;
export type ActivationCode = 0 | 1 | 2 | 3 | 4;

export function activationCode(name: ActivationName): ActivationCode {
  return ACTIVATIONS[name].code;
}

/** h = f(n) for `length` values of `net` (whole rows of `units` values, for softmax) into `out`. */
export function activate(code: ActivationCode, net: Float64Array, out: Float64Array, length: number, units: number): void {
  switch (code) {
    case LINEAR:
      for (let i = 0; i < length; i++) out[i] = net[i];
      return;
    case LOGISTIC:
      // exp.ts: fdlibm's bits (Node 20's Math.exp) in every host, without a call into the runtime per unit.
      for (let i = 0; i < length; i++) out[i] = 1 / (1 + exp(-net[i]));
      return;
    case TANH:
      for (let i = 0; i < length; i++) out[i] = tanh(net[i]); // fdlibm/tanh.ts: newer V8's Math.tanh is the host C library's
      return;
    case RELU:
      for (let i = 0; i < length; i++) {
        const n = net[i];
        out[i] = n > 0 ? n : 0;
      }
      return;
    case SOFTMAX:
      for (let row = 0; row < length; row += units) softmaxRow(net, out, row, units);
      return;
  }
}

/** Subtracting the row's largest net input first keeps e^n finite; it cancels in the ratio. */
function softmaxRow(net: Float64Array, out: Float64Array, start: number, units: number): void {
  const end = start + units;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = start; i < end; i++) if (net[i] > max) max = net[i];
  let sum = 0;
  for (let i = start; i < end; i++) {
    const e = exp(net[i] - max);
    out[i] = e;
    sum += e;
  }
  for (let i = start; i < end; i++) out[i] /= sum;
}

/** f'(n) given n and h = f(n), for an elementwise f (softmax's Jacobian is not a diagonal: see losses.ts). */
export function derivative(code: ActivationCode, net: number, activation: number): number {
  switch (code) {
    case LOGISTIC:
      return activation * (1 - activation);
    case TANH:
      return 1 - activation * activation;
    case RELU:
      return net > 0 ? 1 : 0;
    default:
      return 1;
  }
}

/** delta_i ← delta_i · f'(n_i), for the hidden deltas δ_j = [(W^j)ᵀ δ_{j+1}] ⊙ f'(n_j). */
export function multiplyByDerivative(code: ActivationCode, net: Float64Array, act: Float64Array, delta: Float64Array, length: number): void {
  switch (code) {
    case LOGISTIC:
      for (let i = 0; i < length; i++) {
        const h = act[i];
        delta[i] *= h * (1 - h);
      }
      return;
    case TANH:
      for (let i = 0; i < length; i++) {
        const h = act[i];
        delta[i] *= 1 - h * h;
      }
      return;
    case RELU:
      // Multiplying by 0 (not assigning it) keeps a NaN visible to the divergence check.
      for (let i = 0; i < length; i++) delta[i] *= net[i] > 0 ? 1 : 0;
      return;
    default:
      return;
  }
}
