/**
 * A training run: a network, its patterns and settings, and everything that makes continuing exact —
 * epoch, momentum terms, feedback matrices, the gradient summed so far in an unfinished update, the
 * pattern-order stream and where the run stands inside an epoch. However the work is sliced into advance()
 * calls, the run computes the same bits: updates happen only at update boundaries, and every sum the
 * kernels form runs in one fixed order (kernels.ts).
 */
import { MAX_WEIGHT_MAGNITUDE, type InitSettings, type ModelDocument, type NetworkState, type SettingChange, type TrainingSettings } from '../model/schema';
import { BlockPass, blockArenaLengths, blockCapacity } from './block';
import { Checkpoint, EpochCursor, type RunBuffers } from './checkpoint';
import { summedGradient, totalLoss } from './gradient';
import { drawFeedback, initializeWeights } from './init';
import { activationsForAll, inspect, type PatternInspection } from './inspect';
import { lossCode, type LossCode } from './losses';
import { layerViews, Network, parameterCount, type LayerViews } from './network';
import { CLASSIC_CONTEXT_LENGTH, OnlinePath } from './online';
import { applyUpdate } from './optimizer';
import { toPatternSet, type PatternSet } from './patterns';
import { RandomStream } from './rng';
import { restoreState, saveState, type RunParts } from './run-state';
import { toRows } from './state-io';
import { HISTORY_CAPACITY, recordsEpoch, thinHistory } from '../model/epoch-history';
import { arenaBytes, KernelArena } from './wasm/kernel-arena';
import { TSS_AFTER, TSS_DURING } from '../tss-names';

export type StopReason = 'criterion' | 'max-epochs' | 'diverged';

export interface AdvanceOutcome {
  /** Pattern presentations done in this call. */
  presented: number;
  /** Why training must stop, or null when the budget or the requested epoch ran out first. */
  stop: StopReason | null;
  /** What happened, for a criterion or a divergence (naming the epoch and the layer); null otherwise. */
  message: string | null;
}

export interface PatternOutcome {
  name: string;
  output: number[];
  /**
   * NaN where the target is "don't care" (null in the document). A number array keeps the trainer
   * protocol's `target: number[]` as it is; the protocol should learn null for these.
   */
  target: number[];
  pss: number;
  correct: boolean;
}

