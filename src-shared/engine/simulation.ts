/**
 * A training run: a network, its patterns and settings, and everything that makes continuing exact —
 * epoch, momentum terms, feedback matrices, the gradient summed so far in an unfinished update, the
 * pattern-order stream and where the run stands inside an epoch. However the work is sliced into advance()
 * calls, the run computes the same bits: updates happen only at update boundaries, and every sum the
 * kernels form runs in one fixed order (kernels.ts).
 */
import { recordsEpoch } from '../model/epoch-history';
import { formatPath } from '../model/parse';
import { MAX_WEIGHT_MAGNITUDE, trainingSchema, type ModelDocument, type NetworkState, type SettingChange, type TrainingSettings } from '../model/schema';
import { feedbackInArena, layOutRun } from './arena-layout';
import type { BlockPass } from './fast/block';
import type { Checkpoint, EpochCursor, RunBuffers } from './checkpoint';
import { summedGradient, totalLoss } from './gradient';
import { describeDivergence, withinFileBounds, type SumOverflow } from './divergence';
import { drawFeedback, initializeWeights } from './init';
import { activationsForAll, inspect, inspectPattern, type PatternInspection } from './inspect';
import { lossCode, type LossCode } from './losses';
import type { LayerViews, Network } from './network';
import type { PatternSet } from './patterns';
import { choosePlan } from './fast/plan';
import { Presenter } from './presenter';
import { RandomStream } from './rng';
import { RunHistories } from './run-histories';
import { resetsWeights, settingChange } from './setting-changes';
import { maximumMessage, stopAfterEpoch, type AdvanceOutcome, type StopReason } from './stopping';
import { restoreState, saveState, type RunParts } from './run-state';
import { toRows } from './state-io';
import { testPass, type TestPass } from './test-pass';
import type { KernelArena } from './fast/wasm/kernel-arena';
import { GRAPH_NETWORKS_NOTICE, isGraphModel } from './graph/graph-support';

export type { PatternOutcome, TestPass } from './test-pass';

export type { AdvanceOutcome, StopReason } from './stopping';

export class Simulation implements RunBuffers {
  readonly network: Network;
  private model: ModelDocument;
  /** The training patterns, flat; and the test patterns, when the model has some. */
  readonly data: PatternSet;
  readonly testData: PatternSet | null;
  /** ΔW(t−1) and Δb(t−1), laid out like the network's parameters. */
  readonly momentum: Float64Array;
  private readonly momentumViews: LayerViews;
  /** g summed over the patterns of the update under way (batch and minibatch modes), when pending. */
  readonly gradient: Float64Array;
  private readonly gradientViews: LayerViews;
  gradientPending = false;
  private feedback: Float64Array[] | null = null;
  private readonly feedbackCopies: Float64Array[] | null;
  /** B^j per layer: W^j for backpropagation and the delta rule, F^j for feedback alignment. */
  private backwardMatrices: readonly Float64Array[];
  private loss: LossCode;
  orderStream!: RandomStream;
  /** The epoch under way: the order its patterns are presented in and how far it has come. */
  readonly cursor: EpochCursor;
  private readonly presenter: Presenter;
  private readonly arena: KernelArena | null;
  private readonly block: BlockPass;
  /** Where the epoch under way began: restored if it diverges. */
  private readonly checkpoint: Checkpoint;
  /** Which of the epoch's sums overflowed while every number it summed was finite, when one did. */
  private overflow: SumOverflow = null;
  /** A divergence state() found in the middle of an epoch: the next advance() reports it. */
  private pendingDivergence: AdvanceOutcome | null = null;
  /**
   * Whether the checkpoint already holds the run as it stands at this epoch boundary: taken by
   * finishEpoch in the same advance() call, so startEpoch need not take it again.
   */
  private checkpointCurrent = false;
  /** The last completed epoch's pss per pattern: the cursor's buffer of that epoch, swapped out at its end. */
  private lastEpochPss: Float64Array;
  epoch = 0;
  private readonly histories = new RunHistories();
  /** Settings changed during the run, where each took effect (reset clears them with the curve). */
  readonly settingChanges: SettingChange[] = [];

