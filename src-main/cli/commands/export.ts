/**
 * `export MODEL --to FORMAT --out PATH`: tables for R and spreadsheets, and the model in other tools'
 * formats. What a format cannot hold is said on stderr, never silently dropped.
 */
import { writeFile } from 'node:fs/promises';
import {
  ExportError,
  exportLensExamples,
  exportPdpPat,
  exportTlearn,
  hiddenActivationsCsv,
  learningCurveCsv,
  modelLearningCurve,
  outputsCsv,
  weightsCsv,
  type ExportedText,
} from '../../../src-shared/data/export';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { readModelFile } from '../model-file';
import { onlyFile, parseOptions, wholeNumber } from '../options';

const formats = {
  outputs: 'patterns with the network’s outputs and pss (CSV)',
  hidden: 'hidden-unit activations per pattern (CSV; --layer N for one hidden layer)',
  weights: 'one weight layer, receiving × sending units with biases (CSV; --layer J, from 0)',
  curve: 'the learning curve: epoch, tss, fraction correct (CSV)',
  tlearn: 'tlearn .cf, .data and .teach (--out is the base name)',
  pat: 'PDP pattern file (.pat)',
  ex: 'Lens example file (.ex)',
} as const;
type Format = keyof typeof formats;

const usage = `export MODEL --to FORMAT --out PATH [--layer N]\nformats:\n${Object.entries(formats).map(([k, v]) => `  ${k.padEnd(8)}${v}`).join('\n')}`;

export async function exportCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseOptions(args, { to: { type: 'string' }, out: { type: 'string' }, layer: { type: 'string' } }, usage);
  const file = await readModelFile(onlyFile(positionals, usage));
  // An untrained file has no weights saved, but its seed fixes them: export those initial weights.
  const model = file.state ? file : new Simulation(file).toModel();
  const format = values.to as Format | undefined;
  if (!format || !(format in formats)) throw new CliError(`--to must name a format\nusage: ${usage}`);
  if (!values.out) throw new CliError(`say where to write with --out PATH\nusage: ${usage}`);
  const layer = wholeNumber(values.layer, 'layer', 0, 64);
  let written: { path: string; text: string }[];
  let notes: string[] = [];
  try {
    ({ written, notes } = render(model, format, values.out, layer));
  } catch (error) {
    if (error instanceof ExportError) throw new CliError(`cannot export ${format}: ${error.message}`);
    throw error;
  }
  for (const file of written) {
    try {
      await writeFile(file.path, file.text);
    } catch (error) {
      throw new CliError(`cannot write ${file.path}: ${(error as Error).message}`);
    }
    io.out(`wrote ${file.path}\n`);
  }
  for (const note of notes) io.err(`note: ${note}\n`);
}

function render(model: ModelDocument, format: Format, out: string, layer: number | undefined) {
  const one = (text: string, notes: string[] = []) => ({ written: [{ path: out, text }], notes });
  const fromExported = (exported: ExportedText) => one(exported.text, exported.notes);
  switch (format) {
    case 'outputs':
      return one(outputsCsv(model));
    case 'hidden':
      return one(hiddenActivationsCsv(model, layer === undefined ? {} : { layer }));
    case 'weights':
      return one(weightsCsv(model, layer ?? 0));
    case 'curve':
      return one(learningCurveCsv(modelLearningCurve(model)));
    case 'pat':
      return fromExported(exportPdpPat(model));
    case 'ex':
      return fromExported(exportLensExamples(model));
    case 'tlearn': {
      const exported = exportTlearn(model);
      const base = out.replace(/\.(cf|data|teach)$/, '');
      return {
        written: [
          { path: `${base}.cf`, text: exported.cf },
          { path: `${base}.data`, text: exported.data },
          { path: `${base}.teach`, text: exported.teach },
        ],
        notes: exported.notes,
      };
    }
  }
}
