/**
 * The lecture's network, written to be read (docs/science.md, "Notation" and "The learning rules"): layers,
 * and the projections between them, each a weight matrix W (to-units × from-units, as in n = W h). A chain
 * is the special case of one projection from each layer to the next; the forward pass visits the layers in
 * order and each takes the sum over the projections into it, so networks with several inputs or skips need
 * no other code. Every sum runs over its index in ascending order from a fixed start (the bias, or 0), the
 * order the fast paths (../kernels.ts, ../wasm) keep, so the two agree bit for bit.
 */
import type { ActivationName } from '../../model/schema';
import { ACTIVATIONS } from '../activation-table';
import { exp } from '../exp';

export interface Layer {
  units: number;
  activation: ActivationName;
  bias: boolean;
  /** Whether the projections into this layer and its bias learn. */
  learns: boolean;
}

export interface Projection {
  from: number;
  to: number;
  /** to-units × from-units, row-major. */
  weights: Float64Array;
}

export class ReferenceNetwork {
  /** Per layer: its bias (zeros without one), net input n, activation h and delta δ = ∂L/∂n. */
  readonly b: Float64Array[];
  readonly n: Float64Array[];
  readonly h: Float64Array[];
  readonly delta: Float64Array[];

  constructor(readonly layers: readonly Layer[], readonly projections: readonly Projection[]) {
    this.b = layers.map((layer) => new Float64Array(layer.units));
    this.n = layers.map((layer) => new Float64Array(layer.units));
    this.h = layers.map((layer) => new Float64Array(layer.units));
    this.delta = layers.map((layer) => new Float64Array(layer.units));
  }

  /** A chain: layer j projects into layer j + 1. */
  static chain(layers: readonly Layer[]): ReferenceNetwork {
    return new ReferenceNetwork(layers, layers.slice(1).map((layer, j) => ({ from: j, to: j + 1, weights: new Float64Array(layer.units * layers[j].units) })));
  }

  get output(): Float64Array {
    return this.h[this.layers.length - 1];
  }

  /** n_i = b_i + Σ_{projections p into i} W_p h_{from(p)},  h_i = f_i(n_i). */
  forward(input: ArrayLike<number>): Float64Array {
    this.h[0].set(Array.from(input));
    for (let i = 1; i < this.layers.length; i++) {
      const n = this.n[i];
      n.set(this.b[i]);
      for (const p of this.projections) {
        if (p.to !== i) continue;
        const h = this.h[p.from];
        for (let r = 0; r < n.length; r++) {
          for (let c = 0; c < h.length; c++) n[r] += p.weights[r * h.length + c] * h[c];
        }
      }
      activate(this.layers[i].activation, n, this.h[i]);
    }
    return this.output;
  }

  /**
   * The hidden deltas, from the top down, after the output's: δ_i = [Σ_{p out of i} B_pᵀ δ_{to(p)}] ⊙ f'(n_i),
   * with B_p the projection's weights (backpropagation) or a fixed random matrix (feedback alignment).
   */
  backward(backwardMatrices: readonly Float64Array[]): void {
    for (let i = this.layers.length - 2; i >= 1; i--) {
      const delta = this.delta[i];
      delta.fill(0);
      this.projections.forEach((p, q) => {
        if (p.from !== i) return;
        const above = this.delta[p.to];
        for (let c = 0; c < delta.length; c++) {
          let sum = 0;
          for (let r = 0; r < above.length; r++) sum += above[r] * backwardMatrices[q][r * delta.length + c];
          delta[c] += sum;
        }
      });
      const fPrime = ACTIVATIONS[this.layers[i].activation].derivative!;
      for (let c = 0; c < delta.length; c++) delta[c] *= fPrime(this.n[i][c], this.h[i][c]);
    }
  }
}

function activate(name: ActivationName, n: Float64Array, h: Float64Array): void {
  const f = ACTIVATIONS[name].f;
  if (f) {
    for (let k = 0; k < n.length; k++) h[k] = f(n[k]);
    return;
  }
  // Softmax: o_k = e^{n_k} / Σ_m e^{n_m}, the largest n subtracted first so e^n stays finite (it cancels).
  const max = Math.max(...n);
  let sum = 0;
  for (let k = 0; k < n.length; k++) {
    h[k] = exp(n[k] - max);
    sum += h[k];
  }
  for (let k = 0; k < n.length; k++) h[k] /= sum;
}
