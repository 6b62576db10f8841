/**
 * File → Import: other tools' files read into a NEW model document. A tlearn .cf or a Lens .in script gives the network; the
 * other formats give patterns only, and get a network built for their sizes (one hidden layer), which the
 * user is told about. The importers are the command line's; their errors keep file, line and column.
 */
import {
  importPdpPat,
  layersForPatterns,
  modelFromImport,
  readImportSet,
  recurrentLayersForPatterns,
  type CsvPreview,
  type ImportedFiles,
  type ImportedPatterns,
} from '../../src-shared/data/import';
import { describeProblems, parseModel } from '../../src-shared/model/parse';
import { MAX_UNITS, type CopyLinkSpec, type LayerSpec, type ModelDocument, type ProjectionSpec, type TrainingSettings } from '../../src-shared/model/schema';
import { defaultColumnChoice, importCsvColumns, importMessage, NAME_HEADER, TARGET_HEADER, type ColumnChoice, type NetworkSizes, type PatternFile } from '../patterns/pattern-import';
import type { Question } from '../shared/document/questions.svelte';

export type ImportRead =
  /** A model ready to open, with what the user should know about it (the network built, the importer's notes). */
  | { kind: 'model'; model: ModelDocument; notes: string[] }
  /** A table: its columns are picked first; `sizes` is the network the picker's first guess implies. */
  | { kind: 'csv'; file: PatternFile; preview: CsvPreview; choice: ColumnChoice; sizes: NetworkSizes }
  /** A PDP .pat does not say where the inputs end: the user says, out of `values` per pattern. */
  | { kind: 'split'; file: PatternFile; values: number }
  | { kind: 'refused'; message: string };

/** Reads the picked files: a tlearn .cf with its .data and .teach (or the two without it), or one pattern file. */
export function readImportFiles(files: readonly PatternFile[]): ImportRead {
  if (files.length === 0) return { kind: 'refused', message: 'No file was picked.' };
  try {
    // The user answers a .pat's split and a table's columns in a question: none is given yet.
    const step = readImportSet(files);
    switch (step.kind) {
      case 'split':
        return { kind: 'split', file: step.file, values: valuesPerPattern(step.file) };
      case 'columns': {
        const sizes = guessCsvSizes(step.preview);
        return { kind: 'csv', file: step.file, preview: step.preview, choice: defaultColumnChoice(step.preview, sizes), sizes };
      }
      case 'read': {
        const { set } = step;
        if (set.kind === 'tlearn') return readTlearn(set.cf, set.data, set.teach, step.files, set.wts);
        if (set.kind === 'lens') return readLens(set.script, set.examples, step.files);
        return builtFor(step.files.imported, [set.file.name]);
      }
    }
  } catch (error) {
    return { kind: 'refused', message: importMessage(error) };
  }
}

/** The table read with the columns the user picked, and a network built for it. */
export function readCsvColumns(file: PatternFile, preview: CsvPreview, choice: ColumnChoice): ImportRead {
  const step = importCsvColumns(file, preview, choice);
  if (step.kind === 'refused') return step;
  if (step.kind !== 'patterns') return { kind: 'refused', message: 'The table could not be read.' };
  return builtFor(step.imported, [file.name]);
}

/** A .pat read with the first `inputs` values of each line as inputs and the rest as targets. */
export function readPatSplit(file: PatternFile, values: number, inputs: number): ImportRead {
  try {
    return builtFor(importPdpPat(file.text, { inputs, outputs: values - inputs, file: file.name }), [file.name]);
  } catch (error) {
    return { kind: 'refused', message: importMessage(error) };
  }
}

/**
 * Where a .pat's inputs may end, as the question offers it: every split for short lines; for long ones
 * the splits a lab's files use (an encoder's halves, one target, one input).
 */
