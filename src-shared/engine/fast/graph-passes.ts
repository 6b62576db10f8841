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
 *
 * Where the run's buffers live in a kernel arena (../graph/graph-layout.ts), each projection's products go
 * to the WebAssembly kernels (wasm/block-kernels.wat, a block of one pattern): `forward` from the bias, then
 * from n_g itself, as forwardOne sums; `backward` for B_pᵀ δ, as backwardOne; online, `backward` then
 * `gradientUpdate` and `biasGradientUpdate` — B_pᵀ δ read before W_p changes, the update's arithmetic that
 * of applyOuterProductUpdate — and the logistic units and their derivative. The same IEEE operations in
 * the same order, so the same bits (test/unit/engine/graph-wasm.test.ts holds the two to each other); a call
 * whose arrays are not all in the arena (F_p before it is copied there, say) runs in TypeScript.
 */
import { activate, LOGISTIC, multiplyByDerivative } from '../activations';
import type { GraphNetwork, GraphViews, GraphPassFunctions } from '../graph/graph-network';
import { applyOuterProductUpdate, type UpdateSettings } from '../optimizer';
import { backwardOne, forwardOne, gradientProduct } from './kernels';
import { chooseProjectionKernel } from './plan';
import { backpropagateAndUpdateWithoutDecay } from './online';
import type { ArenaMemory, BlockKernels } from './wasm/kernel-arena';

/** Byte offsets in the arena of the arrays the WebAssembly calls read and write (they never move). */
interface ArenaPointers {
  weights: number[];
  biases: number[];
  net: number[];
  act: number[];
  delta: number[];
  shares: number[];
}

export class GraphPasses implements GraphPassFunctions {
  /** Per projection: B_pᵀ δ_{to(p)}, from(p)'s share of the backward sum. */
  private readonly shares: Float64Array[];
  /** Per layer: Σ over outgoing projections, before f'. */
  private readonly back: Float64Array[];
  /** Per layer: whether it is neither an input nor a context layer (a layer the forward pass computes and whose δ is used). */
  private readonly computed: boolean[];
  private readonly isInput: boolean[];
  private readonly isOutput: boolean[];

  /** The WebAssembly kernels, when every buffer of the network and of these passes is in the arena. */
  private readonly wasm: BlockKernels | null = null;
  private readonly arena: ArenaMemory | null = null;
  private readonly at: ArenaPointers | null = null;
  /** Per projection, whether its products run in WebAssembly; per layer, whether its logistic units and derivative do (plan.ts). */
  private readonly projectionWasm: readonly boolean[] = [];
  private readonly layerWasm: readonly boolean[] = [];

  constructor(private readonly net: GraphNetwork, arena: ArenaMemory | null = null) {
    const allocate = (length: number) => (arena ? arena.allocate(length) : new Float64Array(length));
    this.shares = net.projections.map((p) => allocate(net.sizes[p.from]));
    this.back = net.sizes.map((n) => allocate(n));
    this.computed = net.layers.map((layer, g) => layer.kind !== 'input' && !net.isContext[g]);
    this.isInput = net.layers.map((layer) => layer.kind === 'input');
    this.isOutput = net.layers.map((layer) => layer.kind === 'output');
    const buffers = [net.params, ...net.net, ...net.act, ...net.delta, ...this.shares, ...this.back];
    if (!arena || !buffers.every((array) => arena.holds(array))) return;
    this.wasm = arena.kernels;
    this.arena = arena;
    this.projectionWasm = net.projections.map((p) => chooseProjectionKernel(true, net.sizes[p.to], net.sizes[p.from]) === 'wasm');
    this.layerWasm = net.sizes.map((n, g) => net.codes[g] === LOGISTIC && chooseProjectionKernel(true, n, 4) === 'wasm');
    const offsets = (arrays: readonly Float64Array[]) => arrays.map((array) => array.byteOffset);
    this.at = {
      weights: offsets(net.weights), biases: net.layers.map((_, g) => (net.biasIndex[g] < 0 ? -1 : net.biases[net.biasIndex[g]].byteOffset)),
      net: offsets(net.net), act: offsets(net.act), delta: offsets(net.delta), shares: offsets(this.shares),
    };
  }

  /** Whether the WebAssembly kernels serve these passes (the run's buffers are in a kernel arena). */
  get inWasm(): boolean {
    return this.wasm !== null;
  }

  /** Byte offsets of the backward pass's scratch — per layer the sum, per projection the share — for step programs (step-program.ts); null outside an arena. */
  get scratchOffsets(): { back: number[]; shares: number[] } | null {
    return this.at ? { back: this.back.map((array) => array.byteOffset), shares: this.at.shares } : null;
  }

  /** Whether `array` (a momentum view, B_p) is in the arena, so a call that touches it can run in WebAssembly. */
  private held(array: Float64Array): boolean {
    return this.arena !== null && this.arena.holds(array);
  }

  /** The byte offsets of a list of arrays in the arena (−1 for one outside it), remembered for the last list asked about. */
  private offsetsOf(arrays: readonly Float64Array[], cache: { arrays: readonly Float64Array[] | null; at: number[] }): number[] {
    if (cache.arrays !== arrays) {
      cache.arrays = arrays;
      cache.at = arrays.map((array) => (this.held(array) ? array.byteOffset : -1));
    }
    return cache.at;
  }

