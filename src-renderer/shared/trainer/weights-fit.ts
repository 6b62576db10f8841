/**
 * When trained weights still belong to a model after it changes, as one rule: every weight matrix and bias
 * vector must still join the same layers with the same sizes (weightLayout) and start from the same initial
 * weights (seed and initialization, the run's and each projection's own). A layer resized, a bias added or
 * removed, a layer's kind changed, a projection added, removed, reordered or given another initialization:
 * the weights are discarded. A layer moved is the one change this cannot see (a chain of equal layers
 * reordered keeps every shape), so the builder discards for it by name (network-builder.ts).
 */
import type { LayerSpec, ModelDocument, NetworkState, ProjectionSpec } from '../../../src-shared/model/schema';
import { historyLength } from '../../../src-shared/model/epoch-history';
import { resetsWeights, sameInit } from '../../../src-shared/engine/setting-changes';
import { chainProjections, networkGraph } from '../../../src-shared/model/graph';

/**
 * What the state's numbers mean: per projection (the state's weights[q]) its two layers and their sizes,
 * to × from; per layer that is not an input (the state's biases[k]) which layer, its size and whether it
 * has a bias.
 */
export interface WeightLayout {
  weights: Array<{ from: number; to: number; rows: number; columns: number }>;
  biases: Array<{ layer: number; units: number; bias: boolean }>;
}

export function weightLayout(layers: readonly LayerSpec[], projections: readonly ProjectionSpec[] = chainProjections(layers.length)): WeightLayout {
  return {
    weights: projections.map((p) => ({ from: p.from, to: p.to, rows: layers[p.to]?.units ?? 0, columns: layers[p.from]?.units ?? 0 })),
    biases: layers.flatMap((layer, g) => (layer.kind === 'input' ? [] : [{ layer: g, units: layer.units, bias: layer.bias }])),
  };
}

function sameLayout(a: WeightLayout, b: WeightLayout): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Each projection's own initialization the same (absent in both, or drawing the same weights). */
function sameProjectionInits(a: readonly ProjectionSpec[], b: readonly ProjectionSpec[]): boolean {
  return a.every((p, q) => (p.init === undefined || b[q].init === undefined ? p.init === b[q].init : sameInit(p.init, b[q].init)));
}

/** Whether `after` can keep the weights `before` trained. */
export function weightsCarryOver(before: ModelDocument, after: ModelDocument): boolean {
  const a = networkGraph(before).projections;
  const b = networkGraph(after).projections;
  return sameLayout(weightLayout(before.layers, a), weightLayout(after.layers, b)) && sameProjectionInits(a, b) && !resetsWeights(before.training, after.training);
}

/**
 * Whether a state's weight matrices and bias vectors have the shapes this network needs (weightLayout): a
 * guard on trainer events.
 */
export function stateFitsLayers(state: NetworkState, layers: readonly LayerSpec[], projections?: readonly ProjectionSpec[]): boolean {
  const { weights, biases } = weightLayout(layers, projections);
  if (state.weights.length !== weights.length || state.biases.length !== biases.length) return false;
  return state.weights.every((matrix, q) => matrix.length === weights[q].rows && matrix.every((row) => row.length === weights[q].columns))
    && state.biases.every((vector, k) => vector.length === biases[k].units);
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
