/**
 * Online truncated backpropagation through time without weight decay, each projection's gradient over the
 * k events and its update in one pass (docs/science.md, "Simple recurrent networks"). The chain of calls is
 * the graph path's — the current event's backward pass, then ../recurrent/recurrence.ts's steps back
 * through the stored events, each a backward pass and a gradient term — but instead of adding each term to
 * the gradient sum as it comes, this object records the terms' rows (δ_to and h_from of each step, current
 * event first, then newest to oldest, as the sum runs) and, at the end, forms
 *
 *     g_p = δ_to(t) h_from(t)ᵀ + δ_to(t−1) h_from(t−1)ᵀ + …,    ΔW_p = α ΔW_p(t−1) − λ g_p
 *
 * with the block kernels' sums (gradientProduct, or in WebAssembly gradientKeepUpdate, which applies the
 * update as it stores g, where the arena holds the arrays and plan.ts chooses it): one running sum per
 * weight over the rows in that order, from the first row's product — the bits of addGradient(first) then
 * addGradient(…, false) per step then applyUpdate, which is what the general path computes; g is left in
 * the run's gradient buffer, as that path leaves it. The biases likewise (biasGradient).
 *
 * Where the arena holds everything, the current event's backward pass and its row (backwardAndRecord), and
 * the event stored and the steps back with their rows (stepsBack, which Recurrence asks first), are each one
 * call into WebAssembly: step programs (through-time-program.ts), the same operations in the same order.
 */
import type { CopyLinkSpec } from '../../model/schema';
import type { GraphNetwork, GraphPassFunctions, GraphViews } from '../graph/graph-network';
import type { UpdateSettings } from '../optimizer';
import type { GraphPasses } from './graph-passes';
import { biasGradient, gradientProduct } from './kernels';
import { chooseProjectionKernel } from './plan';
import { ThroughTimePrograms } from './through-time-program';
import type { ArenaMemory, BlockKernels } from './wasm/kernel-arena';

export class ThroughTimeUpdate implements GraphPassFunctions {
  /** Per layer: `depth` rows of δ and of h, one per recorded step. */
  private readonly deltas: Float64Array[];
  private readonly acts: Float64Array[];
  private rows = 0;
  private readonly wasm: BlockKernels | null;
  private readonly arena: ArenaMemory | null;
  private readonly projectionWasm: readonly boolean[];
  /** Byte offsets of the recorded rows and of W_p (used only with the arena). */
  private readonly deltaAt: readonly number[];
  private readonly actAt: readonly number[];
  private readonly weightAt: readonly number[];
  /** The layers whose δ a learning projection or bias reads, and whose h a learning projection reads: what a step records. */
  private readonly recordedDeltas: readonly number[];
  private readonly recordedActs: readonly number[];

  /** The same work as step programs, one call into WebAssembly each (through-time-program.ts). */
  readonly programs: ThroughTimePrograms;

  constructor(
    private readonly net: GraphNetwork, private readonly passes: GraphPasses, readonly depth: number, arena: ArenaMemory | null,
    links: readonly CopyLinkSpec[] = [],
  ) {
    const allocate = (length: number) => (arena ? arena.allocate(length) : new Float64Array(length));
    this.deltas = net.sizes.map((n) => allocate(depth * n));
    this.acts = net.sizes.map((n) => allocate(depth * n));
    const inArena = arena !== null && [net.params, ...this.deltas, ...this.acts].every((array) => arena.holds(array));
    this.arena = inArena ? arena : null;
    this.wasm = inArena ? arena.kernels : null;
    const learning = net.projections.filter((_, q) => net.projectionLearns[q]);
    this.recordedDeltas = net.sizes.flatMap((_, g) => (net.biasLearns[g] || learning.some((p) => p.to === g) ? [g] : []));
    this.recordedActs = net.sizes.flatMap((_, g) => (learning.some((p) => p.from === g) ? [g] : []));
    this.deltaAt = this.deltas.map((array) => array.byteOffset);
    this.actAt = this.acts.map((array) => array.byteOffset);
    this.weightAt = net.weights.map((array) => array.byteOffset);
    this.projectionWasm = net.projections.map((p) => chooseProjectionKernel(inArena, net.sizes[p.to], net.sizes[p.from]) === 'wasm');
    const rows = { deltas: this.deltas, acts: this.acts, recordedDeltas: this.recordedDeltas, recordedActs: this.recordedActs };
    this.programs = new ThroughTimePrograms(net, passes, depth, arena, rows, links);
  }

  /** The current event's backward pass and its term recorded (row 0): a step program where one can, else the passes. */
  backwardAndRecord(backwardMatrices: readonly Float64Array[], gradient: GraphViews): void {
    if (this.programs.runCurrent(backwardMatrices)) {
      this.rows = 1;
      return;
    }
    this.passes.backward(backwardMatrices);
    this.begin();
    this.addGradient(gradient, true);
  }

