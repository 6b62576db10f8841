/**
 * A layered network and one pattern's forward and backward pass, in the notation of science.md:
 * n_{j+1} = W^j h_j + b_{j+1}, h_{j+1} = f_{j+1}(n_{j+1}), δ_j = ∂L/∂n_j. Buffers are allocated once;
 * the passes allocate nothing.
 */
import type { LayerSpec } from '../model/schema';
import { activationFor, type Activation } from './activations';

export class Network {
  /** Units in layers 0 … D. */
  readonly sizes: readonly number[];
  /** D, the number of weight layers. */
  readonly depth: number;
  /** f_j for j = 1 … D (index 0 is the input layer's and is never used). */
  readonly activations: readonly Activation[];
  /** Whether layer j (1 … D) has a bias. */
  readonly hasBias: readonly boolean[];
  /** W^j (j = 0 … D−1), row-major, sizes[j+1] rows × sizes[j] columns. */
  readonly weights: Float64Array[];
  /** b_{j+1} stored at index j. */
  readonly biases: Float64Array[];
  /** n_j, h_j and δ_j for j = 0 … D (net[0] and delta[0] are unused). */
  readonly net: Float64Array[];
  readonly act: Float64Array[];
  readonly delta: Float64Array[];

  constructor(layers: readonly LayerSpec[]) {
    this.sizes = layers.map((layer) => layer.units);
    this.depth = layers.length - 1;
    this.activations = layers.map((layer, j) => activationFor(j === 0 ? 'linear' : layer.activation));
    this.hasBias = layers.map((layer, j) => j > 0 && layer.bias);
    this.weights = [];
    this.biases = [];
    for (let j = 0; j < this.depth; j++) {
      this.weights.push(new Float64Array(this.sizes[j + 1] * this.sizes[j]));
      this.biases.push(new Float64Array(this.sizes[j + 1]));
    }
    this.net = this.sizes.map((n) => new Float64Array(n));
    this.act = this.sizes.map((n) => new Float64Array(n));
    this.delta = this.sizes.map((n) => new Float64Array(n));
  }

  get output(): Float64Array {
    return this.act[this.depth];
  }

  /** The forward pass; returns the output activations (a view the next pass overwrites). */
  forward(input: ArrayLike<number>): Float64Array {
    const h0 = this.act[0];
    for (let i = 0; i < h0.length; i++) h0[i] = input[i];
    for (let j = 0; j < this.depth; j++) {
      const rows = this.sizes[j + 1];
      const cols = this.sizes[j];
      const W = this.weights[j];
      const b = this.biases[j];
      const h = this.act[j];
      const n = this.net[j + 1];
      const useBias = this.hasBias[j + 1];
      for (let r = 0; r < rows; r++) {
        let sum = useBias ? b[r] : 0;
        const offset = r * cols;
        for (let c = 0; c < cols; c++) sum += W[offset + c] * h[c];
        n[r] = sum;
      }
      this.activations[j + 1].forward(n, this.act[j + 1], rows);
    }
    return this.output;
  }

  /**
   * Squared-error output delta δ_D = −(t − o) ⊙ f'(n_D), after a forward pass.
   * Returns the pattern's pss = Σ_k (t_k − o_k)², the lecture's E.
   */
  outputDeltaSquaredError(target: ArrayLike<number>): number {
    const D = this.depth;
    const o = this.act[D];
    const n = this.net[D];
    const delta = this.delta[D];
    const f = this.activations[D];
    let pss = 0;
    for (let k = 0; k < o.length; k++) {
      const e = target[k] - o[k];
      pss += e * e;
      delta[k] = -e * f.derivative(n[k], o[k]);
    }
    return pss;
  }

  /** Hidden deltas δ_j = [(W^j)ᵀ δ_{j+1}] ⊙ f'(n_j), for j = D−1 … 1, after the output delta. */
  backpropagate(): void {
    for (let j = this.depth - 1; j >= 1; j--) {
      const rows = this.sizes[j + 1];
      const cols = this.sizes[j];
      const W = this.weights[j];
      const above = this.delta[j + 1];
      const delta = this.delta[j];
      delta.fill(0);
      for (let r = 0; r < rows; r++) {
        const d = above[r];
        const offset = r * cols;
        for (let c = 0; c < cols; c++) delta[c] += W[offset + c] * d;
      }
      const n = this.net[j];
      const h = this.act[j];
      const f = this.activations[j];
      for (let c = 0; c < cols; c++) delta[c] *= f.derivative(n[c], h[c]);
    }
  }
}
