/**
 * The network as the whole-model exports for numpy, PyTorch, ONNX and MATLAB see it, chain or graph alike
 * (docs/science.md, "Networks as graphs"): its projections with their weights W_p (to-units × from-units),
 * each non-input layer's bias, the layers in a topological order, and the engine's own forward pass.
 *
 *     n_g = b_g + Σ_{p into g} W_p h_{from(p)},   h_g = f_g(n_g)
 *
 * A chain runs on the chain engine (activations.ts's networkWithWeights, the bits the other exports
 * write), any other network on the graph engine (GraphRun's network, restored from the model's state or
 * initialised from its seed as a run would start). A recurrent network (docs/science.md, "Simple recurrent
 * networks") is a graph whose context layers no projection feeds: each holds a copy of its link's source
 * from the event before, c(t) = h_from(t − 1), its `initial` value at a sequence's start. Its activations
 * are a pass over a set in order from the initial context, as the engine's test pass runs it (RecurrentRun).
 */
import { GraphRun } from '../../engine/graph/graph-run';
import { isGraphModel } from '../../engine/graph/graph-support';
import { RecurrentRun } from '../../engine/recurrent/recurrent-run';
import { networkGraph } from '../../model/graph';
import { isRecurrent } from '../../model/recurrence';
import type { LayerSpec, ModelDocument } from '../../model/schema';
import { networkWithWeights } from './activations';
import { layerIdentifiers, projectionNames, type ProjectionName } from './array-names';
import { ExportError } from './export-error';

export interface ExportProjection extends ProjectionName {
  /** Layer indices at either end. */
  fromLayer: number;
  toLayer: number;
  /** W_p, row-major, `rows` (the receiving layer's units) × `cols` (the sending layer's). */
  weights: Float64Array;
  rows: number;
  cols: number;
}

/** A recurrent network's copy link, as the exports state it: context layer `layer` takes `source`'s activations from the event before. */
export interface ExportContextLayer {
  /** The context layer's index; no projection feeds it. */
  layer: number;
  /** The layer copied into it (Elman: a hidden layer; Jordan: an output layer). */
  source: number;
  /** Every unit's value at a sequence's first event. */
  initial: number;
}

/** Which of the model's pattern sets. */
export type ExportSet = 'train' | 'test';

export interface ExportNetwork {
  layers: readonly LayerSpec[];
  /** Each layer's identifier in the exported files (array-names.ts). */
  ids: readonly string[];
  /** In the model's projection order (a chain's: W^0, W^1, …). */
  projections: readonly ExportProjection[];
  /** b_g per layer; null for an input layer and for a layer without a bias. */
  biases: readonly (Float64Array | null)[];
  /** Every layer after all that feed it (for a chain, 0 … D). */
  order: readonly number[];
  /** Input and output layers in layer order: a pattern's input and target are theirs, concatenated. */
  inputs: readonly number[];
  outputs: readonly number[];
  /** Indices of the projections into each layer, in the model's order. */
  into: readonly number[][];
  /** A recurrent network's context layers, in the order of the model's links; empty for any other network. */
  contexts: readonly ExportContextLayer[];
  /**
   * Every layer's activations h per pattern of a set ([pattern][layer], fresh arrays): each pattern alone,
   * or for a recurrent network each event with the context its sequence gives it.
   */
  activations(set: ExportSet): Float64Array[][];
}

export function exportNetwork(model: ModelDocument): ExportNetwork {
  const ids = layerIdentifiers(model.layers);
  const graph = networkGraph(model);
  const names = projectionNames(model.layers, graph.projections);
  names.forEach(({ from, to }, q) => {
    const clash = names.findIndex((other) => `${other.from}_${other.to}` === `${from}_${to}`);
    if (clash !== q) {
      const [a, b] = [graph.projections[clash], graph.projections[q]];
      throw new ExportError(`the projections ${model.layers[a.from].name} → ${model.layers[a.to].name} and ${model.layers[b.from].name} → ${model.layers[b.to].name} would both be named W_${from}_${to}: rename one of these layers`);
    }
  });
  const into = model.layers.map((_, g) => graph.projections.flatMap((p, q) => (p.to === g ? [q] : [])));
  const projection = (q: number, weights: Float64Array): ExportProjection => {
    const { from, to } = graph.projections[q];
    return { ...names[q], fromLayer: from, toLayer: to, weights: Float64Array.from(weights), rows: model.layers[to].units, cols: model.layers[from].units };
  };
  const copy = <T extends ArrayLike<number>>(rows: readonly T[]) => rows.map((row) => Float64Array.from(row));
  const patternsOf = (set: ExportSet) => (set === 'train' ? model.patterns : (model.testPatterns ?? []));
  if (!isGraphModel(model)) {
    const network = networkWithWeights(model);
    return {
      layers: model.layers, ids, into, inputs: graph.inputs, outputs: graph.outputs, contexts: [],
      projections: network.weights.map((W, j) => projection(j, W)),
      biases: model.layers.map((layer, j) => (j > 0 && layer.bias ? Float64Array.from(network.biases[j - 1]) : null)),
      order: model.layers.map((_, j) => j),
      activations: (set) =>
        patternsOf(set).map((pattern) => {
          network.forward(pattern.input);
          return copy(network.act);
        }),
    };
  }
  const run = isRecurrent(model) ? new RecurrentRun(model) : new GraphRun(model);
  const { network } = run;
  return {
    layers: model.layers, ids, into, inputs: network.inputs, outputs: network.outputs,
    contexts: (model.links ?? []).map((link) => ({ layer: link.to, source: link.from, initial: link.initial ?? 0 })),
    projections: network.weights.map((W, q) => projection(q, W)),
    biases: model.layers.map((layer, g) => (layer.kind !== 'input' && layer.bias ? Float64Array.from(network.biases[network.biasIndex[g]]) : null)),
    order: network.order,
    activations(set) {
      if (run instanceof RecurrentRun) {
        // The engine's own pass through time, layer by layer: each a pass over the set in order, from the
        // initial context and resetting at its marks (the training stream undisturbed).
        const byLayer = model.layers.map((_, g) => run.layerOverSequence(g, set));
        return patternsOf(set).map((_, p) => byLayer.map((rows) => Float64Array.from(rows[p])));
      }
      return patternsOf(set).map((pattern) => {
        if (pattern.input.length !== network.inputUnits) throw new RangeError(`a pattern of ${pattern.input.length} inputs for a network of ${network.inputUnits} input units`);
        network.forward(pattern.input);
        return copy(network.act);
      });
    },
  };
}
