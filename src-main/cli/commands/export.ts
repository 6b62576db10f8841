/**
 * `export MODEL --to FORMAT --out PATH`: tables for R and spreadsheets, and the model in other tools'
 * formats (the table and the exporters are src-shared's, as File → Export's in the app). What a format
 * cannot hold is said on stderr, never silently dropped.
 */
import { writeFile } from 'node:fs/promises';
import { ExportError, exportFileContent, exportModel, isModelExportFormat, MODEL_EXPORT_FORMATS, modelArrays, type ModelExportFormat } from '../../../src-shared/data/export';
import { MAX_PROJECTIONS } from '../../../src-shared/model/schema';
import { APP_VERSION } from '../../app-version';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { readModelFile } from '../model-file';
import { exportRecurrentLayer } from '../recurrent-export';
import { isRecurrent } from '../../../src-shared/model/recurrence';
import { onlyFile, parseOptions, wholeNumber } from '../options';
import { terminalLine, terminalText } from '../terminal-text';

/** How the command line asks for what a format needs beyond the shared words. */
const OPTION_HINTS: Partial<Record<ModelExportFormat, string>> = {
  hidden: '--layer N for one hidden layer',
  weights: '--layer J, from 0 (a graph\'s projection J, in the model\'s order)',
  tlearn: '--out is the base name',
  npy: '--array NAME (as the .npz names it)',
  safetensors: '--out is the base name of NAME.safetensors and NAME.py',
};

const formatLines = Object.entries(MODEL_EXPORT_FORMATS).map(([id, { description }]) => {
  const hint = OPTION_HINTS[id as ModelExportFormat];
  return `  ${id.padEnd(14)}${description}${hint ? `; ${hint}` : ''}`;
});
const usage = `export MODEL --to FORMAT --out PATH [--layer N] [--array NAME]\nformats:\n${formatLines.join('\n')}`;

export async function exportCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseOptions(args, { to: { type: 'string' }, out: { type: 'string' }, layer: { type: 'string' }, array: { type: 'string' } }, usage);
  // An untrained file has no weights saved, but its seed fixes them: the exporters use those initial weights.
  const model = await readModelFile(onlyFile(positionals, usage));
  if (isRecurrent(model) && values.to === 'hidden') {
    if (!values.out) throw new CliError(`say where to write with --out PATH\nusage: ${usage}`);
    return exportRecurrentLayer(model, wholeNumber(values.layer, 'layer', 0, 64), values.out, io);
  }
  const format = values.to;
  if (!format || !isModelExportFormat(format)) throw new CliError(`--to must name a format\nusage: ${usage}`);
  const out = values.out;
  if (!out) throw new CliError(`say where to write with --out PATH\nusage: ${usage}`);
  const layer = format === 'npy' ? arrayIndex(model, values.array) : wholeNumber(values.layer, 'layer', 0, MAX_PROJECTIONS);
  let exported;
  try {
    exported = exportModel(model, format, layer, { appVersion: APP_VERSION });
  } catch (error) {
    if (error instanceof ExportError) throw new CliError(`cannot export ${format}: ${error.message}`);
    throw error;
  }
  // One file goes to --out as given (its provenance beside it); a set (tlearn, safetensors with its model.py)
  // goes beside --out, the base name.
  const typed = exported.files.find((file) => out.endsWith(`.${file.extension}`));
  const base = typed ? out.slice(0, -typed.extension.length - 1) : out;
  const [only, ...others] = exported.files.filter((file) => file.extension !== 'provenance.json');
  const written = exported.files.map((file) => ({
    path: file === only && others.length === 0 ? out : `${base}.${file.extension}`,
    content: exportFileContent(file),
  }));
  for (const file of written) {
    try {
      await writeFile(file.path, file.content);
    } catch (error) {
      throw new CliError(`cannot write ${file.path}: ${(error as Error).message}`);
    }
    io.out(`wrote ${terminalLine(file.path)}\n`);
  }
  for (const note of exported.notes) io.err(`note: ${terminalText(note)}\n`);
}

/** `--array NAME`'s place among the .npz's arrays; without it, a list of the names to choose from. */
function arrayIndex(model: Parameters<typeof modelArrays>[0], name: string | undefined): number {
  const names = modelArrays(model).map((array) => array.name);
  const index = name === undefined ? -1 : names.indexOf(name);
  if (index === -1) throw new CliError(`${name === undefined ? 'say which array with --array NAME' : `there is no array ${name}`}; this model's arrays: ${names.join(', ')}`);
  return index;
}
