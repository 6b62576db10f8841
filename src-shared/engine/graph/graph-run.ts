/**
 * A training run of a graph network (../../model/graph.ts), pattern by pattern: every update mode (online,
 * batch, minibatch), momentum, weight decay, both losses, backpropagation and feedback alignment with one
 * fixed F per projection, frozen projections and layers, and everything exact continuation needs
 * (momentum, the gradient summed in an unfinished update, the order stream and the epoch cursor), saved per
 * projection as the model document holds it. Chains keep the chain engine (../simulation.ts); this is the
 * path for every other graph. A recurrent network runs here too, with its time (context layers, sequences,
 * BPTT) in a Recurrence that ../recurrent/recurrent-run.ts supplies. What can be read off a run without
 * changing it is in graph-readout.ts, which this class extends; the epoch loop and settings are
 * ../run-core.ts's, shared with the chain engine.
 *
 * The passes run on the fast kernels per projection (../fast/graph-passes.ts) — in WebAssembly where the
 * run's buffers fit a kernel arena (graph-layout.ts) — the same bits as GraphNetwork's own passes, which
 * are the reference (tests hold them to it).
 */
import { recordsEpoch } from '../../model/epoch-history';
import { isRecurrent } from '../../model/recurrence';
import { MAX_WEIGHT_MAGNITUDE, type ModelDocument, type NetworkState } from '../../model/schema';
import { EpochCursor } from '../checkpoint';
import { chooseGraphPlan } from '../fast/plan';
import type { GraphPasses } from '../fast/graph-passes';
import type { ThroughTimeUpdate } from '../fast/graph-through-time';
import { applyUpdate } from '../optimizer';
import { RandomStream } from '../rng';
import type { AdvanceOutcome } from '../stopping';
import { drawGraphFeedback, initializeGraphWeights } from './graph-init';
import { graphFeedbackInArena, layOutGraphRun } from './graph-layout';
import { GraphReadout } from './graph-readout';
import { readGraphParameters, writeGraphParameters, type GraphSnapshot as Snapshot } from './graph-state';
import { RECURRENT_NETWORKS_NOTICE } from './graph-support';

/** applyUpdate's arrays for the half of an update that does not apply (a projection's bias, a bias's weights). */
const NONE = new Float64Array(0);

export class GraphRun extends GraphReadout {
  private snapshot: Snapshot | null = null;
  /** The fast kernels' passes over this network. */
  private readonly fast: GraphPasses;

  /** Online BPTT's fused gradient and update (the `through-time` plan); null for a network without time. */
  private readonly throughTime: ThroughTimeUpdate | null;
  /** Per projection, where F_p is copied in the kernel arena; null without one. */
  private readonly feedbackCopies: Float64Array[] | null;

  constructor(model: ModelDocument) {
    const buffers = layOutGraphRun(model);
    super(model, buffers, (count) => new EpochCursor(count));
    if (isRecurrent(model) && !this.time) throw new RangeError(RECURRENT_NETWORKS_NOTICE);
    this.fast = buffers.passes;
    this.throughTime = buffers.throughTime;
    this.feedbackCopies = buffers.feedbackCopies;
    if (model.state) this.restore(model.state);
    else this.reset();
  }

  /** Whether the passes run on the WebAssembly kernels (the run's buffers are in a kernel arena). */
  get usesWasmKernels(): boolean {
    return this.fast.inWasm;
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
    this.restartSnapshots();
  }

