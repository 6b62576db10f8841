/**
 * The passes over a block of patterns at once — the batch and minibatch path, and test passes. A block is
 * a few rows of an update; its activations and deltas are matrices (one row per pattern), so the kernels
 * can reuse each weight they load across patterns. Buffers are sized once; the passes allocate nothing.
 * Which kernel forms each product is chosen in plan.ts.
 */
import { activate, LOGISTIC, multiplyByDerivative } from '../activations';
import { backwardProduct, biasGradient, biasGradientUpdate, forwardProduct, gradientProduct, gradientUpdate } from './kernels';
import { outputDeltas, SQUARED_ERROR, type LossCode } from '../losses';
import type { LayerViews, Network } from '../network';
import { chooseForwardKernel, chooseUpdateKernel, inputsAreSparse } from './plan';
import { sparseForwardProduct, sparseGradientUpdate, sparseInputGradientUpdate } from './sparse';
import type { ArenaMemory, BlockKernels } from './wasm/kernel-arena';

/** Rows per block: enough for the kernels' 4 × 4 tiles to pay off, few enough to bound the buffers' memory. */
export function blockCapacity(sizes: readonly number[], updateSize: number): number {
  const units = sizes.reduce((sum, n) => sum + n, 0);
  return Math.max(1, Math.min(128, updateSize, Math.floor(2 ** 22 / units)));
}

export class BlockPass {
  readonly capacity: number;
  /** Per layer j, `capacity` rows of n_j, h_j and δ_j (act[0] holds the block's inputs). */
  readonly net: Float64Array[];
  readonly act: Float64Array[];
  readonly delta: Float64Array[];
  /** Where outputDeltas reads the gathered rows' targets: rows are not copied, only where they come from. */
  private targets: Float64Array | null = null;
  private order: Uint32Array | null = null;
  private first = 0;
  /** Each row's pss and whether it was correct, after outputDeltas. */
  readonly pss: Float64Array;
  readonly correct: Uint8Array;
  /** Scratch for sparseGradientUpdate: the patterns with a nonzero delta in one row. */
  private readonly rowStart: Int32Array;
  private readonly rowValue: Float64Array;
  /** Scratch for sparseForwardProduct: one pattern's nonzero inputs. */
  private readonly colIndex: Int32Array;
  private readonly colValue: Float64Array;
  private inputsSparse = false;
  private judgedInputs: Float64Array | null = null;
  /**
   * The WebAssembly kernels (wasm/block-kernels.wat, the same bits as kernels.ts), when the block's buffers
   * live in a kernel arena; `inArena[j]`, whether W^j and b_{j+1} do too, so layer j's passes can use them.
   */
  private readonly wasm: BlockKernels | null;
  private readonly arena: ArenaMemory | null;
  private readonly inArena: boolean[];

  constructor(private readonly network: Network, capacity: number, arena: ArenaMemory | null = null) {
    this.capacity = capacity;
    const allocate = (length: number) => (arena ? arena.allocate(length) : new Float64Array(length));
    this.net = network.sizes.map((n) => allocate(capacity * n));
    this.act = network.sizes.map((n) => allocate(capacity * n));
    this.delta = network.sizes.map((n) => allocate(capacity * n));
    this.pss = allocate(capacity);
    this.correct = arena ? arena.allocateUint8(capacity) : new Uint8Array(capacity);
    const buffersInArena = arena !== null && [...this.net, ...this.act, ...this.delta, this.pss, this.correct].every((array) => arena.holds(array));
    this.arena = buffersInArena ? arena : null;
    this.wasm = buffersInArena ? arena.kernels : null;
    this.inArena = network.weights.map((W, j) => buffersInArena && arena.holds(W) && arena.holds(network.biases[j]));
    this.rowStart = new Int32Array(capacity);
    this.rowValue = new Float64Array(capacity);
    this.colIndex = new Int32Array(network.sizes[0]);
    this.colValue = new Float64Array(network.sizes[0]);
  }

  /**
   * Copies the inputs of patterns order[start … start+count) (or start … start+count−1 without an order)
   * into the block's rows, and notes where their targets are for outputDeltas.
   */
  gather(inputs: Float64Array, targets: Float64Array | null, order: Uint32Array | null, start: number, count: number): void {
    const inUnits = this.network.sizes[0];
    const h0 = this.act[0];
    // Whether the first layer uses the sparse-input kernels is judged once per pattern set (plan.ts).
    if (inputs !== this.judgedInputs) {
      this.judgedInputs = inputs;
      this.inputsSparse = inputsAreSparse(inputs, this.network.sizes[1]);
    }
    this.targets = targets;
    this.order = order;
    this.first = start;
    for (let row = 0; row < count; row++) {
      const p = order ? order[start + row] : start + row;
      // A plain loop: subarray() would allocate a view per row.
      for (let i = 0, from = p * inUnits, to = row * inUnits; i < inUnits; i++) h0[to + i] = inputs[from + i];
    }
  }

