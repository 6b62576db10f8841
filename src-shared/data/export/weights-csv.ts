/**
 * One projection's weights W_p as a table: a row per receiving unit (the layer it feeds), a column per
 * sending unit (the layer it comes from), named, with the receiving units' biases as a last column when that
 * layer has biases (a layer fed by several projections has one bias, the same in each of their tables). A
 * chain's projection j runs from layer j to layer j + 1. A model not yet trained gives the initial weights
 * its seed fixes.
 */
import { networkGraph } from '../../model/graph';
import type { ModelDocument } from '../../model/schema';
import { networkWithWeights } from './activations';
import { toCsv } from './csv-table';
import { ExportError } from './export-error';
import { graphNetworkWithWeights } from './graph-activations';
import { uniqueNames, unitNames } from './unit-names';

/** `projection` is the projection's place in the model's projections (a chain's weight layer, from 0). */
export function weightsCsv(model: ModelDocument, projection: number): string {
  const graph = networkGraph(model);
  const count = graph.projections.length;
  if (!Number.isInteger(projection) || projection < 0 || projection >= count) {
    throw new ExportError(graph.isChain
      ? `there is no weight layer ${projection}: the network has weight layers 0 to ${count - 1}`
      : `there is no projection ${projection}: the network has projections 0 to ${count - 1}`);
  }
  const { from, to } = graph.projections[projection];
  const sending = model.layers[from];
  const receiving = model.layers[to];
  const withBias = receiving.bias;
  const header = uniqueNames([`unit`, ...unitNames(sending), ...(withBias ? ['bias'] : [])]);
  const { weights, biases } = graph.isChain ? networkWithWeights(model) : graphNetworkWithWeights(model);
  const W = weights[projection];
  const b = biases[graph.biased.indexOf(to)];
  const columns = sending.units;
  const rows = unitNames(receiving).map((name, r) => [name, ...W.subarray(r * columns, (r + 1) * columns), ...(withBias ? [b[r]] : [])]);
  return toCsv(header, rows);
}