  /** Where B_p (W_p, or F_p's arena copies), ΔW_p(t−1) and Δb(t−1) are: the same lists call after call. */
  private readonly backwardAt = { arrays: null as readonly Float64Array[] | null, at: [] as number[] };
  private readonly momentumWeightsAt = { arrays: null as readonly Float64Array[] | null, at: [] as number[] };
  private readonly momentumBiasesAt = { arrays: null as readonly Float64Array[] | null, at: [] as number[] };

  forward(source: ArrayLike<number>, offset = 0): void {
    const net = this.net;
    let at = offset;
    for (const g of net.inputs) {
      const h = net.act[g];
      for (let i = 0; i < h.length; i++) h[i] = source[at++];
    }
    const wasm = this.wasm;
    const ptr = this.at;
    for (const g of net.order) {
      if (!this.computed[g]) continue;
      const n = net.net[g];
      const rows = n.length;
      const into = net.into[g];
      // The first projection's sums start from b_g, the others' from n_g: forwardOne's running sums.
      let fromBias = true;
      for (const q of into) {
        const from = net.projections[q].from;
        if (wasm && ptr && this.projectionWasm[q]) {
          wasm.forward(ptr.act[from], ptr.weights[q], fromBias ? ptr.biases[g] : ptr.net[g], ptr.net[g], 1, net.sizes[from], rows);
        } else {
          if (fromBias) n.set(net.biases[net.biasIndex[g]]);
          forwardOne(net.act[from], 0, net.weights[q], n, n, 0, net.sizes[from], rows);
        }
        fromBias = false;
      }
      if (fromBias) n.set(net.biases[net.biasIndex[g]]);
      if (wasm && ptr && this.layerWasm[g]) wasm.logistic(ptr.net[g], ptr.act[g], rows);
      else activate(net.codes[g], n, net.act[g], rows, rows);
    }
  }

  backward(backwardMatrices: readonly Float64Array[], injected?: readonly (Float64Array | null)[], skip?: readonly boolean[]): void {
    const bAt = this.offsetsOf(backwardMatrices, this.backwardAt);
    const net = this.net;
    for (let k = net.order.length - 1; k >= 0; k--) {
      const g = net.order[k];
      const inject = injected?.[g];
      if (this.isInput[g] || (net.outOf[g].length === 0 && !inject) || skip?.[g]) continue;
      const back = this.back[g];
      // Loops, not TypedArray.set and fill: for a layer's few units the call costs more than the copy.
      if (inject) for (let c = 0; c < back.length; c++) back[c] = inject[c];
      else for (let c = 0; c < back.length; c++) back[c] = 0;
      for (const q of net.outOf[g]) {
        const to = net.projections[q].to;
        const above = net.delta[to];
        const share = this.shares[q];
        if (this.at && this.projectionWasm[q] && bAt[q] >= 0) this.wasm!.backward(this.at.delta[to], bAt[q], this.at.shares[q], 1, above.length, share.length);
        else backwardOne(above, 0, backwardMatrices[q], share, 0, above.length, share.length);
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
    const at = this.at;
    const bAt = this.offsetsOf(backwardMatrices, this.backwardAt);
    const mWAt = this.offsetsOf(momentum.weights, this.momentumWeightsAt);
    const mbAt = this.offsetsOf(momentum.biases, this.momentumBiasesAt);
    for (let k = net.order.length - 1; k >= 0; k--) {
      const g = net.order[k];
      if (!this.computed[g]) continue;
      const outOf = net.outOf[g];
      if (outOf.length > 0) {
        const back = this.back[g];
        for (let c = 0; c < back.length; c++) back[c] = 0;
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
        const B = backwardMatrices[q];
        const mW = momentum.weights[q];
        const learns = net.projectionLearns[q];
        if (at && this.projectionWasm[q] && (!share || bAt[q] >= 0) && (!learns || mWAt[q] >= 0)) {
          // B_pᵀ δ first, then the update: each B read before W changes, as the fused TypeScript pass reads it.
          if (share) this.wasm!.backward(at.delta[g], bAt[q], at.shares[q], 1, rows, cols);
          if (learns) this.wasm!.gradientUpdate(at.delta[g], at.act[from], at.weights[q], mWAt[q], 1, rows, cols, lr, alpha);
        } else if (learns) {
          const W = net.weights[q];
          if (share) backpropagateAndUpdateWithoutDecay(W, B, mW, d, h, share, rows, cols, lr, alpha);
          else applyOuterProductUpdate(W, mW, d, h, rows, cols, lr, alpha);
        } else if (share) {
          backwardOne(d, 0, B, share, 0, rows, cols);
        }
      }
      if (net.biasLearns[g]) {
        const b = net.biases[net.biasIndex[g]];
        const mb = momentum.biases[net.biasIndex[g]];
        if (at && this.layerWasm[g] && mbAt[net.biasIndex[g]] >= 0) {
          this.wasm!.biasGradientUpdate(at.delta[g], at.biases[g], mbAt[net.biasIndex[g]], 1, rows, lr, alpha);
          continue;
        }
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
    if (this.wasm && this.layerWasm[g]) this.wasm.logisticDerivative(this.at!.act[g], back.byteOffset, back.length);
    else multiplyByDerivative(net.codes[g], net.net[g], net.act[g], back, back.length);
    const delta = net.delta[g];
    if (this.isOutput[g]) for (let c = 0; c < delta.length; c++) delta[c] += back[c];
    else for (let c = 0; c < delta.length; c++) delta[c] = back[c];
  }
}
