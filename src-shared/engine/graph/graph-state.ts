/**
 * A graph run's parameters as the model document's state holds them, per projection and per non-input
 * layer (W_p as to-units × from-units rows, b per layer), and back: weights, momentum, the gradient summed
 * in an unfinished update and feedback alignment's fixed matrices.
 */
import type { NetworkState } from '../../model/schema';
import { fromRows, toRows } from '../state-io';
import type { EpochCursor } from '../checkpoint';
import type { TimeSnapshot } from '../recurrent/recurrence';
import type { RandomStream } from '../rng';
import type { GraphNetwork, GraphViews } from './graph-network';

export /** Where an epoch began: what a diverged epoch goes back to. */
interface GraphSnapshot {
  params: Float64Array;
  momentum: Float64Array;
  gradient: Float64Array;
  gradientPending: boolean;
  orderStream: RandomStream;
  cursor: EpochCursor;
  time: TimeSnapshot | null;
}

type ParameterState = Pick<NetworkState, 'weights' | 'biases' | 'weightMomentum' | 'biasMomentum' | 'feedback' | 'gradientSum'>;

/** `gradient` is null when the run stands at an update boundary (nothing summed is pending). */
export function writeGraphParameters(net: GraphNetwork, momentum: GraphViews, gradient: GraphViews | null, feedback: readonly Float64Array[] | null): ParameterState {
  const rows = (W: Float64Array, q: number) => toRows(W, net.sizes[net.projections[q].to], net.sizes[net.projections[q].from]);
  const matrices = (views: GraphViews) => views.weights.map(rows);
  const vectors = (views: GraphViews) => views.biases.map((b) => Array.from(b));
  return {
    weights: matrices(net),
    biases: vectors(net),
    weightMomentum: matrices(momentum),
    biasMomentum: vectors(momentum),
    feedback: feedback && feedback.map((F, q) => (F.length === 0 ? [] : rows(F, q))),
    gradientSum: gradient ? { weights: matrices(gradient), biases: vectors(gradient) } : null,
  };
}

/** Fills the parameters, momentum and any pending gradient sum; returns the feedback matrices (null: not drawn yet). */
export function readGraphParameters(net: GraphNetwork, momentum: GraphViews, gradient: GraphViews, state: NetworkState): Float64Array[] | null {
  state.weights.forEach((rows, q) => fromRows(rows, net.weights[q]));
  state.biases.forEach((b, k) => net.biases[k].set(b));
  state.weightMomentum.forEach((rows, q) => fromRows(rows, momentum.weights[q]));
  state.biasMomentum.forEach((b, k) => momentum.biases[k].set(b));
  if (state.gradientSum) {
    state.gradientSum.weights.forEach((rows, q) => fromRows(rows, gradient.weights[q]));
    state.gradientSum.biases.forEach((b, k) => gradient.biases[k].set(b));
  }
  return state.feedback
    ? state.feedback.map((rows, q) => {
      const F = new Float64Array(rows.length === 0 ? 0 : net.weights[q].length);
      fromRows(rows, F);
      return F;
    })
    : null;
}
