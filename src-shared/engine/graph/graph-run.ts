/**
 * A training run of a graph network (../../model/graph.ts), in TypeScript, pattern by pattern: every
 * update mode (online, batch, minibatch), momentum, weight decay, both losses, backpropagation and feedback
 * alignment with one fixed F per projection, frozen projections and layers, and everything exact
 * continuation needs (momentum, the gradient summed in an unfinished update, the order stream and the
 * epoch cursor), saved per projection as the model document holds it. Chains keep the chain engine's fast
 * paths (../simulation.ts); this is the path for every other graph. A recurrent network runs here too, with
 * its time (context layers, sequences, BPTT) in a Recurrence that ../recurrent/recurrent-run.ts supplies.
 */
import { recordsEpoch } from '../../model/epoch-history';
import { formatPath } from '../../model/parse';
import { MAX_WEIGHT_MAGNITUDE, trainingSchema, type ModelDocument, type NetworkState, type Pattern, type SettingChange, type TrainingSettings } from '../../model/schema';
import { EpochCursor } from '../checkpoint';
import { lossCode, type LossCode } from '../losses';
import { applyUpdate } from '../optimizer';
import { toPatternSet, type PatternSet } from '../patterns';
import { RandomStream } from '../rng';
import { RunHistories } from '../run-histories';
import { resetsWeights, settingChange } from '../setting-changes';
import { toRows } from '../state-io';
import { maximumMessage, stopAfterEpoch, type AdvanceOutcome, type StopReason } from '../stopping';
import type { TestPass } from '../test-pass';
import type { PatternInspection } from '../inspection';
import type { Recurrence } from '../recurrent/recurrence';
import { drawGraphFeedback, initializeGraphWeights } from './graph-init';
import { inspectGraph, inspectGraphPattern } from './graph-inspect';
import { RECURRENT_NETWORKS_NOTICE } from './graph-support';
import { isRecurrent } from '../../model/recurrence';
import { testPassOf } from './graph-test-pass';
import { GraphOutputLoss } from './graph-loss';
import { readGraphParameters, writeGraphParameters, type GraphSnapshot as Snapshot } from './graph-state';
import { GraphNetwork, type GraphViews } from './graph-network';
import { SnapshotRecorder } from '../snapshot-recorder';

export class GraphRun {
  readonly network: GraphNetwork;
  readonly data: PatternSet;
  readonly testData: PatternSet | null;
  readonly momentum: Float64Array;
  private readonly momentumViews: GraphViews;
  readonly gradient: Float64Array;
  private readonly gradientViews: GraphViews;
  gradientPending = false;
  private feedback: Float64Array[] | null = null;
  private loss: LossCode = 0;
  orderStream!: RandomStream;
  readonly cursor: EpochCursor;
  epoch = 0;
  private readonly histories = new RunHistories();
  /** Settings changed during the run, where each took effect (reset clears them with the curve). */
  readonly settingChanges: SettingChange[] = [];
  private snapshot: Snapshot | null = null;
  /** The snapshots the run keeps as its schedule says (model/snapshots.ts); `snapshot` is divergence's. */
  private readonly kept = new SnapshotRecorder();
  /** A divergence state() found in the middle of an epoch: the next advance() reports it. */
  private pendingDivergence: AdvanceOutcome | null = null;
  private readonly outputLoss: GraphOutputLoss;
  /** Each training pattern's pss in the last completed epoch (zeros before the first): the terms of its tss. */
  private lastEpochPss: Float64Array;

  /** A recurrent network's context, stored events and sequences; null for a feed-forward network. */
  protected readonly time: Recurrence | null;

  constructor(private model: ModelDocument) {
    this.network = new GraphNetwork(model);
    const net = this.network;
    this.time = this.createTime(model);
    if (isRecurrent(model) && !this.time) throw new RangeError(RECURRENT_NETWORKS_NOTICE);
    this.data = toPatternSet(model.patterns, net.inputUnits, net.outputUnits);
    this.testData = model.testPatterns?.length ? toPatternSet(model.testPatterns, net.inputUnits, net.outputUnits) : null;
    this.momentum = new Float64Array(net.params.length);
    this.momentumViews = net.views(this.momentum);
    this.gradient = new Float64Array(net.params.length);
    this.gradientViews = net.views(this.gradient);
    this.cursor = new EpochCursor(this.data.count);
    this.outputLoss = new GraphOutputLoss(net);
    this.lastEpochPss = new Float64Array(this.data.count);
    if (model.state) this.restore(model.state);
    else this.reset();
  }

