/**
 * A layered network and one pattern's forward and backward pass, in the notation of docs/science.md:
 * n_{j+1} = W^j h_j + b_{j+1}, h_{j+1} = f_{j+1}(n_{j+1}), δ_j = ∂L/∂n_j. All parameters live in one flat
 * Float64Array ([W^0, b_1, W^1, b_2, …]) so a checkpoint or a finiteness check is one pass; `weights[j]` and
 * `biases[j]` are views into it. Buffers are allocated once; the passes allocate nothing.
 */
import type { LayerSpec } from '../model/schema';
import { activate, activationCode, multiplyByDerivative } from './activations';
import { backwardOne, forwardOne } from './fast/kernels';
import { NetworkBuffers, type ParameterViews } from './network-buffers';

/** Views W^j and b_{j+1} (stored at index j) into one flat buffer laid out like the network's parameters. */
export type LayerViews = ParameterViews;

export function parameterCount(sizes: readonly number[]): number {
  let count = 0;
  for (let j = 0; j + 1 < sizes.length; j++) count += sizes[j + 1] * sizes[j] + sizes[j + 1];
  return count;
}

export function layerViews(sizes: readonly number[], buffer: Float64Array): LayerViews {
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  let offset = 0;
  for (let j = 0; j + 1 < sizes.length; j++) {
    const size = sizes[j + 1] * sizes[j];
    weights.push(buffer.subarray(offset, offset + size));
    offset += size;
    biases.push(buffer.subarray(offset, offset + sizes[j + 1]));
    offset += sizes[j + 1];
  }
  return { weights, biases };
}

export class Network extends NetworkBuffers {
  /** D, the number of weight layers. */
  readonly depth: number;
  /** Whether layer j (1 … D) has a bias. */
  readonly hasBias: readonly boolean[];
  /** Whether the weights into layer j (W^{j−1}, b_j) learn, for j = 1 … D. */
  readonly learns: readonly boolean[];
  /** The lowest layer whose delta any update needs (D + 1 when nothing learns). */
  readonly lowestDelta: number;
  // From NetworkBuffers: sizes (layers 0 … D), codes, params ([W^0, b_1, W^1, b_2, …]), weights (W^j for
  // j = 0 … D−1), biases (b_{j+1} stored at index j, zeros where the layer has none), and n_j, h_j, δ_j for
  // j = 0 … D (net[0] and delta[0] are unused).

  /** `allocate` gives the parameters' and the passes' buffers (zeroed): a simulation's kernel arena, or ordinary arrays. */
  constructor(layers: readonly LayerSpec[], allocate?: (length: number) => Float64Array) {
    const sizes = layers.map((layer) => layer.units);
    const codes = layers.map((layer, j) => activationCode(j === 0 ? 'linear' : layer.activation));
    super(sizes, codes, parameterCount(sizes), (buffer) => layerViews(sizes, buffer), allocate);
    this.depth = layers.length - 1;
    this.hasBias = layers.map((layer, j) => j > 0 && layer.bias);
    this.learns = layers.map((layer, j) => j > 0 && layer.learn !== false);
    const lowest = this.learns.findIndex((learns) => learns);
    this.lowestDelta = lowest === -1 ? this.depth + 1 : lowest;
  }

  get output(): Float64Array {
    return this.act[this.depth];
  }

  /** The forward pass from `source[offset …]`; returns the output activations (overwritten by the next pass). */
  forward(source: ArrayLike<number>, offset = 0): Float64Array {
    const h0 = this.act[0];
    for (let i = 0; i < h0.length; i++) h0[i] = source[offset + i];
    for (let j = 0; j < this.depth; j++) {
      const rows = this.sizes[j + 1];
      forwardOne(this.act[j], 0, this.weights[j], this.biases[j], this.net[j + 1], 0, this.sizes[j], rows);
      activate(this.codes[j + 1], this.net[j + 1], this.act[j + 1], rows, rows);
    }
    return this.output;
  }

  /**
   * The hidden delta δ_j = [Bᵀ δ_{j+1}] ⊙ f'(n_j) for 1 ≤ j < D, after the forward pass and δ_{j+1}. B is
   * W^j for backpropagation, the fixed F^j for feedback alignment.
   */
  hiddenDelta(j: number, B: Float64Array): void {
    const cols = this.sizes[j];
    backwardOne(this.delta[j + 1], 0, B, this.delta[j], 0, this.sizes[j + 1], cols);
    multiplyByDerivative(this.codes[j], this.net[j], this.act[j], this.delta[j], cols);
  }
}
