/**
 * Hidden-unit activations per pattern — rows are patterns, columns are units, the first column names the
 * pattern — the table R's dist(), hclust() or cmdscale() take for clustering and MDS.
 */
import type { ModelDocument, Pattern } from '../../model/schema';
import { patternActivations } from './activations';
import { toCsv } from './csv-table';
import { ExportError } from './export-error';
import { uniqueNames, unitNames } from './unit-names';

export interface HiddenCsvOptions {
  /** Which layer (by index, 1 … D−1); every hidden layer side by side when left out. */
  layer?: number;
  patterns?: Pattern[];
}

export function hiddenActivationsCsv(model: ModelDocument, options: HiddenCsvOptions = {}): string {
  const hidden = model.layers.map((_, j) => j).filter((j) => model.layers[j].kind === 'hidden');
  if (hidden.length === 0) throw new ExportError('the network has no hidden layer, so it has no hidden-unit activations to export');
  if (options.layer !== undefined && !hidden.includes(options.layer)) {
    throw new ExportError(`layer ${options.layer} is not a hidden layer; the hidden layers are ${hidden.join(', ')}`);
  }
  const chosen = options.layer === undefined ? hidden : [options.layer];
  const patterns = options.patterns ?? model.patterns;
  const header = uniqueNames(['pattern', ...chosen.flatMap((j) => unitNames(model.layers[j]))]);
  const activations = patternActivations(model, patterns);
  const rows = patterns.map((pattern, p) => [pattern.name, ...chosen.flatMap((j) => activations[p][j])]);
  return toCsv(header, rows);
}
