/**
 * `export MODEL --to hidden` for a recurrent network: a layer's activations at every event of the training
 * set, run in its order from the initial context (the shared table, data/export/recurrent-hidden-csv.ts).
 */
import { writeFile } from 'node:fs/promises';
import { ExportError } from '../../src-shared/data/export/export-error';
import { recurrentHiddenCsv } from '../../src-shared/data/export/recurrent-hidden-csv';
import type { ModelDocument } from '../../src-shared/model/schema';
import { CliError } from './cli-error';
import type { CliIo } from './io';
import { terminalLine } from './terminal-text';

/** `layer` is a layer index in the model (absent: the layer the first link copies, Elman's hidden layer). */
export async function exportRecurrentLayer(model: ModelDocument, layer: number | undefined, out: string, io: CliIo): Promise<void> {
  let table;
  try {
    table = recurrentHiddenCsv(model, layer);
  } catch (error) {
    if (error instanceof ExportError) throw new CliError(`--layer ${error.message}`);
    throw error;
  }
  try {
    await writeFile(out, table.text);
  } catch (error) {
    throw new CliError(`cannot write ${out}: ${(error as Error).message}`);
  }
  io.out(`wrote ${terminalLine(out)}\n`);
  io.err(`note: ${model.layers[table.layer].name}'s activations at each of the ${table.events} events, the set run in its order from the initial context (epoch ${table.epoch})\n`);
}
