/**
 * When trained weights still belong to a model after it changes: the same architecture (layers, units,
 * biases) and the same initial weights (seed and initialization). Anything else discards them.
 */
import { chainProjections } from '../../src-shared/model/graph';
import type { LayerSpec, ModelDocument, NetworkState, ProjectionSpec } from '../../src-shared/model/schema';
import { historyLength } from '../../src-shared/model/epoch-history';
import { resetsWeights } from '../../src-shared/engine/setting-changes';
import { networkGraph } from '../../src-shared/model/graph';

/** Layer count, units and biases: what the weight matrices' shapes and meaning depend on. */
export function sameArchitecture(a: readonly LayerSpec[], b: readonly LayerSpec[]): boolean {
  return a.length === b.length && a.every((layer, j) => layer.units === b[j].units && (j === 0 || layer.bias === b[j].bias));
}

/**
 * The same projections, in the same order, with the same initializations: the state holds one weight
 * matrix per projection, so a projection added, removed or reordered needs new weights.
 */
export function sameProjections(before: ModelDocument, after: ModelDocument): boolean {
  const a = networkGraph(before).projections;
  const b = networkGraph(after).projections;
  return a.length === b.length && a.every((p, j) => p.from === b[j].from && p.to === b[j].to && JSON.stringify(p.init) === JSON.stringify(b[j].init));
}

/** Whether `after` can keep the weights `before` trained: a new seed or initialization starts again too. */
export function weightsCarryOver(before: ModelDocument, after: ModelDocument): boolean {
  return sameArchitecture(before.layers, after.layers) && sameProjections(before, after) && !resetsWeights(before.training, after.training);
}

/**
 * Whether a state's weight matrices have the shapes this network needs, one per projection (to × from; a
 * chain's W^j is layer j → j + 1): a guard on trainer events.
 */
export function stateFitsLayers(state: NetworkState, layers: readonly LayerSpec[], projections?: readonly ProjectionSpec[]): boolean {
  const links = projections ?? chainProjections(layers.length);
  if (state.weights.length !== links.length) return false;
  return state.weights.every((matrix, q) => matrix.length === layers[links[q].to].units && matrix.every((row) => row.length === layers[links[q].from].units));
}

/**
 * The state made to fit a model whose patterns changed: an epoch in progress over a different number of
 * patterns cannot continue, so the run continues from the start of the next epoch instead; a test history
 * no longer of the run's length is dropped.
 */
export function fitState(model: ModelDocument, state: NetworkState | null): NetworkState | null {
  if (!state) return null;
  let fitted = state;
  if (state.cursor && state.cursor.order.length !== model.patterns.length) fitted = { ...fitted, cursor: null, gradientSum: null };
  if (model.testPatterns?.length && fitted.testTssHistory && fitted.testTssHistory.length !== historyLength(fitted.epoch, fitted.historyStride ?? 1)) {
    const { testTssHistory: _dropped, ...rest } = fitted;
    fitted = rest;
  }
  return fitted;
}

/** A committed edit's document: the trained state kept where it still fits, dropped where the edit discards it. */
export function settleEdit(before: ModelDocument, after: ModelDocument): ModelDocument {
  return { ...after, state: weightsCarryOver(before, after) ? fitState(after, after.state) : null };
}

/** Whether the model holds trained weights a change would lose (epoch 0 is the seed's, never lost). */
export function hasTrainedWeights(model: ModelDocument): boolean {
  return (model.state?.epoch ?? 0) > 0;
}
