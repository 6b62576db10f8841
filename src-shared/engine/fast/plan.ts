/**
 * Which code runs — the one place the engine chooses between the reference maths and its fast paths: for a
 * whole call, which path presents a run's patterns (choosePlan); within a block pass, which kernel forms
 * each layer's products (chooseForwardKernel, chooseUpdateKernel: WebAssembly when the arrays are in the
 * arena, sparse when the data are mostly zeros, which depends on the values, not the settings). Every
 * choice gives the same bits (the tests hold each fast path to the general one); only the speed differs.
 */
import { LOGISTIC, RELU, type ActivationCode } from '../activations';
import { SQUARED_ERROR, type LossCode } from '../losses';
import type { Network } from '../network';
import type { UpdateSettings } from '../optimizer';
import { blockIsFinite, countZeros } from './sparse';

/**
 * - `classic`: online, OnlinePath.presentClassic — the one-hidden-layer logistic network of the lecture in
 *   one function (in WebAssembly where the arena holds its arrays);
 * - `online`: online, OnlinePath.present — any network, pattern by pattern;
 * - `block`: batch and minibatch, BlockPass — several patterns at once, the gradient summed.
 */
export type PresentationPlan = 'classic' | 'online' | 'block';

export function choosePlan(
  network: Network, settings: UpdateSettings & { update: 'online' | 'batch' | 'minibatch' }, loss: LossCode,
  backwardMatrices: readonly Float64Array[],
): PresentationPlan {
  if (settings.update !== 'online') return 'block';
  return isClassicNetwork(network, loss, backwardMatrices, settings) ? 'classic' : 'online';
}

/**
 * One hidden layer of logistic units and logistic outputs, both with biases and learning, squared error,
 * backpropagation (B = W), no weight decay: what OnlinePath.presentClassic computes.
 */
export function isClassicNetwork(network: Network, loss: LossCode, backwardMatrices: readonly Float64Array[], settings: UpdateSettings): boolean {
  const net = network;
  return net.depth === 2 && loss === SQUARED_ERROR && settings.weightDecay === 0 && backwardMatrices[1] === net.weights[1] &&
    net.codes[1] === LOGISTIC && net.codes[2] === LOGISTIC && net.hasBias[1] && net.hasBias[2] && net.learns[1] && net.learns[2];
}

/**
 * The sparse kernels (sparse.ts) give the dense kernels' bits; they pay off when at most this fraction of
 * a ReLU layer's deltas are nonzero (usually about half are)…
 */
const SPARSE_DELTA_FRACTION = 0.625;
/** … or of a block's input values (one-hot and binary patterns); else the dense 4 × 4 tiles are faster. */
const SPARSE_INPUT_FRACTION = 0.25;

/**
 * Which kernel forms one layer's product in a block pass (block.ts): `wasm`, wasm/block-kernels.wat (its
 * arrays in the kernel arena); `sparse-deltas` and `sparse-inputs`, sparse.ts, skipping the zero deltas or
 * the zero inputs; `tiles`, kernels.ts's 4 × 4 tiles.
 */
export type BlockKernel = 'wasm' | 'sparse-deltas' | 'sparse-inputs' | 'tiles';

/**
 * Whether a pattern set's inputs are mostly zeros, so the first layer uses the sparse-input kernels: judged
 * once per pattern set (its inputs never change), over all of its patterns, when the first hidden layer has
 * at least four units.
 */
export function inputsAreSparse(inputs: Float64Array, firstLayerUnits: number): boolean {
  return firstLayerUnits >= 4 && countZeros(inputs, inputs.length) >= (1 - SPARSE_INPUT_FRACTION) * inputs.length;
}

/** Layer j's forward product n = W h + b over `count` rows; `W` has `weightCount` entries. */
export function chooseForwardKernel(
  j: number, inWasm: boolean, inputsSparse: boolean, count: number, W: Float64Array, weightCount: number,
): BlockKernel {
  if (inWasm) return 'wasm';
  if (j === 0 && inputsSparse && count >= 4 && blockIsFinite(W, weightCount)) return 'sparse-inputs';
  return 'tiles';
}

/**
 * Layer j's fused gradient and update (BlockPass.accumulateAndUpdate), with deltas D (count × rows) of
 * units of activation `code` and the activations H (count × cols) below.
 */
export function chooseUpdateKernel(
  j: number, inWasm: boolean, inputsSparse: boolean, code: ActivationCode, D: Float64Array, H: Float64Array,
  count: number, rows: number, cols: number,
): BlockKernel {
  if (inWasm) return 'wasm';
  if (count >= 4 && code === RELU && countZeros(D, count * rows) >= (1 - SPARSE_DELTA_FRACTION) * count * rows && blockIsFinite(H, count * cols)) {
    return 'sparse-deltas';
  }
  if (j === 0 && inputsSparse && count >= 4 && blockIsFinite(D, count * rows)) return 'sparse-inputs';
  return 'tiles';
}

/**
 * How a graph run (../graph/graph-run.ts) presents its patterns, for a whole advance() call: `online`,
 * each projection's deltas and update fused (GraphPasses.backwardAndUpdate: online, no weight decay, no
 * gradient through time); `through-time`, online truncated BPTT without weight decay, each projection's
 * gradient over the k events and its update in one pass (graph-through-time.ts); `fast`, the fast kernels'
 * passes and the gradient summed; `reference`, GraphNetwork's own passes (only when switched on for tests
 * and benchmarks: the same bits, slower).
 */
export type GraphPlan = 'online' | 'through-time' | 'fast' | 'reference';

let graphReference = false;

/** Whether graph runs use GraphNetwork's reference passes instead of the fast kernels (tests compare the two). */
export function useGraphReferencePasses(on: boolean): void {
  graphReference = on;
}

/** `timeDepth`: how many events the gradient reaches back (1 for a feed-forward network and the one-step gradient). */
export function chooseGraphPlan(settings: UpdateSettings & { update: 'online' | 'batch' | 'minibatch' }, timeDepth: number): GraphPlan {
  if (graphReference) return 'reference';
  if (settings.update !== 'online' || settings.weightDecay !== 0) return 'fast';
  return timeDepth === 1 ? 'online' : 'through-time';
}

/**
 * Where a graph run's buffers are in a kernel arena, which projections' products go to WebAssembly (one
 * pattern at a time, fast/graph-passes.ts): a call into WebAssembly costs more than a small product in
 * TypeScript (temporal XOR's 2 × 2 projections ran at half the speed), so a projection of fewer weights than
 * this, and a layer of fewer units (its logistic units and their derivative), stay in TypeScript. The same
 * bits either way; tests lower it to 0 to send every call to WebAssembly.
 */
let projectionWasmMinimum = 24;

export function setProjectionWasmMinimum(weights: number): void {
  projectionWasmMinimum = weights;
}

/** Whether projection (rows × cols weights) or, with cols = 4, a layer of `rows` units runs in WebAssembly. */
export function chooseProjectionKernel(inWasm: boolean, rows: number, cols: number): 'wasm' | 'typescript' {
  return inWasm && rows * cols >= projectionWasmMinimum ? 'wasm' : 'typescript';
}
