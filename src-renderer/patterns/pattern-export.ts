/**
 * Exporting one pattern set from the Patterns tab with the model-file issue's exporters: CSV (a header,
 * a row per pattern, an empty cell for a don't-care, so the CSV importer reads it back), tlearn's
 * .data and .teach, PDP's .pat and Lens's .ex. What a format cannot hold is said, never silently dropped.
 */
import { exportLensExamples, exportPdpPat, tlearnData, tlearnTeach } from '../../src-shared/data/export';
import { toCsv } from '../../src-shared/data/export/csv-table';
import { uniqueNames, unitNames } from '../../src-shared/data/export/unit-names';
import { networkGraph } from '../../src-shared/model/graph';
import type { ModelDocument, Pattern } from '../../src-shared/model/schema';
import type { PatternSet } from './pattern-edits';

export type PatternFormat = 'csv' | 'tlearn' | 'pat' | 'ex';

export const PATTERN_FORMATS: ReadonlyArray<{ id: PatternFormat; label: string; description: string }> = [
  { id: 'csv', label: 'CSV (.csv)', description: 'For spreadsheets and R: a row per pattern, name, inputs, targets.' },
  { id: 'tlearn', label: 'tlearn (.data + .teach)', description: 'Two files: the inputs and the targets, in pattern order.' },
  { id: 'pat', label: 'PDPTool (.pat)', description: 'One line per pattern: name, inputs, targets.' },
  { id: 'ex', label: 'Lens (.ex)', description: 'One example per pattern, with its name.' },
];

export interface ExportedFile {
  /** `baseName.format`. */
  name: string;
  text: string;
  format: 'csv' | 'data' | 'teach' | 'pat' | 'ex';
}

export interface PatternExport {
  /** The name the files share: the model's, and the set's when it is the test set. */
  baseName: string;
  files: ExportedFile[];
  notes: string[];
}

export function exportPatterns(model: ModelDocument, set: PatternSet, format: PatternFormat): PatternExport {
  const patterns = model[set] ?? [];
  const baseName = fileBase(model.name, set);
  const file = (format: ExportedFile['format'], text: string): ExportedFile => ({ name: `${baseName}.${format}`, text, format });
  switch (format) {
    case 'csv':
      return { baseName, files: [file('csv', patternsCsv(model, patterns))], notes: [] };
    case 'tlearn':
      return {
        baseName,
        files: [file('data', tlearnData(patterns)), file('teach', tlearnTeach(patterns))],
        notes: ['tlearn files hold no pattern names: the patterns are in file order', 'the network is not written: File → Export’s tlearn format writes the whole model with its .cf'],
      };
    case 'pat': {
      const { text, notes } = exportPdpPat(model, patterns);
      return { baseName, files: [file('pat', text)], notes };
    }
    case 'ex': {
      const { text, notes } = exportLensExamples(model, patterns);
      return { baseName, files: [file('ex', text)], notes };
    }
  }
}

/** Name, inputs and targets with the units' names as headers (`target_` before each output's), a graph's input layers then its output layers. */
export function patternsCsv(model: ModelDocument, patterns: readonly Pattern[]): string {
  const layers = model.layers;
  const graph = networkGraph(model);
  const header = uniqueNames(['pattern', ...graph.inputs.flatMap((g) => unitNames(layers[g])), ...graph.outputs.flatMap((g) => unitNames(layers[g])).map((name) => `target_${name}`)]);
  return toCsv(header, patterns.map((p) => [p.name, ...p.input, ...p.target]));
}

/** The model's name as a file name every system accepts; the test set is marked as such. */
export function fileBase(name: string, set: PatternSet): string {
  // Characters Windows refuses in a file name, and control characters, become a dash.
  const printable = Array.from(name, (c) => (c < ' ' ? '-' : c)).join('');
  const safe = printable.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'patterns';
  return set === 'testPatterns' ? `${safe} test` : safe;
}