  /** The recurrent run (../recurrent/recurrent-run.ts) gives its Recurrence; a feed-forward run has none. */
  protected createTime(model: ModelDocument): Recurrence | null {
    void model;
    return null;
  }

  get settings(): TrainingSettings {
    return this.model.training;
  }

  get patternCount(): number {
    return this.data.count;
  }

  get tssHistory(): number[] {
    return this.histories.tss;
  }

  get correctHistory(): number[] {
    return this.histories.correct;
  }

  // What the app's trainer reads besides (training-run.ts), as Simulation gives it.
  /** Empty when the model has no test patterns. */
  get testTssHistory(): number[] { return this.histories.testTss; }
  get historyStride(): number { return this.histories.stride; }
  get lastEpochCorrect(): number | null { return this.histories.lastCorrect; }
  /** Each training pattern's pss in the last completed epoch: a buffer the run reuses (copy what you keep). */
  get epochPatternErrors(): Float64Array { return this.lastEpochPss; }
  get patternsIntoEpoch(): number { return this.cursor.inEpoch ? this.cursor.position : 0; }

  /** The training pattern the next presentation shows (starting the epoch, and drawing its order, if none is under way). */
  nextPattern(): number {
    if (!this.cursor.inEpoch) this.startEpoch();
    return this.cursor.order[this.cursor.position];
  }

  /** Looking inside training pattern p, or any input and target (null for "don't care"), with the current weights; applies nothing. */
  inspect(which: number | readonly number[], target?: readonly (number | null)[], name = 'probe'): PatternInspection {
    const context = { network: this.network, layers: this.model.layers, backwardMatrices: this.backwardMatrices, momentum: this.momentumViews, settings: this.settings, loss: this.loss };
    if (typeof which !== 'number') return inspectGraph(context, name, which, Float64Array.from(target!, (t) => t ?? Number.NaN));
    return inspectGraphPattern(context, this.data, which, this.model.patterns[which].name);
  }

  /** The weights and biases alone, laid out as the document saves them (W_p out × in): for live views. */
  weightRows(): { weights: number[][][]; biases: number[][] } {
    const net = this.network;
    return { weights: net.weights.map((W, q) => toRows(W, net.sizes[net.projections[q].to], net.sizes[net.projections[q].from])), biases: net.biases.map((b) => Array.from(b)) };
  }

  /** Why a run stands still at its maximum number of epochs, and how many patterns it left wrong. */
  maximumMessage(): string {
    return maximumMessage(this.epoch, this.testPass(), this.settings.margin);
  }

  get updateSize(): number {
    const { update, batchSize } = this.settings;
    if (update === 'online') return 1;
    if (update === 'batch') return this.data.count;
    return Math.min(batchSize, this.data.count);
  }

  /** tss of the run's last epoch as summed while training it; null before the first. */
  get lastEpochTss(): number | null {
    return this.histories.lastTss;
  }

  /** Why training cannot go on from here, before presenting anything. */
  stopBeforeTraining(): StopReason | null {
    return this.epoch >= this.settings.maxEpochs ? 'max-epochs' : null;
  }

