/**
 * One layer of weights W^j as a table: a row per receiving unit (layer j+1), a column per sending unit
 * (layer j), named, with the receiving units' biases as a last column when the layer has biases. A model
 * not yet trained gives the initial weights its seed fixes.
 */
import type { ModelDocument } from '../../model/schema';
import { networkWithWeights } from './activations';
import { toCsv } from './csv-table';
import { ExportError } from './export-error';
import { uniqueNames, unitNames } from './unit-names';

/** `projection` j is the weights from layer j into layer j + 1 (0 … D−1). */
export function weightsCsv(model: ModelDocument, projection: number): string {
  const depth = model.layers.length - 1;
  if (!Number.isInteger(projection) || projection < 0 || projection >= depth) {
    throw new ExportError(`there is no weight layer ${projection}: the network has weight layers 0 to ${depth - 1}`);
  }
  const sending = model.layers[projection];
  const receiving = model.layers[projection + 1];
  const withBias = receiving.bias;
  const header = uniqueNames([`unit`, ...unitNames(sending), ...(withBias ? ['bias'] : [])]);
  const network = networkWithWeights(model);
  const W = network.weights[projection];
  const b = network.biases[projection];
  const columns = sending.units;
  const rows = unitNames(receiving).map((name, r) => [name, ...W.subarray(r * columns, (r + 1) * columns), ...(withBias ? [b[r]] : [])]);
  return toCsv(header, rows);
}
