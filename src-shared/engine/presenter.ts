/**
 * Presenting a run's patterns: online, each pattern followed by its update; in batch and minibatch modes,
 * blocks of patterns whose gradient is summed and applied at the end of each update. Which one a call uses
 * is plan.ts's choice; the sums run in one fixed order (kernels.ts), however the work is sliced into calls.
 */
import type { TrainingSettings } from '../model/schema';
import type { BlockPass } from './fast/block';
import type { EpochCursor } from './checkpoint';
import type { LossCode } from './losses';
import type { LayerViews, Network } from './network';
import type { OnlinePath } from './fast/online';
import { applyUpdate } from './optimizer';
import type { PatternSet } from './patterns';

/** Where the run keeps whether its gradient buffer holds part of an update (batch and minibatch modes). */
export interface PendingGradient {
  gradientPending: boolean;
}

export class Presenter {
  /** Set when a pattern's pss was not finite: the presentation stopped at it. */
  failed = false;

  constructor(
    private readonly run: PendingGradient,
    private readonly network: Network, private readonly data: PatternSet, private readonly cursor: EpochCursor,
    private readonly online: OnlinePath, private readonly block: BlockPass, private readonly testBlock: BlockPass | null,
    private readonly momentumViews: LayerViews, private readonly gradientViews: LayerViews,
  ) {}

  /**
   * Online: up to `budget` patterns of the epoch under way, each followed by its update; `classic` when
   * the online path's one-function step applies (plan.ts).
   */
  presentOnline(budget: number, classic: boolean, loss: LossCode, backwardMatrices: readonly Float64Array[], settings: TrainingSettings): number {
    const { inputs, targets } = this.data;
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
      const pss = online.present(inputs, targets, p, loss, margin, backwardMatrices, settings);
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
  presentBlock(budget: number, updateSize: number, loss: LossCode, backwardMatrices: readonly Float64Array[], settings: TrainingSettings): number {
    // One block for every update size, sized for the largest (a whole batch): the rows it takes never
    // pass the end of an update.
    const block = this.block;
    const cursor = this.cursor;
    const m = updateSize;
    const start = cursor.position;
    const updateEnd = Math.min(start - (start % m) + m, this.data.count);
    const count = Math.min(budget, updateEnd - start, block.capacity);
    block.gather(this.data.inputs, this.data.targets, cursor.order, start, count);
    block.forward(count);
    block.outputDeltas(count, loss, settings.margin);
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
    block.backward(count, backwardMatrices);
    cursor.position = start + count;
    const { learningRate, momentum, weightDecay } = settings;
    if (!this.run.gradientPending && cursor.position === updateEnd && weightDecay === 0) {
      // The block is the whole update: sum and apply in one pass.
      block.accumulateAndUpdate(count, this.momentumViews, learningRate, momentum);
      return count;
    }
    block.accumulate(count, this.gradientViews, !this.run.gradientPending);
    this.run.gradientPending = true;
    if (cursor.position === updateEnd) this.applyUpdates(settings);
    return count;
  }

  /** The update from the gradient summed over the update's patterns, for every layer that learns. */
  applyUpdates(settings: TrainingSettings): void {
    const net = this.network;
    const g = this.gradientViews;
    const mom = this.momentumViews;
    for (let j = 0; j < net.depth; j++) {
      if (!net.learns[j + 1]) continue;
      applyUpdate(net.weights[j], net.biases[j], g.weights[j], g.biases[j], mom.weights[j], mom.biases[j], net.hasBias[j + 1], settings);
    }
    this.run.gradientPending = false;
  }

  /** The test set's tss with the current weights, in blocks. */
  testTss(data: PatternSet, loss: LossCode, margin: number): number {
    const block = this.testBlock!;
    let tss = 0;
    for (let start = 0; start < data.count; start += block.capacity) {
      const count = Math.min(block.capacity, data.count - start);
      block.gather(data.inputs, data.targets, null, start, count);
      block.forward(count);
      block.outputDeltas(count, loss, margin);
      for (let row = 0; row < count; row++) tss += block.pss[row];
    }
    return tss;
  }
}
