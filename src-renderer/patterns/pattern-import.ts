/**
 * Importing patterns into the open model from the Patterns tab: which importer a file needs (the same
 * recognition and importers the command line uses), the CSV column picker's defaults and checks, and the
 * one edit that replaces a pattern set. Errors keep the importer's file, line and column.
 */
import {
  ImportError,
  ImportSetError,
  importCsv,
  importLensExamples,
  importPdpPat,
  importTlearnPatterns,
  previewCsv,
  recogniseFormat,
  type CsvPreview,
  type ImportedPattern,
  type ImportedPatterns,
  type ImportFormat,
} from '../../src-shared/data/import';
import type { ModelDocument, Pattern } from '../../src-shared/model/schema';
import type { PatternSet } from './pattern-edits';
import type { Question } from '../shared/document/questions.svelte';

export interface PatternFile {
  name: string;
  text: string;
}

/** The open network's input and output layer sizes: what imported patterns must fit. */
export interface NetworkSizes {
  inputs: number;
  outputs: number;
  /** A graph's several input or output layers, named for the messages ("item and relation"); absent: "input", "output". */
  inputLayers?: string;
  outputLayers?: string;
}

/** The file input's filter: every pattern format the importers read. */
export const PATTERN_FILE_TYPES = '.csv,.tsv,.txt,.data,.teach,.pat,.ex';

export type ImportStep =
  /** Read: ready to replace the patterns (after asking). */
  | { kind: 'patterns'; imported: ImportedPatterns; source: string }
  /** A table: the user picks which columns are inputs, targets and names first. */
  | { kind: 'csv'; file: PatternFile; preview: CsvPreview; choice: ColumnChoice }
  | { kind: 'refused'; message: string };

export type ColumnRole = 'input' | 'target' | 'name' | 'skip';

/** One role per column of the table, in the table's order. */
export type ColumnChoice = ColumnRole[];

/** Reads the picked files: one pattern file, or a tlearn .data with its .teach. */
export function readPatternFiles(files: readonly PatternFile[], sizes: NetworkSizes): ImportStep {
  if (files.length === 0) return { kind: 'refused', message: 'No file was picked.' };
  const recognised = files.map((file) => ({ file, format: recogniseFormat(file.name, file.text) }));
  const unknown = recognised.find((r) => r.format === null);
  if (unknown) {
    return { kind: 'refused', message: `${unknown.file.name}: not a pattern format this app reads (CSV/TSV, tlearn .data and .teach, PDP .pat, Lens .ex).` };
  }
  const of = (format: ImportFormat) => recognised.filter((r) => r.format === format).map((r) => r.file);
  try {
    if (of('tlearn-cf').length > 0) {
      return { kind: 'refused', message: 'A tlearn .cf file describes a network, not patterns: pick the .data and the .teach file together (the network stays as it is here).' };
    }
    if (of('tlearn-wts').length > 0) {
      return { kind: 'refused', message: 'A tlearn .wts file holds a network\'s weights, not patterns: import it with its .cf through File → Import (pick the .data and the .teach file here).' };
    }
    const [data] = of('tlearn-data');
    const [teach] = of('tlearn-teach');
    if (data || teach) {
      if (!data || !teach) return { kind: 'refused', message: `tlearn keeps inputs in a .data file and targets in a .teach file: pick both together (only the ${data ? '.data' : '.teach'} file was picked).` };
      const imported = importTlearnPatterns({ data: data.text, teach: teach.text, dataFile: data.name, teachFile: teach.name, ...sizes });
      return { kind: 'patterns', imported, source: `${data.name} and ${teach.name}` };
    }
    if (files.length !== 1) return { kind: 'refused', message: 'Pick one pattern file (or a tlearn .data and .teach together).' };
    const [{ file, format }] = recognised;
    switch (format) {
      case 'pdp-pat':
        return { kind: 'patterns', imported: importPdpPat(file.text, { ...sizes, file: file.name }), source: file.name };
      case 'lens-ex':
        return { kind: 'patterns', imported: importLensExamples(file.text, { ...sizes, file: file.name }), source: file.name };
      default: {
        const preview = previewCsv(file.text, { file: file.name });
        return { kind: 'csv', file, preview, choice: defaultColumnChoice(preview, sizes) };
      }
    }
  } catch (error) {
    return { kind: 'refused', message: importMessage(error) };
  }
}

/** Headings that name a column of pattern names, and of targets (shared with File → Import's guess). */
export const NAME_HEADER = /^(name|pattern|label|item|word|id)$/i;
export const TARGET_HEADER = /target|teach|^out(put)?\b|^t\d*$/i;

/**
 * The picker's first guess, from the header: a text column (or one headed like a name) names the
 * patterns; columns headed like targets are targets, otherwise the last numeric columns; the numeric
 * columns before them are the inputs, as many as the input layer has units.
 */
export function defaultColumnChoice(preview: CsvPreview, sizes: NetworkSizes): ColumnChoice {
  const { columns } = preview;
  const choice: ColumnChoice = columns.map(() => 'skip');
  const named = columns.find((c) => NAME_HEADER.test(c.name.trim())) ?? columns.find((c) => c.kind === 'text');
  if (named) choice[named.index] = 'name';
  const numeric = columns.filter((c) => c.kind !== 'text' && choice[c.index] === 'skip');
  const headedTargets = preview.header ? numeric.filter((c) => TARGET_HEADER.test(c.name.trim())) : [];
  const targets = headedTargets.length === sizes.outputs ? headedTargets : numeric.slice(Math.max(0, numeric.length - sizes.outputs));
  for (const column of targets) choice[column.index] = 'target';
  const inputs = numeric.filter((c) => choice[c.index] === 'skip').slice(0, sizes.inputs);
  for (const column of inputs) choice[column.index] = 'input';
  return choice;
}

