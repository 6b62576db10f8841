/**
 * Every pattern's activations at given weights (a live run's, or a snapshot's), row-major W^j out × in as the
 * document saves them: what the representation views analyse while a run goes on.
 */
import { Network } from '../../engine/network';
import type { LayerSpec, Pattern } from '../../model/schema';

/** activations[pattern][layer][unit], layer 0 the input. */
export function activationsAt(layers: readonly LayerSpec[], weights: readonly (readonly (readonly number[])[])[], biases: readonly (readonly number[])[], patterns: readonly Pattern[]): number[][][] {
  const network = new Network(layers);
  weights.forEach((matrix, j) => network.weights[j].set(matrix.flat()));
  biases.forEach((vector, j) => network.biases[j].set(vector));
  return patterns.map((pattern) => {
    network.forward(pattern.input);
    return network.act.map((layer) => Array.from(layer));
  });
}
