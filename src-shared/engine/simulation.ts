/**
 * A training run: a network, its patterns and settings, and everything that makes continuing exact —
 * epoch, momentum terms, feedback matrices, the gradient summed so far in an unfinished update, the
 * pattern-order stream and where the run stands inside an epoch. However the work is sliced into advance()
 * calls, the run computes the same bits: updates happen only at update boundaries, and every sum the
 * kernels form runs in one fixed order (kernels.ts). What can be read off a run without changing it (the
 * learning curve, test passes, inspection) is in run-readout.ts, which this class extends.
 */
import { recordsEpoch } from '../model/epoch-history';
import { MAX_WEIGHT_MAGNITUDE, type ModelDocument, type NetworkState } from '../model/schema';
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
import type { AdvanceOutcome } from './stopping';
import { restoreState, saveState, type RunParts } from './run-state';
import { GRAPH_NETWORKS_NOTICE, isGraphModel } from './graph/graph-support';

export type { PatternOutcome, TestPass } from './test-pass';

export type { AdvanceOutcome, StopReason } from './stopping';

export class Simulation extends RunReadout implements RunBuffers {
  private feedback: Float64Array[] | null = null;
  private readonly feedbackCopies: Float64Array[] | null;
  private readonly presenter: Presenter;
  private readonly block: BlockPass;
  /** Where the epoch under way began: restored if it diverges. */
  private readonly checkpoint: Checkpoint;
  /** Which of the epoch's sums overflowed while every number it summed was finite, when one did. */
  private overflow: SumOverflow = null;
  /**
   * Whether the checkpoint already holds the run as it stands at this epoch boundary: taken by
   * finishEpoch in the same advance() call, so startEpoch need not take it again.
   */
  private checkpointCurrent = false;

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
    this.restartSnapshots();
  }

  /**
   * The run's state as a file holds it. In the middle of an epoch the numbers may already have left what a
   * file can hold (divergence is caught at the epoch's end): then the epoch has diverged, and the state is
   * where it began, as a diverged run keeps, and the next advance() says it diverged. (RunCore's state()
   * adds the snapshots kept.)
   */
  protected stateHere(): NetworkState {
    if (this.cursor.inEpoch && !withinFileBounds(this.network.params, this.momentum, this.gradientPending ? this.gradient : null, this.cursor.tss)) this.pendingDivergence = this.diverge(0);
    return saveState(this.parts());
  }

  /** The part of an update summed so far, with the settings as they are before a change. */
  protected applyPendingUpdate(): void {
    this.presenter.applyUpdates(this.settings);
  }

  /**
   * One advance() call's presentations: nothing within it changes the settings, the loss or the backward
   * matrices, so which path presents the patterns is decided once per call.
   */
  protected presentation(): (left: number) => number {
    // Between calls anything may have changed the run (configure, a test writing a weight): the next
    // epoch to start takes its checkpoint afresh.
    this.checkpointCurrent = false;
    const presenter = this.presenter;
    const plan = choosePlan(this.network, this.settings, this.loss, this.backwardMatrices);
    return (left) => {
      const done = plan === 'block'
        ? presenter.presentBlock(left, this.updateSize, this.loss, this.backwardMatrices, this.settings)
        : presenter.presentOnline(left, plan === 'classic', this.loss, this.backwardMatrices, this.settings);
      return presenter.failed ? -1 - done : done;
    };
  }

  private restore(state: NetworkState): void {
    const parts = this.parts();
    restoreState(parts, state);
    this.gradientPending = parts.gradientPending;
    this.feedback = parts.feedback;
    this.orderStream = parts.orderStream;
    this.epoch = parts.epoch;
    this.applySettings();
    this.checkpoint.take(this.network.params, this);
    this.restartSnapshots(state.snapshots);
  }

  private parts(): RunParts {
    return {
      network: this.network, momentum: this.momentumViews, gradient: this.gradientViews, gradientPending: this.gradientPending,
      feedback: this.feedback, orderStream: this.orderStream, cursor: this.cursor, epoch: this.epoch,
      histories: this.histories, withTest: this.testData !== null, settingChanges: this.settingChanges,
    };
  }

  /** Derived from the settings: the loss's code and the backward matrices. */
  protected applySettings(): void {
    this.loss = lossCode(this.settings.loss);
    if (this.settings.rule === 'feedback-alignment') {
      this.feedback ??= drawFeedback(this.network, this.settings);
      this.backwardMatrices = feedbackInArena(this.feedback, this.feedbackCopies);
    } else {
      this.backwardMatrices = this.network.weights;
    }
  }

  protected startEpoch(): void {
    if (!this.checkpointCurrent) this.checkpoint.take(this.network.params, this);
    this.checkpointCurrent = false;
    this.cursor.start(this.settings.order === 'permuted' ? this.orderStream : null);
  }

  /**
   * Records the epoch; false when a parameter is no longer finite or beyond ±MAX_WEIGHT_MAGNITUDE (a saved
   * file must load again: schema.ts). The check copies the parameters as it reads them, into the next
   * epoch's checkpoint, which is completed here too.
   */
  protected finishEpoch(): boolean {
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
  protected diverge(presented: number): AdvanceOutcome {
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
