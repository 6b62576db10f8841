/**
 * Online learning, one pattern at a time: forward pass, output delta, then from the top layer down, the
 * delta below each weight layer (through W^j or F^j, read before W^j changes) and that layer's update, in
 * one pass over the weights. No gradient sum is formed, which is what makes small networks fast.
 */
import { multiplyByDerivative } from '../activations';
import { exp } from '../exp';
import { forwardOne } from './kernels';
import { outputDeltas, type LossCode } from '../losses';
import type { LayerViews, Network } from '../network';
import { applyPatternUpdate, type UpdateSettings } from '../optimizer';
import type { EpochCursor } from '../checkpoint';
import { isClassicNetwork } from './plan';
import type { ArenaMemory } from './wasm/kernel-arena';

/** Doubles of the classic step's context in a kernel arena: 24 byte offsets (i32), then tss and correct. */
export const CLASSIC_CONTEXT_LENGTH = 16;

export class OnlinePath {
  private readonly pss = new Float64Array(1);
  private readonly correct = new Uint8Array(1);
  /** The WebAssembly classic step's context (block-kernels.wat's classicOnline), in the arena. */
  private readonly context: { pointers: Int32Array; totals: Float64Array } | null = null;
  /** The pattern inputs the context's pointers were written for (the arrays never change after that). */
  private contextInputs: Float64Array | null = null;

  constructor(private readonly network: Network, private readonly momentum: LayerViews, private readonly arena: ArenaMemory | null = null) {
    if (!arena) return;
    const block = arena.allocate(CLASSIC_CONTEXT_LENGTH);
    if (!arena.holds(block)) return;
    this.context = { pointers: new Int32Array(arena.buffer, block.byteOffset, 24), totals: block.subarray(12, 14) };
  }

  /** Whether the last pattern presented was correct within the margin. */
  get lastCorrect(): boolean {
    return this.correct[0] === 1;
  }

  /** Trains on pattern p of the flat inputs and targets; returns its pss at the forward pass. */
  present(
    inputs: Float64Array, targets: Float64Array, p: number,
    loss: LossCode, margin: number, backwardMatrices: readonly Float64Array[], settings: UpdateSettings,
  ): number {
    const net = this.network;
    const D = net.depth;
    const outUnits = net.sizes[D];
    net.forward(inputs, p * net.sizes[0]);
    outputDeltas(loss, net.codes[D], net.net[D], net.act[D], targets, null, p, net.delta[D], 1, outUnits, margin, this.pss, this.correct);
    const { weights: mW, biases: mb } = this.momentum;
    for (let j = D - 1; j >= 0; j--) {
      const needsDelta = j >= net.lowestDelta;
      if (net.learns[j + 1]) {
        if (needsDelta) backpropagateAndUpdate(net, j, backwardMatrices[j], mW[j], mb[j], settings);
        else applyPatternUpdate(net, j, mW[j], mb[j], settings);
      } else if (needsDelta) {
        net.hiddenDelta(j, backwardMatrices[j]);
      }
    }
    return this.pss[0];
  }

  /** Whether presentClassic may stand in for present() (plan.ts). */
  isClassic(loss: LossCode, backwardMatrices: readonly Float64Array[], settings: UpdateSettings): boolean {
    return isClassicNetwork(this.network, loss, backwardMatrices, settings);
  }

