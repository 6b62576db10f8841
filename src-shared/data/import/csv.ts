/**
 * Patterns from a spreadsheet saved as CSV or TSV. The delimiter (comma, tab or semicolon) and the decimal
 * comma of European spreadsheets are detected; a header row gives unit names. `previewCsv` lists the
 * columns with the kind of values they hold so a UI can offer a picker; `importCsv` then takes the columns
 * the user picked as inputs, targets and pattern names. An empty target cell, `*`, `NA` or `NaN` is a
 * don't-care; inputs must all be numbers.
 */
import { ImportError, UNNAMED_FILE } from './import-error';
import { defaultPatternName, IMPORT_LIMITS, type ImportedPattern, type ImportedPatterns } from './imported';
import { readNumber } from './numbers';
import { cellPosition, csvText, detectDelimiter, readRows, type CsvDelimiter, type CsvRow, type CsvText } from './csv-rows';

export type { CsvDelimiter } from './csv-rows';

export interface CsvReadOptions {
  /** Detected when left out. */
  delimiter?: CsvDelimiter;
  /** Whether `0,5` means one half; detected when left out. */
  decimalComma?: boolean;
  /** Whether the first row names the columns; detected when left out. */
  header?: boolean;
  file?: string;
}

/** `binary` columns hold only 0 and 1 (likely targets or one-hot inputs); `empty` ones hold nothing. */
export type CsvColumnKind = 'number' | 'binary' | 'text' | 'empty';

export interface CsvColumn {
  index: number;
  name: string;
  kind: CsvColumnKind;
  /** Cells that are empty or a don't-care mark. */
  missing: number;
  /** The first few values, for the picker to show. */
  examples: string[];
}

export interface CsvPreview {
  delimiter: CsvDelimiter;
  decimalComma: boolean;
  header: boolean;
  columns: CsvColumn[];
  /** Data rows (without the header). */
  rows: number;
}

/** A column by its index (from 0) or its header name. */
export type CsvColumnRef = number | string;

export interface CsvImportOptions extends CsvReadOptions {
  inputColumns: CsvColumnRef[];
  targetColumns: CsvColumnRef[];
  nameColumn?: CsvColumnRef;
}

const DONT_CARE = /^(|\*|NA|NaN|nan)$/;

interface Table {
  csv: CsvText;
  settings: Omit<CsvPreview, 'columns' | 'rows'>;
  names: string[];
  data: CsvRow[];
}

export function previewCsv(text: string, options: CsvReadOptions = {}): CsvPreview {
  const table = readTable(text, options);
  const columns = table.names.map((name, index) => describeColumn(table, name, index));
  return { ...table.settings, columns, rows: table.data.length };
}

export function importCsv(text: string, options: CsvImportOptions): ImportedPatterns {
  const table = readTable(text, options);
  const { csv, settings, names, data } = table;
  const resolve = (ref: CsvColumnRef) => columnIndex(table, ref);
  const inputs = options.inputColumns.map(resolve);
  const targets = options.targetColumns.map(resolve);
  const nameColumn = options.nameColumn === undefined ? null : resolve(options.nameColumn);
  if (inputs.length === 0 || targets.length === 0) {
    throw new ImportError(csv.file, 1, 1, 'pick at least one input column and one target column');
  }
  if (inputs.length > IMPORT_LIMITS.units || targets.length > IMPORT_LIMITS.units) {
    throw new ImportError(csv.file, 1, 1, `pick at most ${IMPORT_LIMITS.units} input and ${IMPORT_LIMITS.units} target columns`);
  }
  const width = names.length;
  const patterns: ImportedPattern[] = data.map((row, r) => {
    if (row.fields.length !== width) {
      const at = cellPosition(csv, row, Math.min(row.fields.length, width), settings.delimiter);
      throw new ImportError(csv.file, at.line, at.column, `this row has ${row.fields.length} cells but the ${settings.header ? 'header' : 'first row'} has ${width}`);
    }
    const cell = (index: number, kind: 'input' | 'target'): number | null => {
      const raw = row.fields[index].trim();
      if (kind === 'target' && DONT_CARE.test(raw)) return null;
      const value = readNumber(raw, settings.decimalComma);
      if (value === null) {
        const at = cellPosition(csv, row, index, settings.delimiter);
        const expected = kind === 'input' ? 'a number' : 'a number or a don\'t-care (empty, *, NA)';
        throw new ImportError(csv.file, at.line, at.column, `expected ${expected} in ${kind} column "${names[index]}", found ${JSON.stringify(raw)}`);
      }
      return value;
    };
    const name = nameColumn === null ? '' : row.fields[nameColumn].trim();
    return {
      name: name || defaultPatternName(r),
      input: inputs.map((index) => cell(index, 'input') as number),
      target: targets.map((index) => cell(index, 'target')),
    };
  });
  if (patterns.length === 0) throw new ImportError(csv.file, 1, 1, 'the table has no data rows');
  return { patterns, inputNames: inputs.map((i) => names[i]), outputNames: targets.map((i) => names[i]), warnings: [] };
}

