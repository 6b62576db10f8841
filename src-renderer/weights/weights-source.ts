/**
 * Which weights the Weights tab shows, and what to say about them: the trainer's latest (live while
 * training), else the ones the document holds, else none yet. Weights whose shapes no longer fit the
 * layers (a view from before an architecture edit) are never shown.
 */
import { graphNetworkWithWeights } from '../../src-shared/data/export/graph-activations';
import { toRows } from '../../src-shared/engine/state-io';
import { chainProjections, networkGraph } from '../../src-shared/model/graph';
import type { LayerSpec, ModelDocument, NetworkState, ProjectionSpec } from '../../src-shared/model/schema';
import { weightsFitLayers } from './hinton';

/** The trainer's latest weights (the session's LiveWeights): W_p out × in per projection, b per non-input layer, and their epoch. */
export interface LiveWeights {
  epoch: number;
  weights: number[][][];
  biases: number[][];
}

export interface ShownWeights extends LiveWeights {
  /** initial: epoch 0, the seed's own weights; trained: from the trainer; saved: the document's, awaiting the trainer. */
  origin: 'initial' | 'trained' | 'saved';
}

export function weightsToShow(
  layers: readonly LayerSpec[],
  live: LiveWeights | null,
  saved: NetworkState | null,
  projections: readonly ProjectionSpec[] = chainProjections(layers.length),
): ShownWeights | null {
  if (live && weightsFitLayers(layers, live.weights, projections)) return { ...live, origin: live.epoch === 0 ? 'initial' : 'trained' };
  if (saved && weightsFitLayers(layers, saved.weights, projections)) {
    return { epoch: saved.epoch, weights: saved.weights, biases: saved.biases, origin: saved.epoch === 0 ? 'initial' : 'saved' };
  }
  return null;
}

/**
 * A graph network's weights from the document alone: the saved ones, or for a model not yet trained the
 * initial weights its seed gives (the graph engine's own draw), so the Weights tab shows a graph without
 * asking the trainer. Null for a chain (the trainer sends its weights) and for a model that does not fit.
 */
export function graphWeightsFromDocument(model: ModelDocument): ShownWeights | null {
  const graph = networkGraph(model);
  if (graph.isChain) return null;
  const saved = weightsToShow(model.layers, null, model.state, graph.projections);
  if (saved || model.state) return saved;
  try {
    const network = graphNetworkWithWeights(model);
    const weights = network.weights.map((W, q) => toRows(W, network.sizes[graph.projections[q].to], network.sizes[graph.projections[q].from]));
    return { epoch: 0, weights, biases: network.biases.map((b) => Array.from(b)), origin: 'initial' };
  } catch {
    // A graph being edited into shape (a cycle drawn, a layer left unfed) has no weights to show yet.
    return null;
  }
}
