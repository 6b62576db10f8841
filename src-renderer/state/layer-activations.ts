/**
 * Every pattern's activations at given weights (the trainer's latest, or the document's), for the
 * Representations tab: a chain through the chain engine (analysis/representations/activations-at.ts), a
 * graph through the graph engine's own forward pass (GraphNetwork), its weights one matrix per projection
 * and its biases one vector per non-input layer, as the state holds them.
 */
import { activationsAt } from '../../src-shared/analysis/representations/activations-at';
import { GraphNetwork } from '../../src-shared/engine/graph/graph-network';
import { networkGraph } from '../../src-shared/model/graph';
import type { ModelDocument, Pattern } from '../../src-shared/model/schema';

/** activations[pattern][layer][unit], layers in the model's order (an input layer holds its block of the input). */
export function layerActivationsAt(
  model: Pick<ModelDocument, 'layers' | 'projections' | 'links'>,
  weights: readonly (readonly (readonly number[])[])[],
  biases: readonly (readonly number[])[],
  patterns: readonly Pattern[],
): number[][][] {
  if (networkGraph(model).isChain) return activationsAt(model.layers, weights, biases, patterns);
  const network = new GraphNetwork(model);
  weights.forEach((matrix, q) => network.weights[q].set(matrix.flat()));
  biases.forEach((vector, k) => network.biases[k].set(vector));
  return patterns.map((pattern) => {
    network.forward(pattern.input);
    return network.act.map((layer) => Array.from(layer));
  });
}
