/**
 * What a chain network (network.ts) and a graph network (graph/graph-network.ts) hold alike: each layer's
 * size and activation, every parameter in one flat Float64Array (so a checkpoint or a finiteness check is
 * one pass) with views W per weight matrix and b per layer into it, and one pattern's n, h and δ per layer.
 * Buffers are allocated once; the passes allocate nothing.
 */
import type { ActivationCode } from './activations';

/** Views W and b into one flat buffer laid out like a network's parameters. */
export interface ParameterViews {
  weights: Float64Array[];
  biases: Float64Array[];
}

export abstract class NetworkBuffers {
  /** Units per layer. */
  readonly sizes: readonly number[];
  /** f's code per layer (an input layer's is linear and never used). */
  readonly codes: readonly ActivationCode[];
  /** Every parameter, in the network's layout. */
  readonly params: Float64Array;
  /** W per weight matrix, row-major, to-units rows × from-units columns: views into `params`. */
  readonly weights: Float64Array[];
  /** b per layer that has one in the layout: views into `params`. */
  readonly biases: Float64Array[];
  /** n, h and δ per layer for one pattern (an input layer's n and δ are unused). */
  readonly net: Float64Array[];
  readonly act: Float64Array[];
  readonly delta: Float64Array[];

  /** `allocate` gives the parameters' and the passes' buffers (zeroed): a simulation's kernel arena, or ordinary arrays. */
  protected constructor(
    sizes: readonly number[], codes: readonly ActivationCode[], parameterCount: number, views: (buffer: Float64Array) => ParameterViews,
    allocate: (length: number) => Float64Array = (length) => new Float64Array(length),
  ) {
    this.sizes = sizes;
    this.codes = codes;
    this.params = allocate(parameterCount);
    ({ weights: this.weights, biases: this.biases } = views(this.params));
    this.net = sizes.map((n) => allocate(n));
    this.act = sizes.map((n) => allocate(n));
    this.delta = sizes.map((n) => allocate(n));
  }
}
