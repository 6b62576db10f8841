/**
 * A network that is a graph of layers joined by projections (model/graph.ts), and one pattern's passes
 * (docs/science.md, "Networks as graphs"):
 *
 *     forward, in a topological order    n_g = b_g + Σ_{p into g} W_p h_{from(p)},   h_g = f_g(n_g)
 *     backward, in the reverse order     δ_g = f'(n_g) ⊙ Σ_{p out of g} B_pᵀ δ_{to(p)}  (+ the loss's term on an output layer)
 *     gradient                           ∂L/∂W_p = δ_{to(p)} h_{from(p)}ᵀ,   ∂L/∂b_g = δ_g
 *
 * B_p is W_p (backpropagation) or the fixed F_p (feedback alignment). A context layer (filled by a link of a
 * recurrent network, ../recurrent/recurrence.ts) is skipped by the forward pass: its values are set before it. Every sum starts from the bias (or 0)
 * and runs over projections in the model's order, then over units in ascending order, as the reference
 * (../reference/network.ts) sums. All parameters live in one flat Float64Array, layer by layer in the
 * topological order, each layer's incoming projections' W_p then its b_g: for a chain exactly the chain
 * engine's layout [W^0, b_1, W^1, b_2, …].
 */
import { networkGraph, projectionLearns, topologicalOrder } from '../../model/graph';
import type { LayerSpec, ModelDocument, ProjectionSpec } from '../../model/schema';
import { activate, activationCode, derivative, multiplyByDerivative } from '../activations';
import { NetworkBuffers } from '../network-buffers';

/** Views per projection and per non-input layer into one flat buffer laid out like the parameters. */
export interface GraphViews {
  /** W_p per projection, in the model's projection order. */
  weights: Float64Array[];
  /** b per non-input layer, in layer order (the state's `biases`). */
  biases: Float64Array[];
}

/** One pattern's passes: GraphNetwork's own (the reference) or the fast kernels' (../fast/graph-passes.ts), with the same bits. */
export interface GraphPassFunctions {
  forward(source: ArrayLike<number>, offset?: number): void;
  /** `skip[g]`: layer g's δ is not wanted (nothing the caller reads depends on it): left as it is. */
  backward(backwardMatrices: readonly Float64Array[], injected?: readonly (Float64Array | null)[], skip?: readonly boolean[]): void;
  addGradient(gradient: GraphViews, first: boolean, all?: boolean): void;
}

export class GraphNetwork extends NetworkBuffers implements GraphPassFunctions {
  // From NetworkBuffers: sizes, codes, params, weights (W_p per projection), biases (b per non-input layer), net, act, delta.
  readonly layers: readonly LayerSpec[];
  readonly projections: readonly ProjectionSpec[];
  /** Input and output layers, in layer order: a pattern's input and target are theirs, concatenated. */
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
  /** Non-input layers in layer order; biasIndex[g] is g's position among them (−1 for an input layer). */
  readonly biased: readonly number[];
  readonly biasIndex: readonly number[];
  /** Every layer, each after all that feed it. */
  readonly order: readonly number[];
  /** Indices of the projections into and out of each layer, in the model's order. */
  readonly into: readonly number[][];
  readonly outOf: readonly number[][];
  /** Whether projection p's weights learn, and whether layer g's bias does. */
  readonly projectionLearns: readonly boolean[];
  readonly biasLearns: readonly boolean[];
  /** Whether layer g is a context layer, which a link fills and the forward pass leaves as it is. */
  readonly isContext: readonly boolean[];
  /** Σ over outgoing projections of B_pᵀ δ_{to(p)}, per layer: scratch for the backward pass. */
  private readonly back: Float64Array[];
  readonly inputUnits: number;
  readonly outputUnits: number;

  /** `allocate` gives the parameters' and the passes' buffers (zeroed): a run's kernel arena, or ordinary arrays. */
  constructor(
    model: Pick<ModelDocument, 'layers' | 'projections'> & Partial<Pick<ModelDocument, 'links'>>,
    allocate?: (length: number) => Float64Array,
  ) {
    const graph = networkGraph(model);
    const sizes = model.layers.map((layer) => layer.units);
    const layout: GraphLayout = {
      layers: model.layers, projections: graph.projections, sizes, biased: graph.biased,
      biasIndex: model.layers.map((_, g) => graph.biased.indexOf(g)),
      order: topologicalOrder(model.layers.length, graph.projections),
      into: model.layers.map((_, g) => graph.projections.flatMap((p, q) => (p.to === g ? [q] : []))),
    };
    const codes = model.layers.map((layer) => activationCode(layer.kind === 'input' ? 'linear' : layer.activation));
    super(sizes, codes, graphParameterCount(layout), (buffer) => graphViews(layout, buffer), allocate);
    this.isContext = model.layers.map((_, g) => (model.links ?? []).some((link) => link.to === g));
    ({ layers: this.layers, projections: this.projections, biased: this.biased, biasIndex: this.biasIndex, order: this.order, into: this.into } = layout);
    this.inputs = graph.inputs;
    this.outputs = graph.outputs;
    this.outOf = model.layers.map((_, g) => graph.projections.flatMap((p, q) => (p.from === g ? [q] : [])));
    this.projectionLearns = graph.projections.map((p) => projectionLearns(model, p));
    this.biasLearns = model.layers.map((layer) => layer.kind !== 'input' && layer.bias && layer.learn !== false);
    this.back = this.sizes.map((n) => new Float64Array(n));
    this.inputUnits = this.inputs.reduce((sum, g) => sum + this.sizes[g], 0);
    this.outputUnits = this.outputs.reduce((sum, g) => sum + this.sizes[g], 0);
  }

