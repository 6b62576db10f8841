/**
 * A layer over training: the frames the views over training are drawn from — each of the run's snapshots up to
 * the epoch shown, then the weights shown (the current ones, or the snapshot looked back at) — with every
 * pattern's activations at each. Computed once per set of snapshots; the trajectories and RSA read from them.
 */
import { activationsOfModel, type LayerModel, type WeightsAt } from './layer-points';

export interface Frame {
  epoch: number;
  /** activations[pattern][layer][unit] at that epoch's weights. */
  all: number[][][];
}

/**
 * The weights to analyse over training, oldest first: the snapshots before `shown`'s epoch, then `shown`
 * (a snapshot at the shown epoch is the shown weights themselves, so it is not counted twice).
 */
export function framesToShow(snapshots: readonly WeightsAt[], shown: WeightsAt): WeightsAt[] {
  return [...snapshots.filter((snapshot) => snapshot.epoch < shown.epoch), shown];
}

/** Every pattern's activations at each of `at`, in order. */
export function framesOf(model: LayerModel, at: readonly WeightsAt[]): Frame[] {
  return at.map((weights) => ({ epoch: weights.epoch, all: activationsOfModel(model, weights) }));
}

const sameNumbers = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]) =>
  a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((x, k) => Object.is(x, b[i][k])));

/** Whether two epochs' weights and biases are the same numbers. */
function sameWeights(a: WeightsAt, b: WeightsAt): boolean {
  return a.epoch === b.epoch && a.weights.length === b.weights.length && a.weights.every((w, p) => sameNumbers(w, b.weights[p])) && sameNumbers(a.biases, b.biases);
}

/**
 * framesOf for a run whose snapshots grow while it trains (a new list at each report from the trainer): a
 * snapshot with the same epoch and the same numbers as one seen before keeps its activations, so only the new
 * ones go through the network. One cache per network and pattern set.
 */
export class FrameCache {
  private kept = new Map<number, { at: WeightsAt; frame: Frame }>();

  constructor(private readonly model: LayerModel) {}

  frames(at: readonly WeightsAt[]): Frame[] {
    const next = new Map<number, { at: WeightsAt; frame: Frame }>();
    const frames = at.map((weights) => {
      const known = this.kept.get(weights.epoch);
      const frame = known && (known.at === weights || sameWeights(known.at, weights)) ? known.frame : framesOf(this.model, [weights])[0];
      next.set(weights.epoch, { at: weights, frame });
      return frame;
    });
    this.kept = next;
    return frames;
  }
}