  /**
   * New settings, checked as a file would hold them. A different seed or initialisation resets (returns
   * true); changing how updates are grouped first applies the part of an update summed so far.
   */
  configure(changes: Partial<TrainingSettings>): boolean {
    const before = this.settings;
    const after = { ...before, ...changes };
    const checked = trainingSchema.safeParse(after);
    if (!checked.success) {
      throw new RangeError(checked.error.issues.map((issue) => `training.${formatPath(issue.path)}: ${issue.message}`).join('; '));
    }
    if (this.gradientPending && !resetsWeights(before, after) && (after.update !== before.update || after.batchSize !== before.batchSize)) this.applyUpdates();
    this.model = { ...this.model, training: after };
    if (resetsWeights(before, after)) {
      this.reset();
      return true;
    }
    // Once training has begun, a change is part of the run's history (before it, it is just the settings).
    const position = this.cursor.inEpoch ? this.cursor.position : 0;
    const change = this.epoch === 0 && position === 0 ? null : settingChange(before, after, this.epoch, position);
    if (change) this.settingChanges.push(change);
    this.applySettings();
    // Changed to batch or minibatch in the middle of an update: the update under way sums from here, from
    // zero — a sum the state records, as a file saved mid-update must (consistency.ts).
    const count = this.data.count;
    if (after.update !== 'online' && this.cursor.inEpoch && !this.gradientPending && position % this.updateSize !== 0 && position < count) {
      this.gradient.fill(0);
      this.gradientPending = true;
    }
    if (!this.cursor.inEpoch) this.kept.record(this.settings, this.epoch, () => this.state());
    return false;
  }

  /** Every pattern's outputs (all output layers, concatenated) beside its targets, with the current weights. */
  testPass(set: 'train' | 'test' = 'train'): TestPass {
    const source: readonly Pattern[] = (set === 'train' ? this.model.patterns : this.model.testPatterns) ?? [];
    return testPassOf(source, this.outputs(set), this.settings.margin);
  }

  /** The matrices deltas are sent back through: W_p, or F_p for feedback alignment. */
  private get backwardMatrices(): readonly Float64Array[] {
    return this.settings.rule === 'feedback-alignment' ? this.feedback! : this.network.weights;
  }

  reset(): void {
    initializeGraphWeights(this.network, this.settings);
    this.pendingDivergence = null;
    this.momentum.fill(0);
    this.gradientPending = false;
    this.feedback = null;
    this.time?.reset();
    this.orderStream = RandomStream.forSeed(this.settings.seed, 'order');
    this.cursor.inEpoch = false;
    this.cursor.position = 0;
    this.epoch = 0;
    this.lastEpochPss.fill(0);
    this.histories.clear();
    this.settingChanges.length = 0;
    this.applySettings();
    this.takeSnapshot();
    this.kept.clear();
    this.kept.record(this.settings, this.epoch, () => this.state());
  }

  /**
   * Presents up to `budget` patterns, stopping at the end of an epoch when a criterion holds or once
   * `untilEpoch` epochs are complete; updates happen only at update boundaries, so any slicing of the work
   * into calls computes the same bits.
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
    while (presented < budget && this.epoch < untilEpoch) {
      if (!cursor.inEpoch) this.startEpoch();
      const p = cursor.order[cursor.position];
      this.time?.enterTraining(p);
      const { pss, correct } = this.present(this.data, p);
      if (!(pss < Number.POSITIVE_INFINITY)) return this.diverge(presented);
      cursor.tss += pss;
      cursor.pss[p] = pss;
      if (correct) cursor.correct++;
      this.network.addGradient(this.gradientViews, !this.gradientPending);
      this.time?.leaveTraining(this.gradientViews, this.backwardMatrices);
      this.gradientPending = true;
      cursor.position++;
      presented++;
      if (cursor.position % this.updateSize === 0 || cursor.position === count) this.applyUpdates();
      if (cursor.position < count) continue;
      if (!this.finishEpoch()) return this.diverge(presented);
      this.kept.record(this.settings, this.epoch, () => this.state());
      const stop = stopAfterEpoch(this.settings, this.epoch, cursor.tss, cursor.correct, count, () => this.testPass());
      if (stop) return { presented, ...stop };
    }
    return { presented, stop: null, message: null };
  }

  /** Forward pass, each output layer's loss term, and the deltas flowing back; the pattern's pss and whether it was correct. */
  present(data: PatternSet, p: number): { pss: number; correct: boolean } {
    const net = this.network;
    net.forward(data.inputs, p * net.inputUnits);
    const outcome = this.outputLoss.deltas(this.loss, data, p, this.settings.margin);
    net.backward(this.backwardMatrices);
    return outcome;
  }

