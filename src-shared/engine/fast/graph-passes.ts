/**
 * A graph network's passes (../graph/graph-network.ts) on the chain engine's fast kernels, projection by
 * projection, with the same bits as GraphNetwork's own passes, which are the reference:
 *
 * - forward: n_g starts from b_g and each incoming projection adds W_p h in forwardOne (kernels.ts), whose
 *   start value is n_g itself — one running sum per unit, projections in the model's order, as the
 *   reference sums;
 * - backward: each outgoing projection's B_pᵀ δ in backwardOne (a sum from 0, rows in order), added to the
 *   layer's sum in the model's order, as the reference adds its per-projection sums;
 * - gradient: gradientProduct for one pattern (g = δ hᵀ, or g + δ hᵀ), as the reference forms it;
 * - online without weight decay: each projection's B_pᵀ δ and its update in one pass over its weights
 *   (backpropagateAndUpdateWithoutDecay, online.ts), each B read before W changes — the update the
 *   reference applies after the whole backward pass, element by element the same arithmetic.
 */
import { activate, multiplyByDerivative } from '../activations';
import type { GraphNetwork, GraphViews, GraphPassFunctions } from '../graph/graph-network';
import { applyOuterProductUpdate, type UpdateSettings } from '../optimizer';
import { backwardOne, forwardOne, gradientProduct } from './kernels';
import { backpropagateAndUpdateWithoutDecay } from './online';

export class GraphPasses implements GraphPassFunctions {
  /** Per projection: B_pᵀ δ_{to(p)}, from(p)'s share of the backward sum. */
  private readonly shares: Float64Array[];
  /** Per layer: Σ over outgoing projections, before f'. */
  private readonly back: Float64Array[];
  /** Per layer: whether it is neither an input nor a context layer (a layer the forward pass computes and whose δ is used). */
  private readonly computed: boolean[];

  constructor(private readonly net: GraphNetwork) {
    this.shares = net.projections.map((p) => new Float64Array(net.sizes[p.from]));
    this.back = net.sizes.map((n) => new Float64Array(n));
    this.computed = net.layers.map((layer, g) => layer.kind !== 'input' && !net.isContext[g]);
  }

  forward(source: ArrayLike<number>, offset = 0): void {
    const net = this.net;
    let at = offset;
    for (const g of net.inputs) {
      const h = net.act[g];
      for (let i = 0; i < h.length; i++) h[i] = source[at++];
    }
    for (const g of net.order) {
      if (!this.computed[g]) continue;
      const n = net.net[g];
      const rows = n.length;
      n.set(net.biases[net.biasIndex[g]]);
      for (const q of net.into[g]) {
        const h = net.act[net.projections[q].from];
        forwardOne(h, 0, net.weights[q], n, n, 0, h.length, rows);
      }
      activate(net.codes[g], n, net.act[g], rows, rows);
    }
  }

  backward(backwardMatrices: readonly Float64Array[], injected?: readonly (Float64Array | null)[]): void {
    const net = this.net;
    for (let k = net.order.length - 1; k >= 0; k--) {
      const g = net.order[k];
      const inject = injected?.[g];
      if (net.layers[g].kind === 'input' || (net.outOf[g].length === 0 && !inject)) continue;
      const back = this.back[g];
      if (inject) back.set(inject);
      else back.fill(0);
      for (const q of net.outOf[g]) {
        const above = net.delta[net.projections[q].to];
        const share = this.shares[q];
        backwardOne(above, 0, backwardMatrices[q], share, 0, above.length, back.length);
        for (let c = 0; c < back.length; c++) back[c] += share[c];
      }
      this.finishDelta(g, back);
    }
  }

  addGradient(gradient: GraphViews, first: boolean, all = false): void {
    const net = this.net;
    const projections = net.projections;
    for (let q = 0; q < projections.length; q++) {
      if (!all && !net.projectionLearns[q]) continue;
      const d = net.delta[projections[q].to];
      const h = net.act[projections[q].from];
      gradientProduct(d, h, gradient.weights[q], 1, d.length, h.length, first);
    }
    const biased = net.biased;
    for (let k = 0; k < biased.length; k++) {
      if (!all && !net.biasLearns[biased[k]]) continue;
      const gb = gradient.biases[k];
      const d = net.delta[biased[k]];
      for (let r = 0; r < gb.length; r++) gb[r] = first ? d[r] : gb[r] + d[r];
    }
  }

  /**
   * Online, without weight decay, after the forward pass and the output layers' loss terms: from the last
   * layer down, each layer's δ from its outgoing projections' shares (in the model's order), then each
   * incoming projection's share of the layer below and its update ΔW = α ΔW(t−1) − λ δ hᵀ in one pass over
   * its weights, and the bias's Δb = α Δb(t−1) − λ δ. No gradient is stored.
   */
  backwardAndUpdate(backwardMatrices: readonly Float64Array[], momentum: GraphViews, settings: UpdateSettings): void {
    const net = this.net;
    const { learningRate: lr, momentum: alpha } = settings;
    for (let k = net.order.length - 1; k >= 0; k--) {
      const g = net.order[k];
      if (!this.computed[g]) continue;
      const outOf = net.outOf[g];
      if (outOf.length > 0) {
        const back = this.back[g];
        back.fill(0);
        for (const q of outOf) {
          const share = this.shares[q];
          for (let c = 0; c < back.length; c++) back[c] += share[c];
        }
        this.finishDelta(g, back);
      }
      const d = net.delta[g];
      const rows = d.length;
      for (const q of net.into[g]) {
        const from = net.projections[q].from;
        const h = net.act[from];
        const cols = h.length;
        const share = this.computed[from] ? this.shares[q] : null;
        if (net.projectionLearns[q]) {
          const W = net.weights[q];
          const mW = momentum.weights[q];
          if (share) backpropagateAndUpdateWithoutDecay(W, backwardMatrices[q], mW, d, h, share, rows, cols, lr, alpha);
          else applyOuterProductUpdate(W, mW, d, h, rows, cols, lr, alpha);
        } else if (share) {
          backwardOne(d, 0, backwardMatrices[q], share, 0, rows, cols);
        }
      }
      if (net.biasLearns[g]) {
        const b = net.biases[net.biasIndex[g]];
        const mb = momentum.biases[net.biasIndex[g]];
        for (let r = 0; r < rows; r++) {
          const change = alpha * mb[r] - lr * d[r];
          mb[r] = change;
          b[r] += change;
        }
      }
    }
  }

  /** δ_g from the sum over g's outgoing projections: f'(n) ⊙ the sum, added to an output layer's loss term. */
  private finishDelta(g: number, back: Float64Array): void {
    const net = this.net;
    multiplyByDerivative(net.codes[g], net.net[g], net.act[g], back, back.length);
    const delta = net.delta[g];
    if (net.layers[g].kind === 'output') for (let c = 0; c < delta.length; c++) delta[c] += back[c];
    else delta.set(back);
  }
}
