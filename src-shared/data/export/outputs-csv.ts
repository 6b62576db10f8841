/**
 * Patterns with the network's outputs, one row a pattern: its name, inputs, targets, outputs and pss (the
 * summed squared error over the outputs that have a target), for checking a run or analysing it in R. A
 * graph's input layers' columns come in layer order, as do its output layers' (the pattern's own order).
 */
import { networkGraph } from '../../model/graph';
import type { ModelDocument, Pattern } from '../../model/schema';
import { patternActivations } from './activations';
import { toCsv } from './csv-table';
import { uniqueNames, unitNames } from './unit-names';

export function outputsCsv(model: ModelDocument, patterns: Pattern[] = model.patterns): string {
  const layers = model.layers;
  const graph = networkGraph(model);
  const outputs = graph.outputs.flatMap((g) => unitNames(layers[g]));
  const header = uniqueNames([
    'pattern',
    ...graph.inputs.flatMap((g) => unitNames(layers[g])),
    ...outputs.map((name) => `target_${name}`),
    ...outputs.map((name) => `output_${name}`),
    'pss',
  ]);
  const activations = patternActivations(model, patterns);
  const rows = patterns.map((pattern, p) => {
    const output = graph.outputs.flatMap((g) => activations[p][g]);
    let pss = 0;
    pattern.target.forEach((t, k) => {
      if (t !== null) pss += (t - output[k]) ** 2;
    });
    return [pattern.name, ...pattern.input, ...pattern.target, ...output, pss];
  });
  return toCsv(header, rows);
}
