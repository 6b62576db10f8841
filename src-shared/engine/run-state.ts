/**
 * A run's state as the model document saves it (NetworkState), and back: weights, momentum terms, the
 * gradient summed so far in an unfinished update, feedback matrices, the order stream, the epoch cursor and
 * the histories — everything exact continuation needs.
 */
import type { NetworkState, SettingChange } from '../model/schema';
import type { EpochCursor } from './checkpoint';
import type { LayerViews, Network } from './network';
import type { RunHistories } from './run-histories';
import { RandomStream } from './rng';
import { fromRows, toRows } from './state-io';

/** The parts of a run the state is made of (the Simulation's own buffers). */
export interface RunParts {
  network: Network;
  momentum: LayerViews;
  gradient: LayerViews;
  gradientPending: boolean;
  feedback: Float64Array[] | null;
  orderStream: RandomStream;
  cursor: EpochCursor;
  epoch: number;
  histories: RunHistories;
  /** Whether the model has test patterns (and so a test curve). */
  withTest: boolean;
  settingChanges: SettingChange[];
}

export function saveState(run: RunParts): NetworkState {
  const net = run.network;
  const matrices = (views: LayerViews) => views.weights.map((W, j) => toRows(W, net.sizes[j + 1], net.sizes[j]));
  const vectors = (views: LayerViews) => views.biases.map((b) => Array.from(b));
  const state: NetworkState = {
    epoch: run.epoch,
    weights: matrices(net),
    biases: vectors(net),
    weightMomentum: matrices(run.momentum),
    biasMomentum: vectors(run.momentum),
    orderStream: run.orderStream.state(),
    cursor: run.cursor.save(),
    ...run.histories.save(run.withTest),
    feedback: run.feedback && run.feedback.map((F, j) => (j === 0 ? [] : toRows(F, net.sizes[j + 1], net.sizes[j]))),
    gradientSum: run.gradientPending ? { weights: matrices(run.gradient), biases: vectors(run.gradient) } : null,
  };
  if (run.settingChanges.length > 0) state.settingChanges = structuredClone(run.settingChanges);
  return state;
}

/** Fills the run's buffers from a saved state (already checked against the model by checkConsistency). */
export function restoreState(run: RunParts, state: NetworkState): void {
  const net = run.network;
  state.weights.forEach((rows, j) => fromRows(rows, net.weights[j]));
  state.biases.forEach((b, j) => net.biases[j].set(b));
  state.weightMomentum.forEach((rows, j) => fromRows(rows, run.momentum.weights[j]));
  state.biasMomentum.forEach((b, j) => run.momentum.biases[j].set(b));
  run.gradientPending = Boolean(state.gradientSum);
  if (state.gradientSum) {
    state.gradientSum.weights.forEach((rows, j) => fromRows(rows, run.gradient.weights[j]));
    state.gradientSum.biases.forEach((b, j) => run.gradient.biases[j].set(b));
  }
  run.feedback = state.feedback
    ? state.feedback.map((rows, j) => {
      const F = new Float64Array(j === 0 ? 0 : net.weights[j].length);
      fromRows(rows, F);
      return F;
    })
    : null;
  run.orderStream = RandomStream.fromState(state.orderStream);
  run.cursor.restore(state.cursor);
  run.epoch = state.epoch;
  run.histories.restore(state, state.epoch, run.withTest);
  run.settingChanges.length = 0;
  run.settingChanges.push(...structuredClone(state.settingChanges ?? []));
}
