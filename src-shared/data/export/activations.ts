/**
 * Every unit's activation for every pattern, from the model's saved weights (or, for a model not yet
 * trained, the initial weights its seed gives): what the output, hidden-unit and analysis exports write.
 */
import { initializeWeights } from '../../engine/init';
import { isGraphModel } from '../../engine/graph/graph-support';
import { Network } from '../../engine/network';
import type { ModelDocument, Pattern } from '../../model/schema';
import { isRecurrent } from '../../model/recurrence';
import { graphPatternActivations } from './graph-activations';
import { recurrentPatternActivations } from './recurrent-activations';

/** activations[pattern][layer][unit], layers in the model's order (a chain's layer 0 being the input). */
export type PatternActivations = number[][][];

/**
 * The model's network with its saved weights, or the initial weights its seed gives when it has none yet
 * (what a trainer starts from: an untrained file exports those, as the command line always has).
 */
export function networkWithWeights(model: ModelDocument): Network {
  const network = new Network(model.layers);
  if (model.state) {
    model.state.weights.forEach((matrix, j) => network.weights[j].set(matrix.flat()));
    model.state.biases.forEach((vector, j) => network.biases[j].set(vector));
  } else {
    initializeWeights(network, model.training);
  }
  return network;
}

export function patternActivations(model: ModelDocument, patterns: Pattern[] = model.patterns): PatternActivations {
  // A recurrent network's event depends on the ones before: its set is run in order (recurrent-activations.ts).
  if (isRecurrent(model)) return recurrentPatternActivations(model, patterns);
  if (isGraphModel(model)) return graphPatternActivations(model, patterns);
  const network = networkWithWeights(model);
  return patterns.map((pattern) => {
    network.forward(pattern.input);
    return network.act.map((layer) => Array.from(layer));
  });
}