export function patSplits(values: number): number[] {
  if (values <= 5) return Array.from({ length: values - 1 }, (_, i) => values - 1 - i);
  const splits = [values - 1];
  if (values % 2 === 0) splits.unshift(values / 2);
  splits.push(1);
  return splits;
}

export function splitQuestion(file: PatternFile, values: number): Question {
  return {
    title: 'Where do the inputs end?',
    message: `Each pattern in ${file.name} has ${values} values after its name, and a .pat file does not say which are inputs and which are targets. How many are inputs?`,
    choices: [
      { id: 'cancel', label: 'Cancel' },
      ...patSplits(values).map((inputs, index) => ({
        id: String(inputs),
        label: `${inputs} ${inputs === 1 ? 'input' : 'inputs'}, ${values - inputs} ${values - inputs === 1 ? 'target' : 'targets'}`,
        ...(index === 0 ? { tone: 'primary' as const } : {}),
      })),
    ],
    cancelId: 'cancel',
  };
}

/**
 * The hidden layer built for patterns that bring no network: the geometric mean of the input and output
 * sizes (Masters' "pyramid" rule of thumb), at least 2 so XOR-like problems can be learned.
 */
export function defaultHiddenUnits(inputs: number, outputs: number): number {
  return Math.min(MAX_UNITS, Math.max(2, Math.round(Math.sqrt(inputs * outputs))));
}

/** The document's name: the file's, without its extension. */
export function documentName(fileName: string): string {
  const name = fileName.replace(/\.[^.]+$/, '').trim();
  return (name || 'Imported model').slice(0, 200);
}

/**
 * The network a table suggests before the user picks: the columns headed like targets (or else the last
 * numeric column) are the targets, the other numeric columns the inputs.
 */
export function guessCsvSizes(preview: CsvPreview): NetworkSizes {
  const numeric = preview.columns.filter((c) => c.kind !== 'text' && c.kind !== 'empty' && !(preview.header && NAME_HEADER.test(c.name.trim())));
  const headed = preview.header ? numeric.filter((c) => TARGET_HEADER.test(c.name.trim())).length : 0;
  const outputs = headed > 0 && headed < numeric.length ? headed : 1;
  return { inputs: Math.max(1, numeric.length - outputs), outputs };
}

function readTlearn(cf: PatternFile | undefined, data: PatternFile, teach: PatternFile, { imported, layers, projections, links, training, weights }: ImportedFiles, wts?: PatternFile): ImportRead {
  if (!cf || !layers) return builtFor(imported, [data.name, teach.name]);
  const sources = [cf.name, data.name, teach.name, ...(wts ? [wts.name] : [])];
  const read = checked(cf.name, sources, imported, layers, training, projections, links, weights);
  if (read.kind !== 'model') return read;
  const count = imported.patterns.length;
  const sequences = imported.patterns.filter((p, i) => i === 0 || p.reset).length;
  const recurrent = links?.length
    ? ` A simple recurrent network: ${links.length === 1 ? 'a context layer holds' : `${links.length} context layers hold`} a copy of the previous event's ${links.map((link) => read.model.layers[link.from].name || `layer ${link.from}`).join(', ')}; ` +
      (sequences > 1 ? `the patterns form ${sequences} sequences.` : 'the patterns are one continuous stream.')
    : '';
  return {
    ...read,
    notes: [
      `Imported the tlearn network ${shape(read.model.layers)} from ${cf.name}, with ${count} ${count === 1 ? 'pattern' : 'patterns'} from ${data.name} and ${teach.name}.${recurrent}` +
        (wts ? ` Its weights are those of ${wts.name}.` : ''),
      ...notesOf(imported),
    ],
  };
}

