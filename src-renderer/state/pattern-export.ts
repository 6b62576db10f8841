/**
 * Exporting one pattern set from the Patterns tab with the model-file issue's exporters: CSV (a header,
 * a row per pattern, an empty cell for a don't-care, so the CSV importer reads it back), tlearn's
 * .data and .teach, PDP's .pat and Lens's .ex. What a format cannot hold is said, never silently dropped.
 */
import { exportLensExamples, exportPdpPat, tlearnData, tlearnTeach } from '../../src-shared/data/export';
import { toCsv } from '../../src-shared/data/export/csv-table';
import { uniqueNames, unitNames } from '../../src-shared/data/export/unit-names';
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
  name: string;
  text: string;
  type: string;
}

export interface PatternExport {
  files: ExportedFile[];
  notes: string[];
}

export function exportPatterns(model: ModelDocument, set: PatternSet, format: PatternFormat): PatternExport {
  const patterns = model[set] ?? [];
  const base = fileBase(model.name, set);
  switch (format) {
    case 'csv':
      return { files: [{ name: `${base}.csv`, text: patternsCsv(model, patterns), type: 'text/csv' }], notes: [] };
    case 'tlearn':
      return {
        files: [
          { name: `${base}.data`, text: tlearnData(patterns), type: 'text/plain' },
          { name: `${base}.teach`, text: tlearnTeach(patterns), type: 'text/plain' },
        ],
        notes: ['tlearn files hold no pattern names: the patterns are in file order', 'the network is not written: export the whole model from the command line for a .cf'],
      };
    case 'pat': {
      const { text, notes } = exportPdpPat(model, patterns);
      return { files: [{ name: `${base}.pat`, text, type: 'text/plain' }], notes };
    }
    case 'ex': {
      const { text, notes } = exportLensExamples(model, patterns);
      return { files: [{ name: `${base}.ex`, text, type: 'text/plain' }], notes };
    }
  }
}

/** Name, inputs and targets with the units' names as headers (`target_` before each output's). */
export function patternsCsv(model: ModelDocument, patterns: readonly Pattern[]): string {
  const layers = model.layers;
  const header = uniqueNames(['pattern', ...unitNames(layers[0]), ...unitNames(layers[layers.length - 1]).map((name) => `target_${name}`)]);
  return toCsv(header, patterns.map((p) => [p.name, ...p.input, ...p.target]));
}

/** The model's name as a file name every system accepts; the test set is marked as such. */
export function fileBase(name: string, set: PatternSet): string {
  // Characters Windows refuses in a file name, and control characters, become a dash.
  const printable = Array.from(name, (c) => (c < ' ' ? '-' : c)).join('');
  const safe = printable.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'patterns';
  return set === 'testPatterns' ? `${safe} test` : safe;
}
