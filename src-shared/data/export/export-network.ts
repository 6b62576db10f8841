/**
 * The network as the whole-model exports for numpy, PyTorch, ONNX and MATLAB see it, chain or graph alike
 * (docs/science.md, "Networks as graphs"): its projections with their weights W_p (to-units × from-units),
 * each non-input layer's bias, the layers in a topological order, and the engine's own forward pass.
 *
 *     n_g = b_g + Σ_{p into g} W_p h_{from(p)},   h_g = f_g(n_g)
 *
 * A chain runs on the chain engine (activations.ts's networkWithWeights, the bits the other exports
 * write), any other network on the graph engine (GraphRun's network, restored from the model's state or
 * initialised from its seed as a run would start).
 */
import { GraphRun } from '../../engine/graph/graph-run';
import { isGraphModel } from '../../engine/graph/graph-support';
import { networkGraph } from '../../model/graph';
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
  /** One pattern's forward pass: n (net input) and h (activation) per layer, layer order, fresh arrays. */
  forward(input: readonly number[]): { net: Float64Array[]; act: Float64Array[] };
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
  if (!isGraphModel(model)) {
    const network = networkWithWeights(model);
    return {
      layers: model.layers, ids, into, inputs: graph.inputs, outputs: graph.outputs,
      projections: network.weights.map((W, j) => projection(j, W)),
      biases: model.layers.map((layer, j) => (j > 0 && layer.bias ? Float64Array.from(network.biases[j - 1]) : null)),
      order: model.layers.map((_, j) => j),
      forward(input) {
        network.forward(input);
        return { net: copy(network.net), act: copy(network.act) };
      },
    };
  }
  const { network } = new GraphRun(model);
  return {
    layers: model.layers, ids, into, inputs: network.inputs, outputs: network.outputs,
    projections: network.weights.map((W, q) => projection(q, W)),
    biases: model.layers.map((layer, g) => (layer.kind !== 'input' && layer.bias ? Float64Array.from(network.biases[network.biasIndex[g]]) : null)),
    order: network.order,
    forward(input) {
      if (input.length !== network.inputUnits) throw new RangeError(`a pattern of ${input.length} inputs for a network of ${network.inputUnits} input units`);
      network.forward(input);
      return { net: copy(network.net), act: copy(network.act) };
    },
  };
}
