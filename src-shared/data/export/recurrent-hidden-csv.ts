/**
 * A recurrent network's layer over its training sequence (`export --to hidden`, File → Export → hidden):
 * the layer's activations at every event of the training set, run in its order from the initial context
 * and resetting at each sequence's start — a table for R: event, pattern, sequence, position, then one
 * column per unit — so hidden states over a sequence are analysed like any layer's.
 */
import { sequencePositions } from '../../analysis/sequence-positions';
import { RecurrentRun } from '../../engine/recurrent/recurrent-run';
import { sequenceRanges } from '../../model/recurrence';
import type { ModelDocument } from '../../model/schema';
import { toCsv } from './csv-table';
import { ExportError } from './export-error';

/** The CSV and the layer it holds; `layer` a layer index (absent: the layer the first link copies, Elman's hidden layer). */
export function recurrentHiddenCsv(model: ModelDocument, layer?: number): { text: string; layer: number; events: number; epoch: number } {
  const g = layer ?? model.links![0].from;
  if (g >= model.layers.length || model.layers[g].kind === 'input') {
    throw new ExportError(`layer ${g} cannot be exported: name a layer that is not an input layer, 1 to ${model.layers.length - 1} (this model's layers: ${model.layers.map((l, i) => `${i} ${l.name}`).join(', ')})`);
  }
  const run = new RecurrentRun(model);
  const rows = run.layerOverSequence(g);
  const positions = sequencePositions(model.patterns);
  const sequenceOf = new Array<number>(model.patterns.length);
  sequenceRanges(model.patterns).forEach(([start, end], s) => sequenceOf.fill(s + 1, start, end));
  const names = model.layers[g].unitNames ?? Array.from({ length: model.layers[g].units }, (_, i) => `${model.layers[g].name} ${i + 1}`);
  const text = toCsv(['event', 'pattern', 'sequence', 'position', ...names], rows.map((values, p) => [p + 1, model.patterns[p].name, sequenceOf[p], positions[p], ...values]));
  return { text, layer: g, events: rows.length, epoch: run.epoch };
}