  /** L summed over the training patterns with the current weights. */
  totalLoss(): number {
    const net = this.network;
    let L = 0;
    for (let p = 0; p < this.data.count; p++) {
      this.time?.enterEvaluation('train', p);
      net.forward(this.data.inputs, p * net.inputUnits);
      this.time?.leaveEvaluation();
      L += this.outputLoss.loss(this.loss, this.data, p);
    }
    return L;
  }

  /**
   * ∂L/∂W_p and ∂L/∂b summed over the training patterns (for feedback alignment, the rule's direction); for a
   * recurrent network, the one-step gradient along a pass over the set in order.
   */
  summedGradient(): GraphViews {
    const sum = this.network.views(new Float64Array(this.network.params.length));
    for (let p = 0; p < this.data.count; p++) {
      this.time?.enterEvaluation('train', p);
      this.present(this.data, p);
      this.time?.leaveEvaluation();
      this.network.addGradient(sum, p === 0, true);
    }
    return sum;
  }

  /** Each pattern's output activations, all output layers concatenated, with the current weights. */
  outputs(set: 'train' | 'test' = 'train'): number[][] {
    const data = set === 'train' ? this.data : this.testData;
    if (!data) return [];
    const net = this.network;
    return Array.from({ length: data.count }, (_, p) => {
      this.time?.enterEvaluation(set, p);
      net.forward(data.inputs, p * net.inputUnits);
      this.time?.leaveEvaluation();
      return net.outputs.flatMap((g) => Array.from(net.act[g]));
    });
  }

  /**
   * The run's state as a file holds it. In the middle of an epoch the numbers may already have left what a
   * file can hold (divergence is found at the epoch's end): then the epoch has diverged, the state is where
   * it began, and the next advance() says so — no save writes a file the loader would refuse.
   */
  state(): NetworkState {
    if (this.cursor.inEpoch && !this.withinFileBounds()) this.pendingDivergence = this.diverge(0);
    const { cursor } = this;
    const state: NetworkState = {
      epoch: this.epoch,
      ...writeGraphParameters(this.network, this.momentumViews, this.gradientPending ? this.gradientViews : null, this.feedback),
      orderStream: this.orderStream.state(),
      cursor: cursor.inEpoch ? { order: Array.from(cursor.order), position: cursor.position, tss: cursor.tss, correct: cursor.correct } : null,
      tssHistory: this.histories.tss.slice(),
      correctHistory: this.histories.correct.slice(),
    };
    if (this.histories.stride !== 1) state.historyStride = this.histories.stride;
    if (this.testData) state.testTssHistory = this.histories.testTss.slice();
    if (this.settingChanges.length > 0) state.settingChanges = structuredClone(this.settingChanges);
    if (this.time) state.recurrent = this.time.state();
    return this.kept.into(state);
  }

  toModel(): ModelDocument {
    return { ...this.model, state: this.state() };
  }

  private restore(state: NetworkState): void {
    this.gradientPending = Boolean(state.gradientSum);
    this.feedback = readGraphParameters(this.network, this.momentumViews, this.gradientViews, state);
    this.orderStream = RandomStream.fromState(state.orderStream);
    const { cursor } = this;
    cursor.inEpoch = state.cursor !== null;
    if (state.cursor) {
      cursor.order.set(state.cursor.order);
      cursor.position = state.cursor.position;
      cursor.tss = state.cursor.tss;
      cursor.correct = state.cursor.correct;
    }
    this.epoch = state.epoch;
    this.time?.restore(state.recurrent);
    this.histories.clear();
    this.histories.stride = state.historyStride ?? 1;
    // Histories can hold tens of thousands of entries: copied by loops, not spread into push() (argument limits).
    for (const value of state.tssHistory) this.histories.tss.push(value);
    for (const value of state.correctHistory) this.histories.correct.push(value);
    if (this.testData) for (const value of state.testTssHistory ?? []) this.histories.testTss.push(value);
    this.settingChanges.length = 0;
    for (const change of structuredClone(state.settingChanges ?? [])) this.settingChanges.push(change);
    this.histories.restored(this.epoch);
    this.applySettings();
    this.takeSnapshot();
    this.kept.restore(state.snapshots);
    if (!cursor.inEpoch) this.kept.record(this.settings, this.epoch, () => this.state());
  }

