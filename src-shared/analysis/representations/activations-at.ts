/**
 * Every pattern's activations at given weights (a live run's, or a snapshot's), row-major W_p out × in as the
 * document saves them: what the representation views analyse while a run goes on. A chain runs on the chain
 * engine's forward pass, any other graph on the graph engine's (engine/graph/graph-network.ts).
 */
import { patternActivations } from '../../data/export/activations';
import { initializeGraphWeights } from '../../engine/graph/graph-init';
import { GraphNetwork } from '../../engine/graph/graph-network';
import { isGraphModel } from '../../engine/graph/graph-support';
import { Network } from '../../engine/network';
import { fromRows } from '../../engine/state-io';
import type { LayerSpec, ModelDocument, Pattern, ProjectionSpec } from '../../model/schema';

type Rows = readonly (readonly number[])[];

function graphActivations(network: GraphNetwork, patterns: readonly Pattern[]): number[][][] {
  return patterns.map((pattern) => {
    network.forward(pattern.input);
    return network.act.map((layer) => Array.from(layer));
  });
}

/**
 * activations[pattern][layer][unit], every layer in layer order (inputs included). `weights` holds W_p per
 * projection in the model's order (for a chain, W^0, W^1, …); `projections` absent means the chain.
 */
export function activationsAt(layers: readonly LayerSpec[], weights: readonly Rows[], biases: readonly (readonly number[])[], patterns: readonly Pattern[], projections?: readonly ProjectionSpec[]): number[][][] {
  const shape = { layers: [...layers], projections: projections ? [...projections] : undefined };
  if (isGraphModel(shape)) {
    const network = new GraphNetwork(shape);
    weights.forEach((matrix, q) => fromRows(matrix, network.weights[q]));
    biases.forEach((vector, k) => network.biases[k].set(vector));
    return graphActivations(network, patterns);
  }
  const network = new Network(layers);
  weights.forEach((matrix, j) => network.weights[j].set(matrix.flat()));
  biases.forEach((vector, j) => network.biases[j].set(vector));
  return patterns.map((pattern) => {
    network.forward(pattern.input);
    return network.act.map((layer) => Array.from(layer));
  });
}

/**
 * Every pattern's activations with the model's saved weights, or the initial weights its seed gives when it
 * has none yet (what a run starts from), chain or graph.
 */
export function modelActivations(model: ModelDocument, patterns: readonly Pattern[] = model.patterns): number[][][] {
  if (!isGraphModel(model)) return patternActivations(model, [...patterns]);
  if (model.state) return activationsAt(model.layers, model.state.weights, model.state.biases, patterns, model.projections);
  const network = new GraphNetwork(model);
  initializeGraphWeights(network, model.training);
  return graphActivations(network, patterns);
}