  /**
   * One advance() call's presentations, pattern by pattern: the forward pass, each output layer's loss
   * term, the deltas and the gradient, and the update at each update boundary — online without weight
   * decay or time, each projection's deltas and update in one pass over its weights (chooseGraphPlan).
   */
  protected presentation(): (left: number) => number {
    const count = this.data.count;
    const cursor = this.cursor;
    const plan = chooseGraphPlan(this.settings, this.time?.depth ?? 1);
    const passes = plan === 'reference' ? this.network : this.fast;
    // Online, no gradient is pending (changing to online applies a pending one): each event is its own update.
    const fused = plan === 'through-time' && !this.gradientPending ? this.throughTime : null;
    const B = this.backwardMatrices;
    return (left) => {
      let presented = 0;
      while (presented < left && cursor.position < count) {
        const p = cursor.order[cursor.position];
        this.time?.enterTraining(p);
        passes.forward(this.data.inputs, p * this.network.inputUnits);
        const pss = this.outputLoss.deltas(this.loss, this.data, p, this.settings.margin);
        if (plan === 'online') {
          this.fast.backwardAndUpdate(B, this.momentumViews, this.settings);
        } else if (fused) {
          fused.backwardAndRecord(B, this.gradientViews);
        } else {
          passes.backward(B);
          passes.addGradient(this.gradientViews, !this.gradientPending);
        }
        if (!(pss < Number.POSITIVE_INFINITY)) return -1 - presented;
        cursor.tss += pss;
        cursor.pss[p] = pss;
        if (this.outputLoss.correct) cursor.correct++;
        this.time?.leaveTraining(this.gradientViews, B, fused ?? passes, fused);
        if (fused) fused.apply(this.gradientViews, this.momentumViews, this.settings);
        cursor.position++;
        presented++;
        if (plan === 'online' || fused) continue;
        this.gradientPending = true;
        if (cursor.position % this.updateSize === 0 || cursor.position === count) this.applyUpdates();
      }
      return presented;
    };
  }

  /**
   * The run's state as a file holds it. In the middle of an epoch the numbers may already have left what a
   * file can hold (divergence is found at the epoch's end): then the epoch has diverged, the state is where
   * it began, and the next advance() says so — no save writes a file the loader would refuse. (RunCore's
   * state() adds the snapshots kept.)
   */
  protected stateHere(): NetworkState {
    if (this.cursor.inEpoch && !this.withinFileBounds()) this.pendingDivergence = this.diverge(0);
    const state: NetworkState = {
      epoch: this.epoch,
      ...writeGraphParameters(this.network, this.momentumViews, this.gradientPending ? this.gradientViews : null, this.feedback),
      orderStream: this.orderStream.state(),
      cursor: this.cursor.save(),
      ...this.histories.save(this.testData !== null),
    };
    if (this.settingChanges.length > 0) state.settingChanges = structuredClone(this.settingChanges);
    if (this.time) state.recurrent = this.time.state();
    return state;
  }

  private restore(state: NetworkState): void {
    this.gradientPending = Boolean(state.gradientSum);
    const feedback = readGraphParameters(this.network, this.momentumViews, this.gradientViews, state);
    this.feedback = feedback && graphFeedbackInArena(feedback, this.feedbackCopies);
    this.orderStream = RandomStream.fromState(state.orderStream);
    this.cursor.restore(state.cursor);
    this.epoch = state.epoch;
    this.time?.restore(state.recurrent);
    this.histories.restore(state, this.epoch, this.testData !== null);
    this.settingChanges.length = 0;
    for (const change of structuredClone(state.settingChanges ?? [])) this.settingChanges.push(change);
    this.applySettings();
    this.takeSnapshot();
    this.restartSnapshots(state.snapshots);
  }

  protected applySettings(): void {
    this.applyLoss();
    if (this.settings.rule === 'feedback-alignment') this.feedback ??= graphFeedbackInArena(drawGraphFeedback(this.network, this.settings), this.feedbackCopies);
  }

  protected applyPendingUpdate(): void {
    this.applyUpdates();
  }

  /** The update from the gradient summed over the update's patterns, for every projection and bias that learns. */
  private applyUpdates(): void {
    const net = this.network;
    const g = this.gradientViews;
    const m = this.momentumViews;
    const settings = this.settings;
    for (let q = 0; q < net.projections.length; q++) {
      if (net.projectionLearns[q]) applyUpdate(net.weights[q], NONE, g.weights[q], NONE, m.weights[q], NONE, false, settings);
    }
    for (let k = 0; k < net.biased.length; k++) {
      // A bias steps with κ = 0: weight decay is for weights only.
      if (net.biasLearns[net.biased[k]]) applyUpdate(NONE, net.biases[k], NONE, g.biases[k], NONE, m.biases[k], true, settings);
    }
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

  protected startEpoch(): void {
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
  protected finishEpoch(): boolean {
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

  protected diverge(presented: number): AdvanceOutcome {
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