/** A Lens script's network with its examples, said in a note as a tlearn network is. */
function readLens(script: PatternFile, examples: PatternFile, { imported, layers, projections, links, training }: ImportedFiles): ImportRead {
  const read = checked(script.name, [script.name, examples.name], imported, layers ?? layersForPatterns(imported), training, projections, links);
  if (read.kind !== 'model') return read;
  const count = imported.patterns.length;
  const sequences = imported.patterns.filter((p, i) => i === 0 || p.reset).length;
  const recurrent = links?.length
    ? ` A simple recurrent network: ${links.map((link) => `${read.model.layers[link.to].name} holds a copy of the previous event's ${read.model.layers[link.from].name} (${link.initial ?? 0} at each sequence's start)`).join('; ')}; ` +
      (sequences > 1 ? `the events form ${sequences} sequences.` : 'the events are one continuous stream.')
    : '';
  return {
    ...read,
    notes: [`Imported the Lens network ${shape(read.model.layers)} from ${script.name}, with ${count} ${count === 1 ? 'event' : 'events'} from ${examples.name}.${recurrent}`, ...notesOf(imported)],
  };
}

/**
 * Patterns that bring no network: one hidden layer sized by the default rule, said so the user checks it —
 * for patterns in sequences (a Lens file of multi-event examples), Elman's network with as many context units.
 */
function builtFor(imported: ImportedPatterns, sources: string[]): ImportRead {
  const [first] = imported.patterns;
  const hidden = defaultHiddenUnits(first.input.length, first.target.length);
  const count = imported.patterns.length;
  if (imported.patterns.some((p) => p.reset)) {
    const { layers, projections, links } = recurrentLayersForPatterns(imported, hidden);
    const read = checked(sources[0], sources, imported, layers, undefined, projections, links);
    if (read.kind !== 'model') return read;
    const sequences = imported.patterns.filter((p, i) => i === 0 || p.reset).length;
    const built =
      `Imported ${count} ${count === 1 ? 'event' : 'events'} in ${sequences} sequences from ${sources.join(' and ')}. The files hold no network, so a simple recurrent network was built for them: ` +
      `${shape(layers)}, with ${hidden} logistic hidden units (√(inputs × outputs), at least 2) and ${hidden} context units holding their previous values (0.5 at each sequence's start, as in Lens). Check it in the Network tab before training.`;
    return { ...read, notes: [built, ...notesOf(imported)] };
  }
  const read = checked(sources[0], sources, imported, layersForPatterns(imported, hidden));
  if (read.kind !== 'model') return read;
  const built =
    `Imported ${count} ${count === 1 ? 'pattern' : 'patterns'} from ${sources.join(' and ')}. The files hold no network, so one was built for them: ` +
    `${shape(read.model.layers)}, with one logistic hidden layer of ${hidden} units (√(inputs × outputs), at least 2) and logistic outputs. Check it in the Network tab before training.`;
  return { ...read, notes: [built, ...notesOf(imported)] };
}

/** The model from the import, through the file loader's own validator: what could not be opened is refused here. */
function checked(
  fileName: string, sources: string[], imported: ImportedPatterns, layers: LayerSpec[], training?: Partial<TrainingSettings>, projections?: ProjectionSpec[], links?: CopyLinkSpec[],
  weights?: ImportedFiles['weights'],
): ImportRead {
  const model = modelFromImport({ name: documentName(fileName), description: `Imported from ${sources.join(', ')}.`, imported, layers, projections, links, training, weights });
  const parsed = parseModel(model);
  if (!parsed.ok) return { kind: 'refused', message: `The imported model would not be valid:\n${describeProblems(parsed.problems)}` };
  return { kind: 'model', model: parsed.model, notes: [] };
}

function notesOf(imported: ImportedPatterns): string[] {
  return imported.warnings.map((warning) => `Note: ${warning}.`);
}

function shape(layers: readonly LayerSpec[]): string {
  return layers.map((layer) => layer.units).join('-');
}

/** How many values follow each pattern's name, read from the file's first pattern (its errors say where). */
function valuesPerPattern(file: PatternFile): number {
  const [first] = importPdpPat(file.text, { outputs: 1, file: file.name }).patterns;
  return first.input.length + 1;
}
