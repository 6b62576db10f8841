/**
 * What can be read off a graph network's run without changing it (as ../run-readout.ts for a chain): its
 * buffers, the matrices deltas go back through, and the analyses of the network as it stands — test passes,
 * every pattern's outputs, the summed loss and gradient, looking inside one pattern. A recurrent network's
 * passes run through its time (the context each event sees). GraphRun (graph-run.ts) adds the training.
 */
import type { ModelDocument, Pattern } from '../../model/schema';
import type { EpochCursor } from '../checkpoint';
import type { PatternInspection } from '../inspection';
import { lossCode, type LossCode } from '../losses';
import { toPatternSet, type PatternSet } from '../patterns';
import type { Recurrence } from '../recurrent/recurrence';
import { RunCore } from '../run-core';
import { toRows } from '../state-io';
import { testPassOf, type TestPass } from '../test-pass';
import { inspectGraph, inspectGraphPattern } from './graph-inspect';
import { GraphOutputLoss } from './graph-loss';
import { GraphNetwork, type GraphViews } from './graph-network';

export abstract class GraphReadout extends RunCore {
  readonly network: GraphNetwork;
  protected readonly momentumViews: GraphViews;
  protected readonly gradientViews: GraphViews;
  /** F_p per projection for feedback alignment, once drawn. */
  protected feedback: Float64Array[] | null = null;
  protected loss: LossCode = 0;
  protected readonly outputLoss: GraphOutputLoss;
  /** A recurrent network's context, stored events and sequences; null for a feed-forward network. */
  protected readonly time: Recurrence | null;

  /** `buffers`: the network, its momentum terms and gradient sum, the stored events' blocks (graph-layout.ts lays them out). */
  protected constructor(
    model: ModelDocument, buffers: { network: GraphNetwork; momentum: Float64Array; gradient: Float64Array; eventBlocks?: readonly Float64Array[] },
    cursor: (count: number) => EpochCursor,
  ) {
    const { network, momentum, gradient } = buffers;
    const data = toPatternSet(model.patterns, network.inputUnits, network.outputUnits);
    const testData = model.testPatterns?.length ? toPatternSet(model.testPatterns, network.inputUnits, network.outputUnits) : null;
    super(model, data, testData, cursor(data.count), new Float64Array(data.count), momentum, gradient);
    this.network = network;
    this.momentumViews = network.views(this.momentum);
    this.gradientViews = network.views(this.gradient);
    this.outputLoss = new GraphOutputLoss(network);
    this.time = this.createTime(model, buffers.eventBlocks ?? []);
  }

  /** The recurrent run (../recurrent/recurrent-run.ts) gives its Recurrence; a feed-forward run has none. */
  protected createTime(model: ModelDocument, eventBlocks: readonly Float64Array[]): Recurrence | null {
    void model;
    void eventBlocks;
    return null;
  }

  /** The matrices deltas are sent back through: W_p, or F_p for feedback alignment. */
  protected get backwardMatrices(): readonly Float64Array[] {
    return this.settings.rule === 'feedback-alignment' ? this.feedback! : this.network.weights;
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

  /** Every pattern's outputs (all output layers, concatenated) beside its targets, with the current weights. */
  testPass(set: 'train' | 'test' = 'train'): TestPass {
    const source: readonly Pattern[] = (set === 'train' ? this.model.patterns : this.model.testPatterns) ?? [];
    return testPassOf(source, this.outputs(set), this.settings.margin);
  }

  /** Forward pass, each output layer's loss term, and the deltas flowing back; the pattern's pss and whether it was correct. */
  present(data: PatternSet, p: number): { pss: number; correct: boolean } {
    const net = this.network;
    net.forward(data.inputs, p * net.inputUnits);
    const pss = this.outputLoss.deltas(this.loss, data, p, this.settings.margin);
    net.backward(this.backwardMatrices);
    return { pss, correct: this.outputLoss.correct };
  }

  /** L summed over the training patterns with the current weights. */
  totalLoss(): number {
    let L = 0;
    this.overSet('train', (p) => {
      L += this.outputLoss.loss(this.loss, this.data, p);
    });
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
    const net = this.network;
    return this.overSet(set, () => net.outputs.flatMap((g) => Array.from(net.act[g])));
  }

  /**
   * The forward pass on every pattern of a set in its order (through time, for a recurrent network, without
   * disturbing the training stream), with what `read` takes from each; none when the set is missing.
   */
  protected overSet<T>(set: 'train' | 'test', read: (p: number) => T): T[] {
    const data = set === 'train' ? this.data : this.testData;
    if (!data) return [];
    const net = this.network;
    return Array.from({ length: data.count }, (_, p) => {
      this.time?.enterEvaluation(set, p);
      net.forward(data.inputs, p * net.inputUnits);
      this.time?.leaveEvaluation();
      return read(p);
    });
  }

  /** tss over a set with the current weights (the test set's curve). */
  protected tss(data: PatternSet): number {
    let tss = 0;
    for (let p = 0; p < data.count; p++) {
      this.time?.enterEvaluation(data === this.data ? 'train' : 'test', p);
      tss += this.present(data, p).pss;
      this.time?.leaveEvaluation();
    }
    return tss;
  }

  protected applyLoss(): void {
    this.loss = lossCode(this.settings.loss);
  }
}