export interface TestPass {
  tss: number;
  fractionCorrect: number;
  patterns: PatternOutcome[];
}

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
  private feedbackCopies: Float64Array[] | null = null;
  /** B^j per layer: W^j for backpropagation and the delta rule, F^j for feedback alignment. */
  private backwardMatrices: readonly Float64Array[];
  private loss: LossCode;
  orderStream!: RandomStream;
  /** The epoch under way: the order its patterns are presented in and how far it has come. */
  readonly cursor: EpochCursor;
  private readonly online: OnlinePath;
  private readonly arena: KernelArena | null;
  private block: BlockPass | null = null;
  private testBlock: BlockPass | null = null;
  /** Where the epoch under way began: restored if it diverges. */
  private readonly checkpoint: Checkpoint;
  private failed = false;
  /**
   * Whether the checkpoint already holds the run as it stands at this epoch boundary: taken by
   * finishEpoch in the same advance() call, so startEpoch need not take it again.
   */
  private checkpointCurrent = false;
  /** The last completed epoch's pss per pattern: the cursor's buffer of that epoch, swapped out at its end. */
  private lastEpochPss: Float64Array;
  epoch = 0;
  /** tss, fraction correct and the test set's tss at epochs historyStride, 2·historyStride, … (epoch-history.ts). */
  readonly tssHistory: number[] = [];
  readonly correctHistory: number[] = [];
  /** Empty when the model has no test patterns. */
  readonly testTssHistory: number[] = [];
  historyStride = 1;
  /**
   * tss and fraction correct of epoch `epoch` as summed while training it; null before the first epoch, and
   * after loading a file whose history skips that epoch (a stride above 1).
   */
  lastEpochTss: number | null = null;
  lastEpochCorrect: number | null = null;
  /** Settings changed during the run, where each took effect (reset clears them with the curve). */
  readonly settingChanges: SettingChange[] = [];

  constructor(model: ModelDocument) {
    this.model = model;
    const sizes = model.layers.map((layer) => layer.units);
    const count = parameterCount(sizes);
    const patternCount = model.patterns.length;
    const testCount = model.testPatterns?.length ?? 0;
    // The run's numbers live in a kernel arena (wasm/), where the WebAssembly kernels can reach them (null
    // where the host cannot run those): the parameters, momentum terms, the checkpoint's two copies, the
    // feedback matrices F^1 … F^{D−1}, the patterns, the order and two epochs' pss, one pattern's passes,
    // the online step's context, and the training and test blocks.
    const inUnits = sizes[0];
    const outUnits = sizes[sizes.length - 1];
    const trainBlock = blockArenaLengths(sizes, blockCapacity(sizes, patternCount));
    const testBlock = blockArenaLengths(sizes, Math.min(128, testCount));
    const feedbackLengths = sizes.slice(1, -1).map((n, j) => sizes[j + 2] * n);
    this.arena = KernelArena.create(arenaBytes(
      [count, count, count, count, ...feedbackLengths, patternCount * inUnits, patternCount * outUnits, testCount * inUnits,
        testCount * outUnits, patternCount, patternCount, ...sizes, ...sizes, ...sizes, CLASSIC_CONTEXT_LENGTH,
        ...trainBlock.float64, ...testBlock.float64],
      [patternCount],
      [...trainBlock.uint8, ...testBlock.uint8],
    ));
    const allocate = (length: number) => (this.arena ? this.arena.allocate(length) : new Float64Array(length));
    const network = new Network(model.layers, allocate);
    this.network = network;
    this.data = toPatternSet(model.patterns, inUnits, outUnits, allocate);
    this.testData = model.testPatterns?.length ? toPatternSet(model.testPatterns, inUnits, outUnits, allocate) : null;
    this.momentum = allocate(count);
    this.momentumViews = layerViews(network.sizes, this.momentum);
    this.gradient = new Float64Array(count);
    this.gradientViews = layerViews(network.sizes, this.gradient);
    this.cursor = new EpochCursor(this.data.count, this.arena?.allocateUint32(this.data.count), allocate(this.data.count));
    this.online = new OnlinePath(network, this.momentumViews, this.arena);
    this.checkpoint = new Checkpoint(count, this.data.count, this.arena);
    this.lastEpochPss = allocate(this.data.count);
    this.loss = lossCode(model.training.loss);
    this.backwardMatrices = network.weights;
    if (model.state) this.restore(model.state);
    else this.reset();
  }

  /** Whether the block passes can run in WebAssembly here (wasm/kernel-arena.ts); the bits are the same either way. */
  get usesWasmKernels(): boolean {
    return this.arena !== null;
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
    this.feedback = null;
    this.orderStream = RandomStream.forSeed(this.settings.seed, 'order');
    this.cursor.inEpoch = false;
    this.cursor.position = 0;
    this.epoch = 0;
    this.tssHistory.length = 0;
    this.correctHistory.length = 0;
    this.testTssHistory.length = 0;
    this.historyStride = 1;
    this.lastEpochTss = null;
    this.lastEpochCorrect = null;
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
    if (after.seed !== before.seed || !sameInit(after.init, before.init)) {
      this.model = { ...this.model, training: after };
      this.reset();
      return true;
    }
    if (this.gradientPending && (after.update !== before.update || after.batchSize !== before.batchSize)) this.applyUpdates();
    this.model = { ...this.model, training: after };
    this.recordChange(before, after);
    this.applySettings();
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
    let presented = 0;
    const count = this.data.count;
    const cursor = this.cursor;
    // Between calls anything may have changed the run (configure, a test writing a weight): the next
    // epoch to start takes its checkpoint afresh.
    this.checkpointCurrent = false;
    // Nothing below changes the settings, the loss or the backward matrices: which path presents the
    // patterns is decided once per call.
    const online = this.settings.update === 'online';
    const classic = online && this.online.isClassic(this.loss, this.backwardMatrices, this.settings);
    while (presented < budget && this.epoch < untilEpoch) {
      if (!cursor.inEpoch) this.startEpoch();
      const left = budget - presented;
      presented += online ? this.presentOnline(left, classic) : this.presentBlock(left);
      if (this.failed) return this.diverge(presented);
      if (cursor.position < count) continue;
      if (!this.finishEpoch()) return this.diverge(presented);
      const stop = this.stopAfterEpoch();
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
    const net = this.network;
    const outUnits = net.sizes[net.depth];
    const margin = this.settings.margin;
    let tss = 0;
    let correct = 0;
    const patterns = source.map((pattern, p) => {
      const output = Array.from(net.forward(data.inputs, p * net.sizes[0]));
      let pss = 0;
      let isCorrect = true;
      for (let k = 0; k < outUnits; k++) {
        const t = pattern.target[k];
        if (t === null) continue;
        const e = t - output[k];
        pss += e * e;
        if (!(Math.abs(e) <= margin)) isCorrect = false;
      }
      tss += pss;
      if (isCorrect) correct++;
      return { name: pattern.name, output, target: pattern.target.map((t) => t ?? Number.NaN), pss, correct: isCorrect };
    });
    return { tss, fractionCorrect: correct / patterns.length, patterns };
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
      network: this.network, layerNames: this.model.layers.map((layer) => layer.name), backwardMatrices: this.backwardMatrices,
      momentum: this.momentumViews, settings: this.settings, loss: this.loss,
    };
    const outUnits = this.network.sizes[this.network.depth];
    if (typeof which === 'number') {
      const { inputs, targets } = this.data;
      const inUnits = this.network.sizes[0];
      return inspect(context, this.model.patterns[which].name, inputs.subarray(which * inUnits, (which + 1) * inUnits),
        targets.slice(which * outUnits, (which + 1) * outUnits));
    }
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

  state(): NetworkState {
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
    this.historyStride = parts.historyStride;
    // A file's history is never this long (it thins on reaching the capacity), unless written by hand or by
    // an early version: thinned as a run would have thinned it.
    while (this.tssHistory.length >= HISTORY_CAPACITY) this.thinHistories();
    const recorded = this.epoch > 0 && recordsEpoch(this.epoch, this.historyStride);
    this.lastEpochTss = recorded ? this.tssHistory[this.tssHistory.length - 1] : null;
    this.lastEpochCorrect = recorded ? this.correctHistory[this.correctHistory.length - 1] : null;
    this.applySettings();
    this.checkpoint.take(this.network.params, this);
  }

  private parts(): RunParts {
    return {
      network: this.network, momentum: this.momentumViews, gradient: this.gradientViews, gradientPending: this.gradientPending,
      feedback: this.feedback, orderStream: this.orderStream, cursor: this.cursor, epoch: this.epoch,
      tssHistory: this.tssHistory, correctHistory: this.correctHistory, historyStride: this.historyStride,
      testTssHistory: this.testData ? this.testTssHistory : null,
      settingChanges: this.settingChanges,
    };
  }

  /** Once training has begun, a change is part of the run's history (before it, it is just the settings). */
  private recordChange(before: TrainingSettings, after: TrainingSettings): void {
    if (this.epoch === 0 && this.patternsIntoEpoch === 0) return;
    const changes: Partial<Record<keyof TrainingSettings, unknown>> = {};
    for (const key of Object.keys(after) as (keyof TrainingSettings)[]) {
      if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = after[key];
    }
    if (Object.keys(changes).length === 0) return;
    this.settingChanges.push({ epoch: this.epoch, pattern: this.patternsIntoEpoch, changes: changes as Partial<TrainingSettings> });
  }

  /**
   * F's values in arrays of the kernel arena, so the backward pass can run in WebAssembly: the same arrays
   * every time (a reset draws F again, restore reads it from a file), F itself where there is no arena.
   */
  private feedbackInArena(feedback: Float64Array[]): Float64Array[] {
    const arena = this.arena;
    if (!arena) return feedback;
    this.feedbackCopies ??= feedback.map((F, j) => (j === 0 ? F : arena.allocate(F.length)));
    feedback.forEach((F, j) => this.feedbackCopies![j].set(F));
    return this.feedbackCopies;
  }

  /** Derived from the settings: the loss's code, the backward matrices, the block buffers' size. */
  private applySettings(): void {
    this.loss = lossCode(this.settings.loss);
    if (this.settings.rule === 'feedback-alignment') {
      this.feedback ??= drawFeedback(this.network, this.settings);
      this.backwardMatrices = this.feedbackInArena(this.feedback);
    } else {
      this.backwardMatrices = this.network.weights;
    }
    // One block for every update size: sized for the largest (a whole batch), so changing the update
    // never reallocates (the rows a block takes never pass the end of an update: presentBlock).
    if (this.settings.update !== 'online' && !this.block) this.block = new BlockPass(this.network, blockCapacity(this.network.sizes, this.data.count), this.arena);
  }

  private startEpoch(): void {
    if (!this.checkpointCurrent) this.checkpoint.take(this.network.params, this);
    this.checkpointCurrent = false;
    const cursor = this.cursor;
    const order = cursor.order;
    for (let i = 0; i < order.length; i++) order[i] = i;
    if (this.settings.order === 'permuted') this.orderStream.shuffle(order);
    cursor.inEpoch = true;
    cursor.position = 0;
    cursor.tss = 0;
    cursor.correct = 0;
  }

  /**
   * Online: up to `budget` patterns of the epoch under way, each followed by its update; `classic` when
   * the online path's one-function step applies (OnlinePath.isClassic).
   */
  private presentOnline(budget: number, classic: boolean): number {
    const { inputs, targets } = this.data;
    const settings = this.settings;
    const margin = settings.margin;
    const online = this.online;
    const cursor = this.cursor;
    const start = cursor.position;
    const end = Math.min(this.data.count, start + budget);
    if (classic) {
      if (!online.presentClassic(inputs, targets, cursor, end, margin, settings)) this.failed = true;
      return cursor.position - start;
    }
    const order = cursor.order;
    let tss = cursor.tss;
    let correct = cursor.correct;
    let position = start;
    for (; position < end; position++) {
      const p = order[position];
      const pss = online.present(inputs, targets, p, this.loss, margin, this.backwardMatrices, settings);
      if (!(pss < Number.POSITIVE_INFINITY)) {
        this.failed = true;
        break;
      }
      tss += pss;
      cursor.pss[p] = pss;
      if (online.lastCorrect) correct++;
    }
    cursor.position = position;
    cursor.tss = tss;
    cursor.correct = correct;
    return position - start;
  }

  /**
   * Batch and minibatch: one block of patterns (at most `budget`, never past the end of the update under
   * way), its gradient added to the sum, and the update applied when the block completes it.
   */
  private presentBlock(budget: number): number {
    const block = this.block!;
    const cursor = this.cursor;
    const m = this.updateSize;
    const start = cursor.position;
    const updateEnd = Math.min(start - (start % m) + m, this.data.count);
    const count = Math.min(budget, updateEnd - start, block.capacity);
    block.gather(this.data.inputs, this.data.targets, cursor.order, start, count);
    block.forward(count);
    block.outputDeltas(count, this.loss, this.settings.margin);
    let tss = cursor.tss;
    let correct = cursor.correct;
    const order = cursor.order;
    for (let row = 0; row < count; row++) {
      const pss = block.pss[row];
      if (!(pss < Number.POSITIVE_INFINITY)) {
        this.failed = true;
        return row;
      }
      tss += pss;
      cursor.pss[order[start + row]] = pss;
      correct += block.correct[row];
    }
    cursor.tss = tss;
    cursor.correct = correct;
    block.backward(count, this.backwardMatrices);
    cursor.position = start + count;
    const { learningRate, momentum, weightDecay } = this.settings;
    if (!this.gradientPending && cursor.position === updateEnd && weightDecay === 0) {
      // The block is the whole update: sum and apply in one pass.
      block.accumulateAndUpdate(count, this.momentumViews, learningRate, momentum);
      return count;
    }
    block.accumulate(count, this.gradientViews, !this.gradientPending);
    this.gradientPending = true;
    if (cursor.position === updateEnd) this.applyUpdates();
    return count;
  }

  /** The update from the gradient summed over the update's patterns, for every layer that learns. */
  private applyUpdates(): void {
    const net = this.network;
    const g = this.gradientViews;
    const mom = this.momentumViews;
    for (let j = 0; j < net.depth; j++) {
      if (!net.learns[j + 1]) continue;
      applyUpdate(net.weights[j], net.biases[j], g.weights[j], g.biases[j], mom.weights[j], mom.biases[j], net.hasBias[j + 1], this.settings);
    }
    this.gradientPending = false;
  }

  /**
   * Records the epoch; false when a parameter is no longer finite or beyond ±MAX_WEIGHT_MAGNITUDE (a saved
   * file must load again: schema.ts). The check copies the parameters as it reads them, into the next
   * epoch's checkpoint, which is completed here too.
   */
  private finishEpoch(): boolean {
    if (!this.checkpoint.checkParams(this.network.params, MAX_WEIGHT_MAGNITUDE)) return false;
    this.epoch++;
    const finished = this.cursor.pss;
    this.cursor.pss = this.lastEpochPss;
    this.lastEpochPss = finished;
    this.lastEpochTss = this.cursor.tss;
    this.lastEpochCorrect = this.cursor.correct / this.data.count;
    if (recordsEpoch(this.epoch, this.historyStride)) this.recordEpoch();
    this.cursor.inEpoch = false;
    this.checkpoint.takeRest(this);
    this.checkpointCurrent = true;
    return true;
  }

  /** Adds the epoch just finished to the histories; full, they keep every other entry (epoch-history.ts). */
  private recordEpoch(): void {
    this.tssHistory.push(this.lastEpochTss!);
    this.correctHistory.push(this.lastEpochCorrect!);
    if (this.testData) this.testTssHistory.push(this.testTss(this.testData));
    if (this.tssHistory.length >= HISTORY_CAPACITY) this.thinHistories();
  }

  private thinHistories(): void {
    for (const history of [this.tssHistory, this.correctHistory, this.testTssHistory]) thinHistory(history);
    this.historyStride *= 2;
  }

  private testTss(data: PatternSet): number {
    if (!this.testBlock) this.testBlock = new BlockPass(this.network, Math.min(128, data.count), this.arena);
    const block = this.testBlock;
    let tss = 0;
    for (let start = 0; start < data.count; start += block.capacity) {
      const count = Math.min(block.capacity, data.count - start);
      block.gather(data.inputs, data.targets, null, start, count);
      block.forward(count);
      block.outputDeltas(count, this.loss, this.settings.margin);
      for (let row = 0; row < count; row++) tss += block.pss[row];
    }
    return tss;
  }

  private stopAfterEpoch(): { stop: StopReason; message: string | null } | null {
    const { errorCriterion, maxEpochs, stopWhenAllCorrect, margin } = this.settings;
    // The criterion is PDPTool's ecrit: the tss summed during the epoch's updates, which costs nothing. The
    // exact figure after the epoch (what the readouts show once stopped) is a test pass, named beside it.
    const tss = this.cursor.tss;
    if (errorCriterion > 0 && tss < errorCriterion) {
      const after = this.testPass();
      return {
        stop: 'criterion',
        message: `Stopped at epoch ${this.epoch}: ${TSS_DURING} ${tss.toPrecision(4)} fell below the error criterion ${errorCriterion} ` +
          `(${TSS_AFTER} ${after.tss.toPrecision(4)})${this.stillWrong(after)}.`,
      };
    }
    // Online, a pattern right when it was presented can be wrong again by the epoch's end: "every pattern
    // correct" must hold for the weights the run keeps, so the count during the epoch is checked by a test
    // pass (only at the epochs where that count is complete).
    if (stopWhenAllCorrect && this.cursor.correct === this.data.count && this.testPass().fractionCorrect === 1) {
      return { stop: 'criterion', message: `Stopped at epoch ${this.epoch}: every output of every pattern was within ${margin} of its target.` };
    }
    if (this.epoch >= maxEpochs) return { stop: 'max-epochs', message: this.maximumMessage() };
    return null;
  }

  /** Why a run stands still at its maximum number of epochs, and how many patterns it left wrong. */
  maximumMessage(): string {
    return `Stopped at epoch ${this.epoch}, the maximum set for this model${this.stillWrong(this.testPass())}.`;
  }

  /** "; only 3 of 4 patterns correct (…)" when a stop leaves patterns wrong: "Stopped" beside a wrong answer misleads. */
  private stillWrong(pass: TestPass): string {
    const count = pass.patterns.length;
    const correct = pass.patterns.filter((p) => p.correct).length;
    return correct === count ? '' : `; only ${correct} of ${count} patterns correct (within ${this.settings.margin} of their targets)`;
  }

  /** Stops a diverged run: names where it went wrong, then goes back to where the epoch began. */
  private diverge(presented: number): AdvanceOutcome {
    this.failed = false;
    const where = this.describeNonFinite();
    this.checkpoint.restore(this.network.params, this);
    return {
      presented,
      stop: 'diverged',
      message: `Training diverged in epoch ${this.epoch + 1}: ${where} grew beyond ±${MAX_WEIGHT_MAGNITUDE.toExponential()} or became NaN. ` +
        `The weights from the end of epoch ${this.epoch} are kept; try a smaller learning rate.`,
    };
  }

  private describeNonFinite(): string {
    const net = this.network;
    const name = (j: number) => `layer ${j} (${this.model.layers[j].name})`;
    const finite = (values: Float64Array) => values.every((v) => Number.isFinite(v));
    const bounded = (values: Float64Array) => values.every((v) => Math.abs(v) <= MAX_WEIGHT_MAGNITUDE);
    for (let j = 0; j < net.depth; j++) {
      if (!bounded(net.weights[j]) || !bounded(net.biases[j])) return `the weights into ${name(j + 1)}`;
    }
    const nets = this.settings.update === 'online' || !this.block ? net.net : this.block.net;
    for (let j = 1; j <= net.depth; j++) if (!finite(nets[j])) return `the net input of ${name(j)}`;
    return 'the output error';
  }
}

function sameInit(a: InitSettings, b: InitSettings): boolean {
  if (a.kind === 'uniform' && b.kind === 'uniform') return a.range === b.range;
  if (a.kind === 'gaussian' && b.kind === 'gaussian') return a.sd === b.sd;
  return a.kind === b.kind;
}
