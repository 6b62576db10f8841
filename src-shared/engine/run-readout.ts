/**
 * What can be read off a training run without changing it: its buffers as laid out in memory, the learning
 * curve, the settings, and the analyses of the network as it stands (test passes, the summed loss and
 * gradient, looking inside one pattern, every pattern's activations). Simulation (simulation.ts) adds the
 * training itself: reset, configure, advance, saving and restoring the state.
 */
import type { ModelDocument } from '../model/schema';
import type { RunMemoryLayout } from './arena-layout';
import { summedGradient, totalLoss } from './gradient';
import { activationsForAll, inspect, inspectPattern, type PatternInspection } from './inspect';
import { lossCode, type LossCode } from './losses';
import type { LayerViews, Network } from './network';
import { RunCore } from './run-core';
import { toRows } from './state-io';
import { testPass, type TestPass } from './test-pass';
import type { KernelArena } from './fast/wasm/kernel-arena';

export abstract class RunReadout extends RunCore {
  readonly network: Network;
  protected readonly momentumViews: LayerViews;
  protected readonly gradientViews: LayerViews;
  /** B^j per layer: W^j for backpropagation and the delta rule, F^j for feedback alignment. */
  protected backwardMatrices: readonly Float64Array[];
  protected loss: LossCode;
  protected readonly arena: KernelArena | null;

  /** The run's buffers, in a kernel arena where the WebAssembly kernels can reach them, if the host runs those (arena-layout.ts). */
  protected constructor(model: ModelDocument, { buffers, arena }: RunMemoryLayout) {
    super(model, buffers.data, buffers.testData, buffers.cursor, buffers.lastEpochPss, buffers.momentum, buffers.gradient);
    this.arena = arena;
    this.network = buffers.network;
    ({ momentumViews: this.momentumViews, gradientViews: this.gradientViews } = buffers);
    this.loss = lossCode(model.training.loss);
    this.backwardMatrices = this.network.weights;
  }

  /** Whether the block passes can run in WebAssembly here (wasm/kernel-arena.ts); the bits are the same either way. */
  get usesWasmKernels(): boolean {
    return this.arena !== null;
  }

  /**
   * Forward pass on every pattern with the current weights: the exact after-epoch figures. `set` 'test'
   * passes over the test patterns instead (null when the model has none).
   */
  testPass(): TestPass;
  testPass(set: 'train' | 'test'): TestPass | null;
  testPass(set: 'train' | 'test' = 'train'): TestPass | null {
    const data = set === 'train' ? this.data : this.testData;
    const source = set === 'train' ? this.model.patterns : this.model.testPatterns;
    if (!data || !source) return null;
    return testPass(this.network, data, source, this.settings.margin);
  }

  /** The loss L summed over the training patterns, with the current weights. */
  totalLoss(): number {
    return totalLoss(this.network, this.data, this.loss);
  }

  /**
   * ∂L/∂W and ∂L/∂b summed over the training patterns, for every layer (for feedback alignment: the rule's
   * update direction, with deltas sent back through F).
   */
  summedGradient(): LayerViews {
    return summedGradient(this.network, this.data, this.loss, this.backwardMatrices);
  }

  /**
   * Looking inside training pattern p (or any input and target, null for "don't care"): the forward pass,
   * target, error signal, deltas and the weight change each layer would get. Applies nothing.
   */
  inspect(p: number): PatternInspection;
  inspect(input: readonly number[], target: readonly (number | null)[], name?: string): PatternInspection;
  inspect(which: number | readonly number[], target?: readonly (number | null)[], name = 'probe'): PatternInspection {
    const context = {
      network: this.network, layers: this.model.layers, backwardMatrices: this.backwardMatrices,
      momentum: this.momentumViews, settings: this.settings, loss: this.loss,
    };
    if (typeof which === 'number') return inspectPattern(context, this.data, which, this.model.patterns[which].name);
    return inspect(context, name, which, Float64Array.from(target!, (t) => t ?? Number.NaN));
  }

  /**
   * Every training pattern's activations in every layer: [layer][pattern][unit] (layer 0 is the input),
   * for representation analyses of the hidden layers.
   */
  activationsForAllPatterns(): number[][][] {
    return activationsForAll(this.network, this.data.inputs, this.data.count);
  }

  /** The matrices deltas are sent back through: W^j, or F^j for feedback alignment. */
  backwardMatrix(j: number): Float64Array {
    return this.backwardMatrices[j];
  }

  /** The weights and biases alone, laid out as the document saves them (W^j out × in): for live views. */
  weightRows(): { weights: number[][][]; biases: number[][] } {
    const net = this.network;
    return { weights: net.weights.map((W, j) => toRows(W, net.sizes[j + 1], net.sizes[j])), biases: net.biases.map((b) => Array.from(b)) };
  }
}
