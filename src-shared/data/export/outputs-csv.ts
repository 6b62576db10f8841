/**
 * Patterns with the network's outputs, one row a pattern: its name, inputs, targets, outputs and pss (the
 * summed squared error over the outputs that have a target), for checking a run or analysing it in R.
 */
import type { ModelDocument, Pattern } from '../../model/schema';
import { patternActivations } from './activations';
import { toCsv } from './csv-table';
import { uniqueNames, unitNames } from './unit-names';

export function outputsCsv(model: ModelDocument, patterns: Pattern[] = model.patterns): string {
  const layers = model.layers;
  const outputLayer = layers[layers.length - 1];
  const outputs = unitNames(outputLayer);
  const header = uniqueNames([
    'pattern',
    ...unitNames(layers[0]),
    ...outputs.map((name) => `target_${name}`),
    ...outputs.map((name) => `output_${name}`),
    'pss',
  ]);
  const activations = patternActivations(model, patterns);
  const rows = patterns.map((pattern, p) => {
    const output = activations[p][layers.length - 1];
    let pss = 0;
    pattern.target.forEach((t, k) => {
      if (t !== null) pss += (t - output[k]) ** 2;
    });
    return [pattern.name, ...pattern.input, ...pattern.target, ...output, pss];
  });
  return toCsv(header, rows);
}
