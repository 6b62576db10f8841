/**
 * `import FILE… --out MODEL.bplab`: a model from other tools' files, the format recognised from each file.
 * tlearn's .cf with its .data and .teach, or a Lens network script (.in) with its .ex, gives the network
 * too; the other formats give patterns, and the network is sized to them (with --hidden N units in one
 * hidden layer).
 */
import { basename } from 'node:path';
import {
  ImportError,
  ImportSetError,
  layersForPatterns,
  modelFromImport,
  recurrentLayersForPatterns,
  readImportSet,
  type ImportAnswers,
  type ImportedPatterns,
  type NamedText,
  type ImportedFiles,
} from '../../../src-shared/data/import';
import type { LayerSpec } from '../../../src-shared/model/schema';
import { describeProblems, parseModel } from '../../../src-shared/model/parse';
import { CliError } from '../cli-error';
import { importWeightsInto } from './import-weights';
import type { CliIo } from '../io';
import { writeModelFile } from '../model-file';
import { parseOptions, wholeNumber } from '../options';
import { terminalLine, terminalText } from '../terminal-text';
import { readTextFile } from '../text-file';

const usage = 'import FILE… --out MODEL.bplab [--name NAME] [--hidden N] [--inputs N --outputs N] ' +
  '[--input-columns A,B… --target-columns C,… [--name-column N]]\n' +
  '       import WEIGHTS.safetensors|WEIGHTS.npz --into MODEL.bplab --out NEW.bplab   (weights back from Python)';

export async function importCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseOptions(args, {
    out: { type: 'string' },
    name: { type: 'string' },
    hidden: { type: 'string' },
    inputs: { type: 'string' },
    outputs: { type: 'string' },
    'input-columns': { type: 'string' },
    'target-columns': { type: 'string' },
    'name-column': { type: 'string' },
    into: { type: 'string' },
  }, usage);
  if (values.into !== undefined) return importWeightsInto(positionals, values.into, values.out, io, usage);
  if (positionals.length === 0) throw new CliError(`name at least one file to import\nusage: ${usage}`);
  if (!values.out) throw new CliError(`say where to write the model with --out MODEL.bplab\nusage: ${usage}`);
  const files = await Promise.all(positionals.map(readSource));
  const sizes = { inputs: wholeNumber(values.inputs, 'inputs', 1, 4096), outputs: wholeNumber(values.outputs, 'outputs', 1, 4096) };
  const hidden = wholeNumber(values.hidden, 'hidden', 1, 4096) ?? 0;

  let imported: ImportedPatterns;
  let layers: LayerSpec[] | undefined;
  let training;
  let projections;
  let links;
  let weights;
  try {
    const read = readFiles(files, sizes, values);
    imported = read.imported;
    layers = read.layers ?? layersForPatterns(imported, hidden);
    training = read.training;
    projections = read.projections;
    links = read.links;
    weights = read.weights;
    // Sequences (a Lens file of multi-event examples) without a network of their own: Elman's network.
    if (!read.layers && imported.patterns.some((p) => p.reset)) {
      if (hidden === 0) throw new CliError('the examples are sequences (several events each): give --hidden N to build a simple recurrent network with N hidden and N context units');
      ({ layers, projections, links } = recurrentLayersForPatterns(imported, hidden));
    }
  } catch (error) {
    if (error instanceof ImportError || error instanceof ImportSetError) throw new CliError(error.message);
    throw error;
  }
  const model = modelFromImport({
    name: values.name ?? basename(files[0].name).replace(/\.[^.]+$/, ''),
    description: `Imported from ${files.map((f) => basename(f.name)).join(', ')}.`,
    imported,
    layers,
    projections,
    links,
    training,
    weights,
  });
  const checked = parseModel(model);
  if (!checked.ok) throw new CliError(`the imported model is not valid:\n${describeProblems(checked.problems, 20)}`);
  for (const warning of imported.warnings) io.err(`note: ${terminalText(warning)}\n`);
  await writeModelFile(values.out, checked.model, false);
  const shape = checked.model.layers.map((l) => l.units).join('-');
  io.out(`${terminalLine(values.out)}: ${checked.model.patterns.length} patterns, network ${shape}\n`);
}

/** A file named on the command line: its path (what messages show) and its text. */
async function readSource(path: string): Promise<NamedText> {
  return { name: path, text: await readTextFile(path) };
}

type Sizes = { inputs?: number; outputs?: number };
type CsvChoice = { 'input-columns'?: string; 'target-columns'?: string; 'name-column'?: string };

function readFiles(files: NamedText[], sizes: Sizes, csv: CsvChoice): ImportedFiles {
  const step = readImportSet(files, { sizes, ...csvColumns(csv) });
  if (step.kind === 'read') return step.files;
  if (step.kind === 'split') throw new CliError(`${step.file.name}: say how many values are inputs and how many targets with --inputs and --outputs`);
  const listed = step.preview.columns.map((c, i) => `  ${i}: ${c.name} (${c.kind})`).join('\n');
  throw new CliError(`${step.file.name}: say which columns are inputs and which are targets with --input-columns and --target-columns (names or numbers from 0); its columns are:\n${listed}`);
}

/** The columns named by the options, when both inputs and targets are. */
function csvColumns(choice: CsvChoice): ImportAnswers {
  const columns = (list: string | undefined) => list?.split(',').map((c) => c.trim()).filter(Boolean).map((c) => (/^\d+$/.test(c) ? Number(c) : c));
  const inputColumns = columns(choice['input-columns']);
  const targetColumns = columns(choice['target-columns']);
  if (!inputColumns || !targetColumns) return {};
  const nameColumn = columns(choice['name-column'])?.[0];
  return { columns: { inputColumns, targetColumns, ...(nameColumn === undefined ? {} : { nameColumn }) } };
}