  /** Per-projection and per-layer views into a buffer laid out like `params` (momentum, a gradient sum). */
  views(buffer: Float64Array): GraphViews {
    return graphViews(this, buffer);
  }

  /** The forward pass from a pattern's input at `source[offset …]`. */
  forward(source: ArrayLike<number>, offset = 0): void {
    let at = offset;
    for (const g of this.inputs) {
      const h = this.act[g];
      for (let i = 0; i < h.length; i++) h[i] = source[at++];
    }
    for (const g of this.order) {
      if (this.layers[g].kind === 'input' || this.isContext[g]) continue;
      const n = this.net[g];
      n.set(this.biases[this.biasIndex[g]]);
      for (const q of this.into[g]) {
        const W = this.weights[q];
        const h = this.act[this.projections[q].from];
        const cols = h.length;
        for (let r = 0; r < n.length; r++) {
          let sum = n[r];
          for (let c = 0, i = r * cols; c < cols; c++, i++) sum += W[i] * h[c];
          n[r] = sum;
        }
      }
      activate(this.codes[g], n, this.act[g], n.length, n.length);
    }
  }

  /**
   * The deltas, after the forward pass and with each output layer's loss term already in `delta` (δ of the
   * loss alone): every other layer gets f'(n) ⊙ Σ_{p out of g} B_pᵀ δ_to, and an output layer that also
   * feeds others adds that sum to its loss term. Input layers get none. `injected[g]`, where given, is added
   * to layer g's sum before f' (backpropagation through time: the δ that later events send back to a link's source);
   * a layer with `skip[g]` is left as it is.
   */
  backward(backwardMatrices: readonly Float64Array[], injected?: readonly (Float64Array | null)[], skip?: readonly boolean[]): void {
    for (let k = this.order.length - 1; k >= 0; k--) {
      const g = this.order[k];
      const kind = this.layers[g].kind;
      const inject = injected?.[g];
      if (kind === 'input' || (this.outOf[g].length === 0 && !inject) || skip?.[g]) continue;
      const back = this.back[g];
      if (inject) back.set(inject);
      else back.fill(0);
      for (const q of this.outOf[g]) {
        const B = backwardMatrices[q];
        const above = this.delta[this.projections[q].to];
        const cols = back.length;
        for (let c = 0; c < cols; c++) {
          let sum = 0;
          for (let r = 0; r < above.length; r++) sum += above[r] * B[r * cols + c];
          back[c] += sum;
        }
      }
      multiplyByDerivative(this.codes[g], this.net[g], this.act[g], back, back.length);
      const delta = this.delta[g];
      if (kind === 'output') for (let c = 0; c < delta.length; c++) delta[c] += back[c];
      else delta.set(back);
    }
  }

  /**
   * g_p (+)= δ_to h_fromᵀ and g_b (+)= δ into `gradient`'s views; `first` starts the sums. Only for what
   * learns (`all` for every parameter): a frozen projection's sum stays 0, and a layer without a bias keeps
   * the zeros a file must hold there (consistency.ts).
   */
  addGradient(gradient: GraphViews, first: boolean, all = false): void {
    this.projections.forEach((p, q) => {
      if (!all && !this.projectionLearns[q]) return;
      const g = gradient.weights[q];
      const d = this.delta[p.to];
      const h = this.act[p.from];
      for (let r = 0, i = 0; r < d.length; r++) {
        for (let c = 0; c < h.length; c++, i++) g[i] = first ? d[r] * h[c] : g[i] + d[r] * h[c];
      }
    });
    this.biased.forEach((layer, k) => {
      if (!all && !this.biasLearns[layer]) return;
      const gb = gradient.biases[k];
      const d = this.delta[layer];
      for (let r = 0; r < gb.length; r++) gb[r] = first ? d[r] : gb[r] + d[r];
    });
  }

  /** f'(n_g) for one unit, for the inspectors. */
  derivativeAt(g: number, unit: number): number {
    return derivative(this.codes[g], this.net[g][unit], this.act[g][unit]);
  }
}

export function graphParameterCount(network: Pick<GraphNetwork, 'projections' | 'sizes' | 'biased'>): number {
  let count = 0;
  for (const p of network.projections) count += network.sizes[p.to] * network.sizes[p.from];
  for (const g of network.biased) count += network.sizes[g];
  return count;
}

/** What the parameters' layout depends on. */
type GraphLayout = Pick<GraphNetwork, 'layers' | 'projections' | 'sizes' | 'biased' | 'biasIndex' | 'order' | 'into'>;

/**
 * Views into a buffer laid out like the parameters: layer by layer in the topological order, each layer's
 * incoming projections' W_p (in the model's order), then its b.
 */
function graphViews(layout: GraphLayout, buffer: Float64Array): GraphViews {
  const weights: Float64Array[] = new Array<Float64Array>(layout.projections.length);
  const biases: Float64Array[] = new Array<Float64Array>(layout.biased.length);
  let offset = 0;
  for (const g of layout.order) {
    if (layout.layers[g].kind === 'input') continue;
    for (const q of layout.into[g]) {
      const size = layout.sizes[g] * layout.sizes[layout.projections[q].from];
      weights[q] = buffer.subarray(offset, offset + size);
      offset += size;
    }
    biases[layout.biasIndex[g]] = buffer.subarray(offset, offset + layout.sizes[g]);
    offset += layout.sizes[g];
  }
  return { weights, biases };
}