  /**
   * After backwardAndRecord: `events` (oldest first, the last the current event's, not yet stored) — the
   * current event stored and the steps back, their terms recorded — in a step program; false (nothing done)
   * where one cannot, and Recurrence runs them.
   */
  stepsBack(events: readonly { block?: Float64Array }[], backwardMatrices: readonly Float64Array[]): boolean {
    if (this.rows !== 1 || !this.programs.runSteps(events, backwardMatrices)) return false;
    this.rows = events.length;
    return true;
  }

  /** The byte offsets of a list of arrays in the arena (−1 for one outside it), remembered for the last list asked about. */
  private offsetsOf(arrays: readonly Float64Array[], cache: { arrays: readonly Float64Array[] | null; at: number[] }): number[] {
    if (cache.arrays !== arrays) {
      cache.arrays = arrays;
      cache.at = arrays.map((array) => (this.arena?.holds(array) ? array.byteOffset : -1));
    }
    return cache.at;
  }

  private readonly gradientAt = { arrays: null as readonly Float64Array[] | null, at: [] as number[] };
  private readonly momentumAt = { arrays: null as readonly Float64Array[] | null, at: [] as number[] };

  /** Before an event's terms: none recorded. */
  begin(): void {
    this.rows = 0;
  }

  forward(source: ArrayLike<number>, offset?: number): void {
    this.passes.forward(source, offset);
  }

  backward(backwardMatrices: readonly Float64Array[], injected?: readonly (Float64Array | null)[], skip?: readonly boolean[]): void {
    this.passes.backward(backwardMatrices, injected, skip);
  }

  /** Records the step's gradient term (the δ and h it reads, as they stand) instead of adding it to a sum. */
  addGradient(gradient: GraphViews, first: boolean): void {
    void gradient;
    void first;
    const net = this.net;
    const row = this.rows;
    if (row >= this.depth) throw new RangeError(`Backpropagation through time recorded more than its depth of ${this.depth} steps.`);
    // Loops, not TypedArray.set: for a layer's few units the call costs more than the copy.
    for (const g of this.recordedDeltas) {
      const n = net.sizes[g];
      const D = this.deltas[g], d = net.delta[g];
      for (let i = 0, at = row * n; i < n; i++, at++) D[at] = d[i];
    }
    for (const g of this.recordedActs) {
      const n = net.sizes[g];
      const H = this.acts[g], h = net.act[g];
      for (let i = 0, at = row * n; i < n; i++, at++) H[at] = h[i];
    }
    this.rows = row + 1;
  }

  /**
   * The gradient from the recorded terms into `gradient` (where the general path leaves it: the run's
   * gradient buffer holds the last event's sum), and the update from it, for every projection and bias that
   * learns: applyUpdate's arithmetic without weight decay.
   */
  apply(gradient: GraphViews, momentum: GraphViews, settings: UpdateSettings): void {
    const net = this.net;
    const m = this.rows;
    const { learningRate: lr, momentum: alpha } = settings;
    const gAt = this.offsetsOf(gradient.weights, this.gradientAt);
    const mWAt = this.offsetsOf(momentum.weights, this.momentumAt);
    for (let q = 0; q < net.projections.length; q++) {
      if (!net.projectionLearns[q]) continue;
      const { from, to } = net.projections[q];
      const g = gradient.weights[q];
      const D = this.deltas[to];
      const H = this.acts[from];
      const W = net.weights[q];
      const mW = momentum.weights[q];
      if (this.wasm && this.projectionWasm[q] && gAt[q] >= 0 && mWAt[q] >= 0) {
        this.wasm.gradientKeepUpdate(this.deltaAt[to], this.actAt[from], gAt[q], this.weightAt[q], mWAt[q], m, net.sizes[to], net.sizes[from], lr, alpha);
        continue;
      }
      gradientProduct(D, H, g, m, net.sizes[to], net.sizes[from], true);
      step(W, mW, g, lr, alpha);
    }
    for (let k = 0; k < net.biased.length; k++) {
      const layer = net.biased[k];
      if (!net.biasLearns[layer]) continue;
      const g = gradient.biases[k];
      biasGradient(this.deltas[layer], g, m, net.sizes[layer], true);
      step(net.biases[k], momentum.biases[k], g, lr, alpha);
    }
  }
}

/** ΔW = α ΔW(t−1) − λ g, W += ΔW: optimizer.ts's applyUpdate without weight decay. */
function step(W: Float64Array, mW: Float64Array, g: Float64Array, lr: number, alpha: number): void {
  for (let i = 0; i < W.length; i++) {
    const change = alpha * mW[i] - lr * g[i];
    mW[i] = change;
    W[i] += change;
  }
}