  /** The forward pass of the rows gathered last (act[0] is filled by gather only). */
  forward(count: number): void {
    const net = this.network;
    for (let j = 0; j < net.depth; j++) {
      const rows = net.sizes[j + 1];
      const wasm = this.inArena[j] ? this.wasm : null;
      const kernel = chooseForwardKernel(j, wasm !== null, this.inputsSparse, count, net.weights[j], rows * net.sizes[j]);
      if (kernel === 'wasm') {
        wasm!.forward(this.act[j].byteOffset, net.weights[j].byteOffset, net.biases[j].byteOffset, this.net[j + 1].byteOffset, count, net.sizes[j], rows);
      } else if (kernel === 'sparse-inputs') {
        sparseForwardProduct(this.act[0], net.weights[0], net.biases[0], this.net[1], count, net.sizes[0], rows, this.colIndex, this.colValue);
      } else {
        forwardProduct(this.act[j], net.weights[j], net.biases[j], this.net[j + 1], count, net.sizes[j], rows);
      }
      if (wasm && net.codes[j + 1] === LOGISTIC) wasm.logistic(this.net[j + 1].byteOffset, this.act[j + 1].byteOffset, count * rows);
      else activate(net.codes[j + 1], this.net[j + 1], this.act[j + 1], count * rows, rows);
    }
  }

  outputDeltas(count: number, loss: LossCode, margin: number): void {
    const net = this.network;
    const D = net.depth;
    const targets = this.targets!;
    const order = this.order;
    const wasm = this.wasm;
    if (wasm && loss === SQUARED_ERROR && net.codes[D] === LOGISTIC && this.arena!.holds(targets) && (order === null || this.arena!.holds(order))) {
      wasm.logisticSquaredError(this.act[D].byteOffset, targets.byteOffset, order === null ? -1 : order.byteOffset, this.first,
        this.delta[D].byteOffset, count, net.sizes[D], margin, this.pss.byteOffset, this.correct.byteOffset);
      return;
    }
    outputDeltas(loss, net.codes[D], this.net[D], this.act[D], targets, order, this.first, this.delta[D], count, net.sizes[D], margin, this.pss, this.correct);
  }

  /** Hidden deltas δ_j for D−1 ≥ j ≥ the lowest layer an update needs, sent back through B^j (W^j or F^j). */
  backward(count: number, backwardMatrices: readonly Float64Array[], lowest = this.network.lowestDelta): void {
    const net = this.network;
    for (let j = net.depth - 1; j >= Math.max(1, lowest); j--) {
      const cols = net.sizes[j];
      const B = backwardMatrices[j];
      const wasm = this.wasm;
      if (wasm && this.arena!.holds(B)) wasm.backward(this.delta[j + 1].byteOffset, B.byteOffset, this.delta[j].byteOffset, count, net.sizes[j + 1], cols);
      else backwardProduct(this.delta[j + 1], B, this.delta[j], count, net.sizes[j + 1], cols);
      if (wasm && net.codes[j] === LOGISTIC) wasm.logisticDerivative(this.act[j].byteOffset, this.delta[j].byteOffset, count * cols);
      else multiplyByDerivative(net.codes[j], this.net[j], this.act[j], this.delta[j], count * cols);
    }
  }

  /**
   * Adds the block's gradient g = Σ_p δ_{j+1} h_jᵀ into `gradient` for every layer that learns (all layers
   * with `everyLayer`); `first` when the block opens an update.
   */
  accumulate(count: number, gradient: LayerViews, first: boolean, everyLayer = false): void {
    const net = this.network;
    for (let j = 0; j < net.depth; j++) {
      if (!everyLayer && !net.learns[j + 1]) continue;
      const rows = net.sizes[j + 1];
      gradientProduct(this.delta[j + 1], this.act[j], gradient.weights[j], count, rows, net.sizes[j], first);
      if (net.hasBias[j + 1]) biasGradient(this.delta[j + 1], gradient.biases[j], count, rows, first);
    }
  }

  /**
   * For a block that holds a whole update, without weight decay: forms each learning layer's gradient and
   * applies the update at once (bit-identical to accumulate(count, …, first = true) then applyUpdate).
   */
  accumulateAndUpdate(count: number, momentum: LayerViews, learningRate: number, alpha: number): void {
    const net = this.network;
    for (let j = 0; j < net.depth; j++) {
      if (!net.learns[j + 1]) continue;
      const rows = net.sizes[j + 1];
      const cols = net.sizes[j];
      const D = this.delta[j + 1];
      const H = this.act[j];
      const mW = momentum.weights[j];
      const kernel = chooseUpdateKernel(j, this.inArena[j] && this.arena!.holds(mW), this.inputsSparse, net.codes[j + 1], D, H, count, rows, cols);
      if (kernel === 'wasm') {
        this.wasm!.gradientUpdate(D.byteOffset, H.byteOffset, net.weights[j].byteOffset, mW.byteOffset, count, rows, cols, learningRate, alpha);
      } else if (kernel === 'sparse-deltas') {
        sparseGradientUpdate(D, H, net.weights[j], mW, count, rows, cols, learningRate, alpha, this.rowStart, this.rowValue);
      } else if (kernel === 'sparse-inputs') {
        sparseInputGradientUpdate(D, H, net.weights[j], mW, count, rows, cols, learningRate, alpha, this.rowStart, this.rowValue);
      } else {
        gradientUpdate(D, H, net.weights[j], mW, count, rows, cols, learningRate, alpha);
      }
      if (!net.hasBias[j + 1]) continue;
      const mb = momentum.biases[j];
      if (this.inArena[j] && this.arena!.holds(mb)) this.wasm!.biasGradientUpdate(D.byteOffset, net.biases[j].byteOffset, mb.byteOffset, count, rows, learningRate, alpha);
      else biasGradientUpdate(D, net.biases[j], mb, count, rows, learningRate, alpha);
    }
  }
}