  private applySettings(): void {
    this.loss = lossCode(this.settings.loss);
    if (this.settings.rule === 'feedback-alignment') this.feedback ??= drawGraphFeedback(this.network, this.settings);
  }

  /** The update from the gradient summed over the update's patterns, for every projection and bias that learns. */
  private applyUpdates(): void {
    const net = this.network;
    const g = this.gradientViews;
    const m = this.momentumViews;
    const none = new Float64Array(0);
    net.projections.forEach((_, q) => {
      if (net.projectionLearns[q]) applyUpdate(net.weights[q], none, g.weights[q], none, m.weights[q], none, false, this.settings);
    });
    net.biased.forEach((layer, k) => {
      // A bias steps with κ = 0: weight decay is for weights only.
      if (net.biasLearns[layer]) applyUpdate(none, net.biases[k], none, g.biases[k], none, m.biases[k], true, this.settings);
    });
    this.gradientPending = false;
  }

  /** Where a diverged epoch goes back to: the epoch's start, or where a file restored the run. */
  private takeSnapshot(): void {
    const cursor = new EpochCursor(this.data.count);
    cursor.copyFrom(this.cursor);
    this.snapshot = {
      params: this.network.params.slice(), momentum: this.momentum.slice(), gradient: this.gradient.slice(),
      gradientPending: this.gradientPending, orderStream: this.orderStream.clone(), cursor, time: this.time?.snapshot() ?? null,
    };
  }

  private startEpoch(): void {
    this.takeSnapshot();
    const permute = this.settings.order === 'permuted' ? this.orderStream : null;
    if (this.time) this.time.orderEpoch(this.cursor, permute);
    else this.cursor.start(permute);
  }

  /** Whether every number the state would hold is one a file can (schema.ts): weights bounded, the rest finite. */
  private withinFileBounds(): boolean {
    for (const value of this.network.params) if (!(Math.abs(value) <= MAX_WEIGHT_MAGNITUDE)) return false;
    for (const value of this.momentum) if (!Number.isFinite(value)) return false;
    if (this.gradientPending) for (const value of this.gradient) if (!Number.isFinite(value)) return false;
    return Number.isFinite(this.cursor.tss) && (this.time?.isFinite() ?? true);
  }

  /** Records the epoch; false when its tss or a parameter is no longer one a file can hold. */
  private finishEpoch(): boolean {
    if (!this.withinFileBounds()) return false;
    this.epoch++;
    const finished = this.cursor.pss;
    this.cursor.pss = this.lastEpochPss;
    this.lastEpochPss = finished;
    const testData = this.testData;
    const testTss = testData && recordsEpoch(this.epoch, this.histories.stride) ? () => this.tss(testData) : null;
    this.histories.finishEpoch(this.epoch, this.cursor.tss, this.cursor.correct / this.data.count, testTss);
    this.cursor.inEpoch = false;
    return true;
  }

  private tss(data: PatternSet): number {
    let tss = 0;
    for (let p = 0; p < data.count; p++) {
      this.time?.enterEvaluation(data === this.data ? 'train' : 'test', p);
      tss += this.present(data, p).pss;
      this.time?.leaveEvaluation();
    }
    return tss;
  }

  private diverge(presented: number): AdvanceOutcome {
    const snapshot = this.snapshot!;
    this.network.params.set(snapshot.params);
    this.momentum.set(snapshot.momentum);
    this.gradient.set(snapshot.gradient);
    this.gradientPending = snapshot.gradientPending;
    this.orderStream = snapshot.orderStream.clone();
    this.cursor.copyFrom(snapshot.cursor);
    if (snapshot.time) this.time?.restoreSnapshot(snapshot.time);
    return {
      presented, stop: 'diverged',
      message: `Training diverged in epoch ${this.epoch + 1}. The weights from the end of epoch ${this.epoch} are kept; try a smaller learning rate.`,
    };
  }
}