  /** A chain's run; a graph network runs on the graph path (graph/graph-run.ts), and is refused here by name. */
  constructor(model: ModelDocument) {
    if (isGraphModel(model)) throw new RangeError(GRAPH_NETWORKS_NOTICE);
    this.model = model;
    // In a kernel arena where the WebAssembly kernels can reach them, if the host runs those.
    const { buffers, arena } = layOutRun(model);
    this.arena = arena;
    this.network = buffers.network;
    this.data = buffers.data;
    this.testData = buffers.testData;
    ({ momentum: this.momentum, momentumViews: this.momentumViews, gradient: this.gradient, gradientViews: this.gradientViews } = buffers);
    this.cursor = buffers.cursor;
    this.checkpoint = buffers.checkpoint;
    this.lastEpochPss = buffers.lastEpochPss;
    this.block = buffers.block;
    this.presenter = new Presenter(this, this.network, this.data, this.cursor, buffers.online, buffers.block, buffers.testBlock, this.momentumViews, this.gradientViews);
    this.feedbackCopies = buffers.feedbackCopies;
    this.loss = lossCode(model.training.loss);
    this.backwardMatrices = this.network.weights;
    if (model.state) this.restore(model.state);
    else this.reset();
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

  /** Back to the seed's initial weights: epoch 0, no momentum, the order stream from its start. */
  reset(): void {
    initializeWeights(this.network, this.settings);
    this.momentum.fill(0);
    this.gradientPending = false;
    this.pendingDivergence = null;
    this.feedback = null;
    this.orderStream = RandomStream.forSeed(this.settings.seed, 'order');
    this.cursor.inEpoch = false;
    this.cursor.position = 0;
    this.epoch = 0;
    this.histories.clear();
    this.settingChanges.length = 0;
    this.lastEpochPss.fill(0);
    this.applySettings();
    this.checkpoint.take(this.network.params, this);
  }

  /**
   * New settings. A different seed or initialization means different initial weights, so it resets and
   * returns true. Changing how updates are grouped in the middle of one first applies the part summed so far.
   */
  configure(changes: Partial<TrainingSettings>): boolean {
    const before = this.settings;
    const after = { ...before, ...changes };
    // A setting no file can hold would make every later save of the run one the loader refuses.
    const checked = trainingSchema.safeParse(after);
    if (!checked.success) {
      throw new RangeError(checked.error.issues.map((issue) => `training.${formatPath(issue.path)}: ${issue.message}`).join('; '));
    }
    if (resetsWeights(before, after)) {
      this.model = { ...this.model, training: after };
      this.reset();
      return true;
    }
    if (this.gradientPending && (after.update !== before.update || after.batchSize !== before.batchSize)) this.presenter.applyUpdates(this.settings);
    this.model = { ...this.model, training: after };
    // Once training has begun, a change is part of the run's history (before it, it is just the settings).
    const change = this.epoch === 0 && this.patternsIntoEpoch === 0 ? null : settingChange(before, after, this.epoch, this.patternsIntoEpoch);
    if (change) this.settingChanges.push(change);
    this.applySettings();
    // Changed to batch or minibatch in the middle of an update: the update under way sums from here, from
    // zero — a sum the state records (a file saved mid-update holds its gradient sum), as it would any other.
    const position = this.cursor.position;
    if (after.update !== 'online' && this.cursor.inEpoch && !this.gradientPending && position % this.updateSize !== 0 && position < this.data.count) {
      this.gradient.fill(0);
      this.gradientPending = true;
    }
    return false;
  }

  /** Why training cannot go on from here, before presenting anything. */
  stopBeforeTraining(): StopReason | null {
    return this.epoch >= this.settings.maxEpochs ? 'max-epochs' : null;
  }

  /**
   * Presents up to `budget` patterns. Stops early at the end of an epoch when a stopping criterion holds,
   * or once `untilEpoch` epochs are complete. Online, each presentation is an update; in batch and
   * minibatch modes the update happens when its last pattern has been presented, in whichever call that is.
   */
  advance(budget: number, untilEpoch = Number.POSITIVE_INFINITY): AdvanceOutcome {
    if (this.pendingDivergence) {
      const outcome = this.pendingDivergence;
      this.pendingDivergence = null;
      return outcome;
    }
    let presented = 0;
    const count = this.data.count;
    const cursor = this.cursor;
    // Between calls anything may have changed the run (configure, a test writing a weight): the next
    // epoch to start takes its checkpoint afresh.
    this.checkpointCurrent = false;
    // Nothing below changes the settings, the loss or the backward matrices: which path presents the
    // patterns is decided once per call.
    const presenter = this.presenter;
    const plan = choosePlan(this.network, this.settings, this.loss, this.backwardMatrices);
    while (presented < budget && this.epoch < untilEpoch) {
      if (!cursor.inEpoch) this.startEpoch();
      const left = budget - presented;
      presented += plan === 'block'
        ? presenter.presentBlock(left, this.updateSize, this.loss, this.backwardMatrices, this.settings)
        : presenter.presentOnline(left, plan === 'classic', this.loss, this.backwardMatrices, this.settings);
      if (presenter.failed) return this.diverge(presented);
      if (cursor.position < count) continue;
      if (!this.finishEpoch()) return this.diverge(presented);
      const stop = stopAfterEpoch(this.settings, this.epoch, cursor.tss, cursor.correct, count, () => this.testPass());
      if (stop) return { presented, ...stop };
    }
    return { presented, stop: null, message: null };
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
   * The training pattern the next presentation will show (starting the epoch, and so drawing its order,
   * if none is under way): what "step one pattern" inspects before it presents it.
   */
  nextPattern(): number {
    if (!this.cursor.inEpoch) this.startEpoch();
    return this.cursor.order[this.cursor.position];
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

  /**
   * The run's state as a file holds it. In the middle of an epoch the numbers may already have left what a
   * file can hold (divergence is caught at the epoch's end): then the epoch has diverged, and the state is
   * where it began, as a diverged run keeps, and the next advance() says it diverged.
   */
  state(): NetworkState {
    if (this.cursor.inEpoch && !withinFileBounds(this.network.params, this.momentum, this.gradientPending ? this.gradient : null, this.cursor.tss)) this.pendingDivergence = this.diverge(0);
    return saveState(this.parts());
  }

  toModel(): ModelDocument {
    return { ...this.model, state: this.state() };
  }

  private restore(state: NetworkState): void {
    const parts = this.parts();
    restoreState(parts, state);
    this.gradientPending = parts.gradientPending;
    this.feedback = parts.feedback;
    this.orderStream = parts.orderStream;
    this.epoch = parts.epoch;
    this.histories.stride = parts.historyStride;
    this.histories.restored(this.epoch);
    this.applySettings();
    this.checkpoint.take(this.network.params, this);
  }

  private parts(): RunParts {
    return {
      network: this.network, momentum: this.momentumViews, gradient: this.gradientViews, gradientPending: this.gradientPending,
      feedback: this.feedback, orderStream: this.orderStream, cursor: this.cursor, epoch: this.epoch,
      tssHistory: this.histories.tss, correctHistory: this.histories.correct, historyStride: this.histories.stride,
      testTssHistory: this.testData ? this.histories.testTss : null,
      settingChanges: this.settingChanges,
    };
  }

  /** Derived from the settings: the loss's code and the backward matrices. */
  private applySettings(): void {
    this.loss = lossCode(this.settings.loss);
    if (this.settings.rule === 'feedback-alignment') {
      this.feedback ??= drawFeedback(this.network, this.settings);
      this.backwardMatrices = feedbackInArena(this.feedback, this.feedbackCopies);
    } else {
      this.backwardMatrices = this.network.weights;
    }
  }

  private startEpoch(): void {
    if (!this.checkpointCurrent) this.checkpoint.take(this.network.params, this);
    this.checkpointCurrent = false;
    this.cursor.start(this.settings.order === 'permuted' ? this.orderStream : null);
  }

  /**
   * Records the epoch; false when a parameter is no longer finite or beyond ±MAX_WEIGHT_MAGNITUDE (a saved
   * file must load again: schema.ts). The check copies the parameters as it reads them, into the next
   * epoch's checkpoint, which is completed here too.
   */
  private finishEpoch(): boolean {
    // The histories keep the epoch's tss: one that overflowed (every pss finite, their sum not) is
    // divergence too. Checked before checkParams, which begins the next checkpoint.
    const recording = recordsEpoch(this.epoch + 1, this.historyStride);
    const testData = this.testData;
    const testTss = recording && testData ? this.presenter.testTss(testData, this.loss, this.settings.margin) : 0;
    if (!(this.cursor.tss < Number.POSITIVE_INFINITY)) this.overflow = 'tss';
    else if (!(testTss < Number.POSITIVE_INFINITY)) this.overflow = 'test tss';
    if (this.overflow) return false;
    if (!this.checkpoint.checkParams(this.network.params, MAX_WEIGHT_MAGNITUDE)) return false;
    this.epoch++;
    const finished = this.cursor.pss;
    this.cursor.pss = this.lastEpochPss;
    this.lastEpochPss = finished;
    this.histories.finishEpoch(this.epoch, this.cursor.tss, this.cursor.correct / this.data.count, testData && (() => testTss));
    this.cursor.inEpoch = false;
    this.checkpoint.takeRest(this);
    this.checkpointCurrent = true;
    return true;
  }

  /** Why a run stands still at its maximum number of epochs, and how many patterns it left wrong. */
  maximumMessage(): string {
    return maximumMessage(this.epoch, this.testPass(), this.settings.margin);
  }

  /** Stops a diverged run: names where it went wrong, then goes back to where the epoch began. */
  private diverge(presented: number): AdvanceOutcome {
    this.presenter.failed = false;
    const nets = this.settings.update === 'online' ? this.network.net : this.block.net;
    const what = describeDivergence(this.network, nets, this.model.layers.map((layer) => layer.name), this.overflow);
    this.overflow = null;
    this.checkpoint.restore(this.network.params, this);
    return {
      presented,
      stop: 'diverged',
      message: `Training diverged in epoch ${this.epoch + 1}: ${what}. ` +
        `The weights from the end of epoch ${this.epoch} are kept; try a smaller learning rate.`,
    };
  }
}
