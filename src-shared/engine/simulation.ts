/**
 * A training run: a network, its patterns and settings, and everything that makes continuing exact —
 * epoch, momentum terms, feedback matrices, the gradient summed so far in an unfinished update, the
 * pattern-order stream and where the run stands inside an epoch. However the work is sliced into advance()
 * calls, the run computes the same bits: updates happen only at update boundaries, and every sum the
 * kernels form runs in one fixed order (kernels.ts). What can be read off a run without changing it (the
 * learning curve, test passes, inspection) is in run-readout.ts, which this class extends.
 */
import { recordsEpoch } from '../model/epoch-history';
import { formatPath } from '../model/parse';
import { MAX_WEIGHT_MAGNITUDE, trainingSchema, type ModelDocument, type NetworkState, type TrainingSettings } from '../model/schema';
import { feedbackInArena, layOutRun } from './arena-layout';
import type { BlockPass } from './fast/block';
import type { Checkpoint, RunBuffers } from './checkpoint';
import { describeDivergence, withinFileBounds, type SumOverflow } from './divergence';
import { drawFeedback, initializeWeights } from './init';
import { lossCode } from './losses';
import { choosePlan } from './fast/plan';
import { Presenter } from './presenter';
import { RandomStream } from './rng';
import { RunReadout } from './run-readout';
import { resetsWeights, settingChange } from './setting-changes';
import { stopAfterEpoch, type AdvanceOutcome, type StopReason } from './stopping';
import { restoreState, saveState, type RunParts } from './run-state';
import { GRAPH_NETWORKS_NOTICE, isGraphModel } from './graph/graph-support';
import { SnapshotRecorder } from './snapshot-recorder';

export type { PatternOutcome, TestPass } from './test-pass';

export type { AdvanceOutcome, StopReason } from './stopping';

export class Simulation extends RunReadout implements RunBuffers {
  private feedback: Float64Array[] | null = null;
  private readonly feedbackCopies: Float64Array[] | null;
  orderStream!: RandomStream;
  private readonly presenter: Presenter;
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
  /** The snapshots the run keeps as its schedule says (model/snapshots.ts). */
  private readonly kept = new SnapshotRecorder();

  /** A chain's run; a graph network runs on the graph path (graph/graph-run.ts), and is refused here by name. */
  constructor(model: ModelDocument) {
    if (isGraphModel(model)) throw new RangeError(GRAPH_NETWORKS_NOTICE);
    const layout = layOutRun(model);
    super(model, layout);
    const { buffers } = layout;
    this.checkpoint = buffers.checkpoint;
    this.block = buffers.block;
    this.presenter = new Presenter(this, this.network, this.data, this.cursor, buffers.online, buffers.block, buffers.testBlock, this.momentumViews, this.gradientViews);
    this.feedbackCopies = buffers.feedbackCopies;
    if (model.state) this.restore(model.state);
    else this.reset();
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
    this.kept.clear();
    this.keepSnapshot();
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
    if (!this.cursor.inEpoch) this.keepSnapshot();
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
      this.keepSnapshot();
      const stop = stopAfterEpoch(this.settings, this.epoch, cursor.tss, cursor.correct, count, () => this.testPass());
      if (stop) return { presented, ...stop };
    }
    return { presented, stop: null, message: null };
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
   * The run's state as a file holds it. In the middle of an epoch the numbers may already have left what a
   * file can hold (divergence is caught at the epoch's end): then the epoch has diverged, and the state is
   * where it began, as a diverged run keeps, and the next advance() says it diverged.
   */
  state(): NetworkState {
    if (this.cursor.inEpoch && !withinFileBounds(this.network.params, this.momentum, this.gradientPending ? this.gradient : null, this.cursor.tss)) this.pendingDivergence = this.diverge(0);
    return this.kept.into(saveState(this.parts()));
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
    this.kept.restore(state.snapshots);
    if (!this.cursor.inEpoch) this.keepSnapshot();
  }

  /** At an epoch boundary: a snapshot of the run here, when its schedule keeps this epoch. */
  private keepSnapshot(): void {
    this.kept.record(this.settings, this.epoch, () => saveState(this.parts()));
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
