/**
 * A model RDM read from a CSV file, for RSA (issue 15, point 2c): a square table whose first row names the
 * columns and whose first column names the rows, in the same order, with a dissimilarity in every other cell
 * (the top-left cell is free):
 *
 *     ,pine,oak,rose
 *     pine,0,1,2
 *     oak,1,0,2
 *     rose,2,2,0
 *
 * Comma, tab or semicolon separated. A matrix that is not square, whose row and column names differ, or that
 * is not symmetric is refused, naming the row and column (and the file's line and column). Its labels must be
 * the points of the layer it is compared with, in any order (alignModelRdm).
 */
import { cellPosition, csvText, readRows, type CsvDelimiter } from '../../data/import/csv-rows';
import { ImportError } from '../../data/import/import-error';
import { readNumber } from '../../data/import/numbers';

export interface ModelRdm {
  /** The file it came from, for messages. */
  file: string;
  labels: string[];
  values: number[][];
}

function delimiterOf(firstLine: string): CsvDelimiter {
  const count = (d: string) => firstLine.split(d).length - 1;
  const candidates: CsvDelimiter[] = [',', '\t', ';'];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** The model RDM in `text` (the CSV file `file`); throws an ImportError naming where it is wrong. */
export function readModelRdm(text: string, file: string): ModelRdm {
  const csv = csvText(text, file);
  const delimiter = delimiterOf(csv.body.split(/\r?\n|\r/, 1)[0] ?? '');
  const rows = readRows(csv, delimiter);
  const at = (row: number, cell: number) => cellPosition(csv, rows[row], cell, delimiter);
  const fail = (row: number, cell: number, reason: string): never => {
    const where = at(row, cell);
    throw new ImportError(file, where.line, where.column, reason);
  };
  if (rows.length === 0) throw new ImportError(file, 1, 1, 'the file is empty: expected a header row naming the columns, then one row per pattern');
  const labels = rows[0].fields.slice(1).map((name) => name.trim());
  const size = labels.length;
  if (size < 3) fail(0, 0, `the header row names ${size} column${size === 1 ? '' : 's'}: RSA needs at least 3 patterns (a blank top-left cell, then one name per column)`);
  labels.forEach((label, c) => {
    if (label === '') fail(0, c + 1, `column ${c + 1} has no name in the header row`);
    if (labels.indexOf(label) !== c) fail(0, c + 1, `column "${label}" is named twice in the header row`);
  });
  if (rows.length - 1 !== size) {
    fail(rows.length - 1 < size ? rows.length - 1 : size + 1, 0,
      `the matrix is not square: ${size} columns (${labels.join(', ')}) but ${rows.length - 1} rows; expected one row per column, in the same order`);
  }
  const values = labels.map((label, r) => {
    const row = rows[r + 1];
    const name = row.fields[0]?.trim() ?? '';
    if (name !== label) fail(r + 1, 0, `row ${r + 1} is named "${name}" but column ${r + 1} is "${label}": rows and columns must name the same patterns in the same order`);
    if (row.fields.length - 1 !== size) fail(r + 1, Math.min(row.fields.length, size + 1), `row "${label}" has ${row.fields.length - 1} values, expected ${size} (one per column)`);
    return row.fields.slice(1).map((cell, c) => {
      const value = readNumber(cell.trim());
      if (value === null) fail(r + 1, c + 1, `row "${label}", column "${labels[c]}": "${cell}" is not a number`);
      if (value! < 0) fail(r + 1, c + 1, `row "${label}", column "${labels[c]}": a dissimilarity cannot be negative (${value})`);
      return value!;
    });
  });
  const largest = Math.max(...values.flat(), 1e-300);
  for (let r = 0; r < size; r++) {
    for (let c = r + 1; c < size; c++) {
      if (Math.abs(values[r][c] - values[c][r]) > 1e-9 * largest) {
        fail(c + 1, r + 1, `the matrix is not symmetric: row "${labels[r]}", column "${labels[c]}" is ${values[r][c]} but row "${labels[c]}", column "${labels[r]}" is ${values[c][r]}`);
      }
    }
  }
  return { file, labels, values };
}

/**
 * The model RDM's values in the order of `labels` (a layer's points), or why it does not fit them: a point the
 * file does not name, or a name in the file that is no point of the layer.
 */
export function alignModelRdm(rdm: ModelRdm, labels: readonly string[]): { values: number[][] } | { because: string } {
  const missing = labels.filter((label) => !rdm.labels.includes(label));
  const extra = rdm.labels.filter((label) => !labels.includes(label));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `it has no row or column for ${missing.map((l) => `"${l}"`).join(', ')}` : '',
      extra.length > 0 ? `its ${extra.map((l) => `"${l}"`).join(', ')} ${extra.length === 1 ? 'is' : 'are'} not among the layer’s points` : '',
    ].filter((part) => part !== '');
    return { because: `${rdm.file} does not fit this layer’s ${labels.length} points: ${parts.join('; ')}` };
  }
  const index = labels.map((label) => rdm.labels.indexOf(label));
  return { values: index.map((r) => index.map((c) => rdm.values[r][c])) };
}
