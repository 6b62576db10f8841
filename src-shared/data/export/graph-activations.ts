/**
 * A graph network (several input or output layers, projections that skip layers) with the model's saved
 * weights, or the initial weights its seed gives when it has none yet, and every layer's activations per
 * pattern: what the exports read for a network that is not a chain (a chain keeps activations.ts's engine).
 */
import { initializeGraphWeights } from '../../engine/graph/graph-init';
import { GraphNetwork } from '../../engine/graph/graph-network';
import type { ModelDocument, Pattern } from '../../model/schema';

/** The graph network with W_p per projection (the model's order) and b per non-input layer, as the state holds them. */
export function graphNetworkWithWeights(model: ModelDocument): GraphNetwork {
  const network = new GraphNetwork(model);
  if (model.state) {
    model.state.weights.forEach((matrix, q) => network.weights[q].set(matrix.flat()));
    model.state.biases.forEach((vector, k) => network.biases[k].set(vector));
  } else {
    initializeGraphWeights(network, model.training);
  }
  return network;
}

/** activations[pattern][layer][unit], layers in the model's order (an input layer holds its part of the pattern's input). */
export function graphPatternActivations(model: ModelDocument, patterns: Pattern[]): number[][][] {
  const network = graphNetworkWithWeights(model);
  return patterns.map((pattern) => {
    network.forward(pattern.input);
    return network.act.map((layer) => Array.from(layer));
  });
}
