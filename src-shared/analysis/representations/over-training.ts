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