function readTable(text: string, options: CsvReadOptions): Table {
  const csv = csvText(text, options.file ?? UNNAMED_FILE);
  const delimiter = options.delimiter ?? detectDelimiter(csv);
  const rows = readRows(csv, delimiter);
  if (rows.length === 0) throw new ImportError(csv.file, 1, 1, 'the table is empty');
  const header = options.header ?? looksLikeHeader(rows);
  const data = header ? rows.slice(1) : rows;
  const decimalComma = options.decimalComma ?? (delimiter !== ',' && data.some((row) => row.fields.some((f) => /^[+-]?\d*,\d+$/.test(f.trim()))));
  const width = rows[0].fields.length;
  const names = header
    ? rows[0].fields.map((name, i) => name.trim() || `column ${i + 1}`)
    : Array.from({ length: width }, (_, i) => `column ${i + 1}`);
  return { csv, settings: { delimiter, decimalComma, header }, names, data };
}

/** A header when some column holds numbers below a first cell that is not one. */
function looksLikeHeader(rows: CsvRow[]): boolean {
  const numeric = (text: string) => readNumber(text.trim()) !== null || readNumber(text.trim(), true) !== null;
  const [first, ...rest] = rows;
  if (rest.length === 0) return first.fields.every((f) => f.trim() !== '' && !numeric(f));
  return first.fields.some((f, i) => f.trim() !== '' && !numeric(f) && rest.every((row) => row.fields[i] === undefined || DONT_CARE.test(row.fields[i].trim()) || numeric(row.fields[i])));
}

function describeColumn(table: Table, name: string, index: number): CsvColumn {
  const cells = table.data.map((row) => (row.fields[index] ?? '').trim());
  const present = cells.filter((c) => !DONT_CARE.test(c));
  const values = present.map((c) => readNumber(c, table.settings.decimalComma));
  const kind: CsvColumnKind = present.length === 0
    ? 'empty'
    : values.some((v) => v === null) ? 'text' : values.every((v) => v === 0 || v === 1) ? 'binary' : 'number';
  return { index, name, kind, missing: cells.length - present.length, examples: present.slice(0, 5) };
}

function columnIndex(table: Table, ref: CsvColumnRef): number {
  const { names, csv } = table;
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < names.length) return ref;
    throw new ImportError(csv.file, 1, 1, `there is no column ${ref}: the table has columns 0 to ${names.length - 1}`);
  }
  const exact = names.indexOf(ref);
  if (exact >= 0) return exact;
  const loose = names.findIndex((n) => n.toLowerCase() === ref.trim().toLowerCase());
  if (loose >= 0) return loose;
  throw new ImportError(csv.file, 1, 1, `there is no column named "${ref}"; the columns are ${names.map((n) => `"${n}"`).join(', ')}`);
}