/** What is wrong with a choice for this network, in words; empty when it can be imported. */
/**
 * What is wrong with a choice of columns. `sizes` null: the table makes a new network (File → Import), so
 * any number of inputs and targets will do, at least one of each.
 */
export function checkColumnChoice(preview: CsvPreview, choice: ColumnChoice, sizes: NetworkSizes | null): string[] {
  const problems: string[] = [];
  const picked = (role: ColumnRole) => preview.columns.filter((c) => choice[c.index] === role);
  const count = (role: 'input' | 'target', units: number, layer: string, several = false) => {
    const n = picked(role).length;
    const layers = several ? `${layer} layers have` : `${layer} layer has`;
    if (n !== units) problems.push(`Pick ${units} ${role} ${plural(units, 'column')}: the ${layers} ${units} ${plural(units, 'unit')} (${n === 0 ? 'none' : n} ${n === 1 ? 'is' : 'are'} picked).`);
  };
  if (sizes) {
    count('input', sizes.inputs, sizes.inputLayers ?? 'input', sizes.inputLayers !== undefined);
    count('target', sizes.outputs, sizes.outputLayers ?? 'output', sizes.outputLayers !== undefined);
  } else {
    if (picked('input').length === 0) problems.push('Pick at least one input column: each becomes an input unit of the new network.');
    if (picked('target').length === 0) problems.push('Pick at least one target column: each becomes an output unit of the new network.');
  }
  if (picked('name').length > 1) problems.push('Pick at most one column for the pattern names.');
  for (const column of picked('input')) {
    if (column.kind === 'text') problems.push(`Column “${column.name}” holds text, so it cannot be an input (inputs are numbers).`);
    else if (column.missing > 0) problems.push(`Column “${column.name}” has ${column.missing} empty ${plural(column.missing, 'cell')}: every input must be a number.`);
  }
  for (const column of picked('target')) {
    if (column.kind === 'text') problems.push(`Column “${column.name}” holds text, so it cannot be a target (targets are numbers, or * for don’t care).`);
  }
  return problems;
}

/** The table read with the picked columns. */
export function importCsvColumns(file: PatternFile, preview: CsvPreview, choice: ColumnChoice): ImportStep {
  const columns = (role: ColumnRole) => preview.columns.filter((c) => choice[c.index] === role).map((c) => c.index);
  const [nameColumn] = columns('name');
  try {
    const imported = importCsv(file.text, {
      file: file.name,
      delimiter: preview.delimiter,
      decimalComma: preview.decimalComma,
      header: preview.header,
      inputColumns: columns('input'),
      targetColumns: columns('target'),
      ...(nameColumn === undefined ? {} : { nameColumn }),
    });
    return { kind: 'patterns', imported, source: file.name };
  } catch (error) {
    return { kind: 'refused', message: importMessage(error) };
  }
}

/** Why the imported patterns do not fit the open network, or null when they do. */
export function checkImportedSizes(imported: ImportedPatterns, sizes: NetworkSizes): string | null {
  for (const pattern of imported.patterns) {
    const { input, target } = pattern;
    if (input.length !== sizes.inputs || target.length !== sizes.outputs) {
      return `Pattern “${pattern.name}” has ${input.length} ${plural(input.length, 'input')} and ${target.length} ${plural(target.length, 'target')}, but the network has ${sizes.inputs} input and ${sizes.outputs} output ${plural(sizes.outputs, 'unit')}. Change the layers in the Network tab first, or use File → Import to make a new model from the file.`;
    }
  }
  return null;
}

/** The model with one pattern set replaced by the imported patterns. */
export function replacePatterns(model: ModelDocument, set: PatternSet, patterns: readonly ImportedPattern[]): ModelDocument {
  const next: Pattern[] = patterns.map((p) => ({ name: p.name.slice(0, 200), input: [...p.input], target: [...p.target] }));
  return { ...model, [set]: next };
}

export function setLabel(set: PatternSet): string {
  return set === 'testPatterns' ? 'test' : 'training';
}

/** Asked before the replacement: it loses the current patterns (Undo brings them back). */
export function replaceQuestion(model: ModelDocument, set: PatternSet, imported: ImportedPatterns, source: string): Question {
  const current = model[set]?.length ?? 0;
  const count = imported.patterns.length;
  const kind = setLabel(set);
  const notes = imported.warnings.length > 0 ? ` Note: ${imported.warnings.join('; ')}.` : '';
  return {
    title: `Replace the ${kind} patterns?`,
    message: `Replace the ${current} current ${kind} ${plural(current, 'pattern')} with ${count} imported ${count === 1 ? 'one' : 'ones'} from ${source}? Undo brings the current ones back.${notes}`,
    choices: [
      { id: 'cancel', label: 'Cancel' },
      { id: 'replace', label: `Replace with ${count} ${plural(count, 'pattern')}`, tone: 'primary' },
    ],
    cancelId: 'cancel',
  };
}

/** An importer's error says file, line and column; anything else is said as it is. */
export function importMessage(error: unknown): string {
  if (error instanceof ImportError || error instanceof ImportSetError) return error.message;
  return `The file could not be read: ${error instanceof Error ? error.message : String(error)}`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
