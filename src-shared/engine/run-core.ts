/**
 * What every training run does alike, the chain engine's (simulation.ts) and the graph path's
 * (graph/graph-run.ts): the patterns and settings, the epoch cursor and learning curve, checked setting
 * changes, and the loop that presents patterns epoch by epoch until a budget is spent or a stopping
 * criterion holds. How patterns are presented, epochs begun and finished, and a diverged epoch undone is
 * each run's own (the abstract members).
 */
import { formatPath } from '../model/parse';
import { trainingSchema, type ModelDocument, type NetworkState, type SettingChange, type TrainingSettings } from '../model/schema';
import type { EpochCursor } from './checkpoint';
import type { PatternSet } from './patterns';
import type { RandomStream } from './rng';
import { RunHistories } from './run-histories';
import { resetsWeights, settingChange } from './setting-changes';
import { maximumMessage, stopAfterEpoch, type AdvanceOutcome, type StopReason } from './stopping';
import type { TestPass } from './test-pass';
import { SnapshotRecorder } from './snapshot-recorder';

export abstract class RunCore {
  protected model: ModelDocument;
  /** The training patterns, flat; and the test patterns, when the model has some. */
  readonly data: PatternSet;
  readonly testData: PatternSet | null;
  /** The epoch under way: the order its patterns are presented in and how far it has come. */
  readonly cursor: EpochCursor;
  /** The last completed epoch's pss per pattern: the cursor's buffer of that epoch, swapped out at its end. */
  protected lastEpochPss: Float64Array;
  epoch = 0;
  protected readonly histories = new RunHistories();
  /** Settings changed during the run, where each took effect (reset clears them with the curve). */
  readonly settingChanges: SettingChange[] = [];
  /** ΔW(t−1) and Δb(t−1), laid out like the network's parameters. */
  readonly momentum: Float64Array;
  /** g summed over the patterns of the update under way (batch and minibatch modes), when pending. */
  readonly gradient: Float64Array;
  gradientPending = false;
  orderStream!: RandomStream;
  /** A divergence state() found in the middle of an epoch: the next advance() reports it. */
  protected pendingDivergence: AdvanceOutcome | null = null;
  /** The snapshots the run keeps as its schedule says (model/snapshots.ts), saved with its state. */
  protected readonly kept = new SnapshotRecorder();

  protected constructor(
    model: ModelDocument, data: PatternSet, testData: PatternSet | null, cursor: EpochCursor, lastEpochPss: Float64Array,
    momentum: Float64Array, gradient: Float64Array,
  ) {
    this.model = model;
    this.data = data;
    this.testData = testData;
    this.cursor = cursor;
    this.lastEpochPss = lastEpochPss;
    this.momentum = momentum;
    this.gradient = gradient;
  }

  /** Back to the seed's initial weights: epoch 0, no momentum, the order stream from its start. */
  abstract reset(): void;
  /** The run's state as a file holds it, but for the snapshots: what a snapshot is made of. */
  protected abstract stateHere(): NetworkState;
  abstract testPass(): TestPass;
  /** Applies the part of an update summed so far (with the settings as they are before a change). */
  protected abstract applyPendingUpdate(): void;
  /** Derives what the run keeps from its settings (the loss's code, the backward matrices). */
  protected abstract applySettings(): void;
  /** Takes what a diverged epoch would go back to, and draws the epoch's order. */
  protected abstract startEpoch(): void;
  /**
   * Prepares one advance() call's presentations (settings cannot change within one); returns what presents
   * up to `left` patterns of the epoch under way, stopping at its end: how many it presented, or, when a
   * pattern's error was not finite, −1 − how many before it.
   */
  protected abstract presentation(): (left: number) => number;
  /** Records the epoch; false when a number is no longer one a file can hold. */
  protected abstract finishEpoch(): boolean;
  /** Stops a diverged run: goes back to where the epoch began and says what happened. */
  protected abstract diverge(presented: number): AdvanceOutcome;

  get settings(): TrainingSettings {
    return this.model.training;
  }

  get patternCount(): number {
    return this.data.count;
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

  /** Why training cannot go on from here, before presenting anything. */
  stopBeforeTraining(): StopReason | null {
    return this.epoch >= this.settings.maxEpochs ? 'max-epochs' : null;
  }

  /** Why a run stands still at its maximum number of epochs, and how many patterns it left wrong. */
  maximumMessage(): string {
    return maximumMessage(this.epoch, this.testPass(), this.settings.margin);
  }

  /**
   * The training pattern the next presentation will show (starting the epoch, and so drawing its order,
   * if none is under way): what "step one pattern" inspects before it presents it.
   */
  nextPattern(): number {
    if (!this.cursor.inEpoch) this.startEpoch();
    return this.cursor.order[this.cursor.position];
  }

  /** The run's state as a file holds it, with the snapshots kept. */
  state(): NetworkState {
    return this.kept.into(this.stateHere());
  }

  /** At an epoch boundary: a snapshot of the run here, when its schedule keeps this epoch. */
  protected keepSnapshot(): void {
    this.kept.record(this.settings, this.epoch, () => this.stateHere());
  }

  /** After a reset or a restore: the snapshots start afresh, or from the file's. */
  protected restartSnapshots(fromFile?: NetworkState['snapshots']): void {
    this.kept.restore(fromFile);
    if (!this.cursor.inEpoch) this.keepSnapshot();
  }

  toModel(): ModelDocument {
    return { ...this.model, state: this.state() };
  }

  /**
   * New settings, checked as a file would hold them. A different seed or initialization means different
   * initial weights, so it resets and returns true. Changing how updates are grouped in the middle of one
   * first applies the part summed so far.
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
    if (this.gradientPending && (after.update !== before.update || after.batchSize !== before.batchSize)) this.applyPendingUpdate();
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

  /**
   * Presents up to `budget` patterns. Stops early at the end of an epoch when a stopping criterion holds,
   * or once `untilEpoch` epochs are complete. Online, each presentation is an update; in batch and
   * minibatch modes the update happens when its last pattern has been presented, in whichever call that
   * is — so any slicing of the work into calls computes the same bits.
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
    const present = this.presentation();
    while (presented < budget && this.epoch < untilEpoch) {
      if (!cursor.inEpoch) this.startEpoch();
      const done = present(budget - presented);
      if (done < 0) return this.diverge(presented - 1 - done);
      presented += done;
      if (cursor.position < count) continue;
      if (!this.finishEpoch()) return this.diverge(presented);
      this.keepSnapshot();
      const stop = stopAfterEpoch(this.settings, this.epoch, cursor.tss, cursor.correct, count, () => this.testPass());
      if (stop) return { presented, ...stop };
    }
    return { presented, stop: null, message: null };
  }
}
