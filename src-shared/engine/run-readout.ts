/**
 * What can be read off a training run without changing it: its buffers as laid out in memory, the learning
 * curve, the settings, and the analyses of the network as it stands (test passes, the summed loss and
 * gradient, looking inside one pattern, every pattern's activations). Simulation (simulation.ts) adds the
 * training itself: reset, configure, advance, saving and restoring the state.
 */
import type { ModelDocument, SettingChange, TrainingSettings } from '../model/schema';
import type { RunMemoryLayout } from './arena-layout';
import type { EpochCursor } from './checkpoint';
import { summedGradient, totalLoss } from './gradient';
import { activationsForAll, inspect, inspectPattern, type PatternInspection } from './inspect';
import { lossCode, type LossCode } from './losses';
import type { LayerViews, Network } from './network';
import type { PatternSet } from './patterns';
import { RunHistories } from './run-histories';
import { toRows } from './state-io';
import { maximumMessage } from './stopping';
import { testPass, type TestPass } from './test-pass';
import type { KernelArena } from './fast/wasm/kernel-arena';

export abstract class RunReadout {
  readonly network: Network;
  protected model: ModelDocument;
  /** The training patterns, flat; and the test patterns, when the model has some. */
  readonly data: PatternSet;
  readonly testData: PatternSet | null;
  /** ΔW(t−1) and Δb(t−1), laid out like the network's parameters. */
  readonly momentum: Float64Array;
  protected readonly momentumViews: LayerViews;
  /** g summed over the patterns of the update under way (batch and minibatch modes), when pending. */
  readonly gradient: Float64Array;
  protected readonly gradientViews: LayerViews;
  gradientPending = false;
  /** B^j per layer: W^j for backpropagation and the delta rule, F^j for feedback alignment. */
  protected backwardMatrices: readonly Float64Array[];
  protected loss: LossCode;
  /** The epoch under way: the order its patterns are presented in and how far it has come. */
  readonly cursor: EpochCursor;
  protected readonly arena: KernelArena | null;
  /** The last completed epoch's pss per pattern: the cursor's buffer of that epoch, swapped out at its end. */
  protected lastEpochPss: Float64Array;
  epoch = 0;
  protected readonly histories = new RunHistories();
  /** Settings changed during the run, where each took effect (reset clears them with the curve). */
  readonly settingChanges: SettingChange[] = [];

  /** The run's buffers, in a kernel arena where the WebAssembly kernels can reach them, if the host runs those (arena-layout.ts). */
  protected constructor(model: ModelDocument, { buffers, arena }: RunMemoryLayout) {
    this.model = model;
    this.arena = arena;
    this.network = buffers.network;
    this.data = buffers.data;
    this.testData = buffers.testData;
    ({ momentum: this.momentum, momentumViews: this.momentumViews, gradient: this.gradient, gradientViews: this.gradientViews } = buffers);
    this.cursor = buffers.cursor;
    this.lastEpochPss = buffers.lastEpochPss;
    this.loss = lossCode(model.training.loss);
    this.backwardMatrices = this.network.weights;
  }

  /** Whether the block passes can run in WebAssembly here (wasm/kernel-arena.ts); the bits are the same either way. */
  get usesWasmKernels(): boolean {
    return this.arena !== null;
  }

  /** tss, fraction correct and the test set's tss at epochs historyStride, 2·historyStride, … (epoch-history.ts). */
  get tssHistory(): number[] {
    return this.histories.tss;
  }

  get correctHistory(): number[] {
    return this.histories.correct;
  }

  /** Empty when the model has no test patterns. */
  get testTssHistory(): number[] {
    return this.histories.testTss;
  }

  get historyStride(): number {
    return this.histories.stride;
  }

  /**
   * tss and fraction correct of epoch `epoch` as summed while training it; null before the first epoch, and
   * after loading a file whose history skips that epoch (a stride above 1).
   */
  get lastEpochTss(): number | null {
    return this.histories.lastTss;
  }

  get lastEpochCorrect(): number | null {
    return this.histories.lastCorrect;
  }

  get settings(): TrainingSettings {
    return this.model.training;
  }

  get patternCount(): number {
    return this.data.count;
  }

  /**
   * Each training pattern's pss in the last completed epoch, in the dataset's order: the terms of that
   * epoch's tss (online, each measured just before its own update). Zeros before the first epoch. A buffer
   * the run reuses: it stays as it is through the next epoch and is overwritten while the one after that
   * is trained, so copy what you keep.
   */
  get epochPatternErrors(): Float64Array {
    return this.lastEpochPss;
  }

  get patternsIntoEpoch(): number {
    return this.cursor.inEpoch ? this.cursor.position : 0;
  }

  /** Patterns per update: 1 online, all of them in batch mode, `batchSize` in minibatch mode. */
  get updateSize(): number {
    const { update, batchSize } = this.settings;
    if (update === 'online') return 1;
    if (update === 'batch') return this.data.count;
    return Math.min(batchSize, this.data.count);
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

  /** Why a run stands still at its maximum number of epochs, and how many patterns it left wrong. */
  maximumMessage(): string {
    return maximumMessage(this.epoch, this.testPass(), this.settings.margin);
  }
}