  /**
   * present() for the classic network (isClassic), pattern after pattern of the epoch under way: the
   * cursor's patterns from its position up to `end`, each trained in one function with the same sums in the
   * same order as network.ts, losses.ts, backpropagateAndUpdate and applyPatternUpdate, so the same bits,
   * with a third of the calls per pattern and the arrays looked up once per call, not per pattern. Adds each
   * pattern's pss and correctness to the cursor. False when a pss is not finite: the cursor then stands at
   * that pattern (whose update was applied). The first layer reads the pattern from `inputs` in place
   * (act[0] is not filled).
   */
  presentClassic(inputs: Float64Array, targets: Float64Array, cursor: EpochCursor, end: number, margin: number, settings: UpdateSettings): boolean {
    if (this.context && (this.contextInputs === inputs || this.prepareContext(inputs, targets, cursor)) && this.arena!.holds(cursor.pss)) {
      return this.presentClassicWasm(cursor, end, margin, settings);
    }
    const { learningRate: lr, momentum: alpha } = settings;
    const net = this.network;
    const I = net.sizes[0], H = net.sizes[1], O = net.sizes[2];
    const W0 = net.weights[0], b0 = net.biases[0], W1 = net.weights[1], b1 = net.biases[1];
    const n1 = net.net[1], h1 = net.act[1], n2 = net.net[2], h2 = net.act[2], d1 = net.delta[1], d2 = net.delta[2];
    const { weights: mWs, biases: mbs } = this.momentum;
    const mW1 = mWs[1], mb1 = mbs[1], mW0 = mWs[0], mb0 = mbs[0];
    const order = cursor.order;
    const pssOf = cursor.pss;
    let tss = cursor.tss;
    let correct = cursor.correct;
    let position = cursor.position;
    let finite = true;
    for (; position < end; position++) {
      const p = order[position];
      const x0 = p * I;
      forwardOne(inputs, x0, W0, b0, n1, 0, I, H);
      for (let r = 0; r < H; r++) h1[r] = 1 / (1 + exp(-n1[r]));
      forwardOne(h1, 0, W1, b1, n2, 0, H, O);
      for (let r = 0; r < O; r++) h2[r] = 1 / (1 + exp(-n2[r]));
      // losses.ts's outputDeltas (squared error, logistic outputs).
      const t0 = p * O;
      let pss = 0;
      let ok = true;
      for (let k = 0; k < O; k++) {
        const t = targets[t0 + k];
        if (t !== t) {
          d2[k] = 0;
          continue;
        }
        const o = h2[k];
        const e = t - o;
        pss += e * e;
        if (!(Math.abs(e) <= margin)) ok = false;
        d2[k] = -e * (o * (1 - o));
      }
      // backpropagateAndUpdate of the second layer: δ¹ (B = W¹), then f'(n¹) as multiplyByDerivative
      // multiplies it for logistic units, the biases b², and applyPatternUpdate of the first layer.
      backpropagateAndUpdateWithoutDecay(W1, W1, mW1, d2, h1, d1, O, H, lr, alpha);
      for (let r = 0; r < O; r++) {
        const v = alpha * mb1[r] - lr * d2[r];
        mb1[r] = v;
        b1[r] += v;
      }
      for (let r = 0, i = 0; r < H; r++) {
        const h = h1[r];
        const dr = d1[r] * (h * (1 - h));
        d1[r] = dr;
        for (let c = 0; c < I; c++, i++) {
          const v = alpha * mW0[i] - lr * (dr * inputs[x0 + c]);
          mW0[i] = v;
          W0[i] += v;
        }
        const v = alpha * mb0[r] - lr * dr;
        mb0[r] = v;
        b0[r] += v;
      }
      if (!(pss < Number.POSITIVE_INFINITY)) {
        finite = false;
        break;
      }
      tss += pss;
      pssOf[p] = pss;
      if (ok) correct++;
    }
    cursor.position = position;
    cursor.tss = tss;
    cursor.correct = correct;
    return finite;
  }

  /**
   * Writes the context's pointers when every array the classic step touches lives in the kernel arena (the
   * simulation's arrays never change: once is enough); false, and the TypeScript step runs, otherwise.
   */
  private prepareContext(inputs: Float64Array, targets: Float64Array, cursor: EpochCursor): boolean {
    const arena = this.arena!;
    const net = this.network;
    const { weights: mW, biases: mb } = this.momentum;
    const inArena = arena.holds(inputs) && arena.holds(targets) && arena.holds(cursor.order) &&
      arena.holds(net.params) && arena.holds(mW[0]) && arena.holds(net.net[1]) && arena.holds(net.act[1]) && arena.holds(net.net[2]) &&
      arena.holds(net.act[2]) && arena.holds(net.delta[1]) && arena.holds(net.delta[2]);
    if (!inArena) return false;
    const { pointers } = this.context!;
    pointers[0] = inputs.byteOffset;
    pointers[1] = targets.byteOffset;
    pointers[2] = cursor.order.byteOffset;
    pointers[3] = net.weights[0].byteOffset;
    pointers[4] = net.biases[0].byteOffset;
    pointers[5] = net.weights[1].byteOffset;
    pointers[6] = net.biases[1].byteOffset;
    pointers[7] = mW[0].byteOffset;
    pointers[8] = mb[0].byteOffset;
    pointers[9] = mW[1].byteOffset;
    pointers[10] = mb[1].byteOffset;
    pointers[11] = net.net[1].byteOffset;
    pointers[12] = net.act[1].byteOffset;
    pointers[13] = net.net[2].byteOffset;
    pointers[14] = net.act[2].byteOffset;
    pointers[15] = net.delta[1].byteOffset;
    pointers[16] = net.delta[2].byteOffset;
    pointers[17] = net.sizes[0];
    pointers[18] = net.sizes[1];
    pointers[19] = net.sizes[2];
    this.contextInputs = inputs;
    return true;
  }

  /** presentClassic in WebAssembly (block-kernels.wat's classicOnline): the same sums in the same order, so the same bits. */
  private presentClassicWasm(cursor: EpochCursor, end: number, margin: number, settings: UpdateSettings): boolean {
    const { pointers, totals } = this.context!;
    totals[0] = cursor.tss;
    totals[1] = cursor.correct;
    const reached = this.arena!.kernels.classicOnline(pointers.byteOffset, cursor.pss.byteOffset, cursor.position, end, margin, settings.learningRate, settings.momentum);
    cursor.tss = totals[0];
    cursor.correct = totals[1];
    cursor.position = reached >= 0 ? reached : -1 - reached;
    return reached >= 0;
  }
}

