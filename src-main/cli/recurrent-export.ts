/**
 * `export MODEL --to hidden` for a recurrent network: a layer's activations at every event of the training
 * set, run in its order from the initial context (a table for R: event, pattern, sequence, position, then one
 * column per unit), so hidden states over a sequence can be analysed like any layer's.
 */
import { writeFile } from 'node:fs/promises';
import { sequencePositions } from '../../src-shared/analysis/sequence-positions';
import { RecurrentRun } from '../../src-shared/engine/recurrent/recurrent-run';
import { sequenceRanges } from '../../src-shared/model/recurrence';
import type { ModelDocument } from '../../src-shared/model/schema';
import { CliError } from './cli-error';
import type { CliIo } from './io';
import { terminalLine } from './terminal-text';

const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** `layer` is a layer index in the model (absent: the layer the first link copies, Elman's hidden layer). */
export async function exportRecurrentLayer(model: ModelDocument, layer: number | undefined, out: string, io: CliIo): Promise<void> {
  const g = layer ?? model.links![0].from;
  if (g >= model.layers.length || model.layers[g].kind === 'input') {
    throw new CliError(`--layer ${g}: name a layer that is not an input layer, 1 to ${model.layers.length - 1} (this model's layers: ${model.layers.map((l, i) => `${i} ${l.name}`).join(', ')})`);
  }
  const run = new RecurrentRun(model);
  const rows = run.layerOverSequence(g);
  const positions = sequencePositions(model.patterns);
  const sequenceOf = new Array<number>(model.patterns.length);
  sequenceRanges(model.patterns).forEach(([start, end], s) => sequenceOf.fill(s + 1, start, end));
  const names = model.layers[g].unitNames ?? Array.from({ length: model.layers[g].units }, (_, i) => `${model.layers[g].name} ${i + 1}`);
  const lines = [['event', 'pattern', 'sequence', 'position', ...names].map(csvField).join(',')];
  rows.forEach((values, p) => lines.push([String(p + 1), csvField(model.patterns[p].name), String(sequenceOf[p]), String(positions[p]), ...values.map(String)].join(',')));
  try {
    await writeFile(out, `${lines.join('\n')}\n`);
  } catch (error) {
    throw new CliError(`cannot write ${out}: ${(error as Error).message}`);
  }
  io.out(`wrote ${terminalLine(out)}\n`);
  io.err(`note: ${model.layers[g].name}'s activations at each of the ${rows.length} events, the set run in its order from the initial context (epoch ${run.epoch})\n`);
}
