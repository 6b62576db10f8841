/**
 * The loss L the engine descends and its output delta δ_D = ∂L/∂n_D (docs/science.md, "Error and loss"), beside
 * the error users read, pss = Σ_k (t_k − o_k)², whatever the loss. Targets are stored with NaN for "don't
 * care": such an output adds nothing to pss, to L or to correctness, and its delta is 0.
 */
import { derivative, SOFTMAX, type ActivationCode } from './activations';
import { exp } from './exp';
import { log } from './fdlibm/log';
import { log1p } from './fdlibm/log1p';
import type { LossName } from '../model/schema';

export const SQUARED_ERROR = 0;
export const CROSS_ENTROPY = 1;
export type LossCode = 0 | 1;

export function lossCode(name: LossName): LossCode {
  return name === 'cross-entropy' ? CROSS_ENTROPY : SQUARED_ERROR;
}

/**
 * For `rows` patterns (row-major, `units` outputs each) after a forward pass — row r's targets are those of
 * pattern order[first + r] of `targets`, or of pattern first + r without an order:
 * writes δ_D into `delta`, each
 * row's pss into `pss` and whether every output is within `margin` of its target into `correct`.
 *   squared error  L = ½ Σ (t − o)²                       δ = −(t − o) ⊙ f'(n)
 *   cross-entropy  logistic outputs                        δ = o − t
 *                  softmax outputs, L = −Σ t ln o          δ = (Σ_m t_m) o − t   (= o − t when Σ t = 1)
 * The softmax form is the exact gradient for any non-negative targets, so finite differences agree with it
 * even when a target row does not sum to 1.
 */
export function outputDeltas(
  loss: LossCode, code: ActivationCode,
  net: Float64Array, act: Float64Array, targets: Float64Array, order: Uint32Array | null, first: number, delta: Float64Array,
  rows: number, units: number, margin: number,
  pss: Float64Array, correct: Uint8Array,
): void {
  const form = loss === SQUARED_ERROR ? SQUARED_ERROR_DELTA : code === SOFTMAX ? SOFTMAX_DELTA : LOGISTIC_CROSS_ENTROPY_DELTA;
  for (let row = 0, start = 0; row < rows; row++, start += units) {
    const t0 = (order === null ? first + row : order[first + row]) * units;
    pss[row] = outputRow(form, code, net, act, targets, t0, delta, start, units, margin, correct, row);
  }
}

/** Which of the three output deltas above a row takes (one per loss and output activation). */
const SQUARED_ERROR_DELTA = 0;
const LOGISTIC_CROSS_ENTROPY_DELTA = 1;
const SOFTMAX_DELTA = 2;
type DeltaForm = 0 | 1 | 2;

/** One row: δ into delta[start …], whether every output is within the margin into correct[row]; returns the row's pss. */
function outputRow(
  form: DeltaForm, code: ActivationCode, net: Float64Array, act: Float64Array, targets: Float64Array, t0: number,
  delta: Float64Array, start: number, units: number, margin: number, correct: Uint8Array, row: number,
): number {
  let targetSum = 0;
  if (form === SOFTMAX_DELTA) {
    for (let k = 0; k < units; k++) {
      const t = targets[t0 + k];
      if (t === t) targetSum += t;
    }
  }
  let sum = 0;
  let ok = true;
  for (let k = 0; k < units; k++) {
    const t = targets[t0 + k];
    const i = start + k;
    const o = act[i];
    if (t !== t) {
      // Don't care (refused by checkConsistency for softmax): normalization still sends S·o back.
      delta[i] = form === SOFTMAX_DELTA ? targetSum * o : 0;
      continue;
    }
    const e = t - o;
    sum += e * e;
    if (!(Math.abs(e) <= margin)) ok = false;
    delta[i] = form === SQUARED_ERROR_DELTA ? -e * derivative(code, net[i], o) : form === SOFTMAX_DELTA ? targetSum * o - t : o - t;
  }
  correct[row] = ok ? 1 : 0;
  return sum;
}

/**
 * L for one pattern, from the net inputs where that is more accurate than from the activations: for
 * logistic outputs ln o = −softplus(−n) and ln(1 − o) = −softplus(n); for softmax ln o_k = n_k − logsumexp(n).
 */
export function patternLoss(loss: LossCode, code: ActivationCode, net: ArrayLike<number>, act: ArrayLike<number>, targets: ArrayLike<number>): number {
  const units = targets.length;
  let L = 0;
  if (loss === SQUARED_ERROR) {
    for (let k = 0; k < units; k++) {
      const t = targets[k];
      if (t === t) L += 0.5 * (t - act[k]) * (t - act[k]);
    }
    return L;
  }
  if (code === SOFTMAX) {
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < units; k++) max = Math.max(max, net[k]);
    let sum = 0;
    for (let k = 0; k < units; k++) sum += exp(net[k] - max);
    const logSum = max + log(sum);
    for (let k = 0; k < units; k++) {
      const t = targets[k];
      if (t === t) L -= t * (net[k] - logSum);
    }
    return L;
  }
  for (let k = 0; k < units; k++) {
    const t = targets[k];
    if (t === t) L += t * softplus(-net[k]) + (1 - t) * softplus(net[k]);
  }
  return L;
}

/** ln(1 + e^x) without overflow (fdlibm's log1p and exp: the same bits in every host). */
function softplus(x: number): number {
  return Math.max(x, 0) + log1p(exp(-Math.abs(x)));
}