/**
 * δ_j = [Bᵀ δ_{j+1}] ⊙ f'(n_j) and the update of W^j, b_{j+1} in one pass over the weights: each B[i] is
 * read before W[i] changes (B may be W itself). The sums and the update are those of Network.hiddenDelta
 * and applyPatternUpdate, in the same order, so the bits are too.
 */
function backpropagateAndUpdate(net: Network, j: number, B: Float64Array, mW: Float64Array, mb: Float64Array, settings: UpdateSettings): void {
  const { learningRate: lr, momentum: alpha, weightDecay: decay } = settings;
  const W = net.weights[j];
  const d = net.delta[j + 1];
  const h = net.act[j];
  const below = net.delta[j];
  const rows = net.sizes[j + 1];
  const cols = net.sizes[j];
  if (decay === 0) {
    backpropagateAndUpdateWithoutDecay(W, B, mW, d, h, below, rows, cols, lr, alpha);
  } else {
    for (let c = 0; c < cols; c++) below[c] = 0;
    for (let r = 0, i = 0; r < rows; r++) {
      const dr = d[r];
      for (let c = 0; c < cols; c++, i++) {
        below[c] += dr * B[i];
        const change = alpha * mW[i] - lr * (dr * h[c] + decay * W[i]);
        mW[i] = change;
        W[i] += change;
      }
    }
  }
  multiplyByDerivative(net.codes[j], net.net[j], net.act[j], below, cols);
  if (net.hasBias[j + 1]) {
    const b = net.biases[j];
    for (let r = 0; r < rows; r++) {
      const change = alpha * mb[r] - lr * d[r];
      mb[r] = change;
      b[r] += change;
    }
  }
}

/**
 * backpropagateAndUpdate's pass over the weights without weight decay: δ below (before the derivative)
 * into `below`, and each weight's change. Column strips: each δ sum stays in a register (one running sum
 * per column, rows in order, as hiddenDelta sums), and every B[i] is read before W[i] changes.
 */
export function backpropagateAndUpdateWithoutDecay(
  W: Float64Array, B: Float64Array, mW: Float64Array, d: Float64Array, h: Float64Array, below: Float64Array,
  rows: number, cols: number, lr: number, alpha: number,
): void {
  let c = 0;
  for (; c + 4 <= cols; c += 4) {
    const h0 = h[c], h1 = h[c + 1], h2 = h[c + 2], h3 = h[c + 3];
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let r = 0, i = c; r < rows; r++, i += cols) {
      const dr = d[r];
      s0 += dr * B[i]; s1 += dr * B[i + 1]; s2 += dr * B[i + 2]; s3 += dr * B[i + 3];
      let v = alpha * mW[i] - lr * (dr * h0);
      mW[i] = v; W[i] += v;
      v = alpha * mW[i + 1] - lr * (dr * h1);
      mW[i + 1] = v; W[i + 1] += v;
      v = alpha * mW[i + 2] - lr * (dr * h2);
      mW[i + 2] = v; W[i + 2] += v;
      v = alpha * mW[i + 3] - lr * (dr * h3);
      mW[i + 3] = v; W[i + 3] += v;
    }
    below[c] = s0; below[c + 1] = s1; below[c + 2] = s2; below[c + 3] = s3;
  }
  const left = cols - c;
  if (left === 3) {
    const h0 = h[c], h1 = h[c + 1], h2 = h[c + 2];
    let s0 = 0, s1 = 0, s2 = 0;
    for (let r = 0, i = c; r < rows; r++, i += cols) {
      const dr = d[r];
      s0 += dr * B[i]; s1 += dr * B[i + 1]; s2 += dr * B[i + 2];
      let v = alpha * mW[i] - lr * (dr * h0);
      mW[i] = v; W[i] += v;
      v = alpha * mW[i + 1] - lr * (dr * h1);
      mW[i + 1] = v; W[i + 1] += v;
      v = alpha * mW[i + 2] - lr * (dr * h2);
      mW[i + 2] = v; W[i + 2] += v;
    }
    below[c] = s0; below[c + 1] = s1; below[c + 2] = s2;
  } else if (left === 2) {
    const h0 = h[c], h1 = h[c + 1];
    let s0 = 0, s1 = 0;
    for (let r = 0, i = c; r < rows; r++, i += cols) {
      const dr = d[r];
      s0 += dr * B[i]; s1 += dr * B[i + 1];
      let v = alpha * mW[i] - lr * (dr * h0);
      mW[i] = v; W[i] += v;
      v = alpha * mW[i + 1] - lr * (dr * h1);
      mW[i + 1] = v; W[i + 1] += v;
    }
    below[c] = s0; below[c + 1] = s1;
  } else if (left === 1) {
    const h0 = h[c];
    let s0 = 0;
    for (let r = 0, i = c; r < rows; r++, i += cols) {
      const dr = d[r];
      s0 += dr * B[i];
      const v = alpha * mW[i] - lr * (dr * h0);
      mW[i] = v; W[i] += v;
    }
    below[c] = s0;
  }
}
