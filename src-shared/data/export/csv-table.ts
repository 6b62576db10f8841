/** Writing a table as CSV (RFC 4180, comma, header row) with papaparse, numbers at full precision. */
import Papa from 'papaparse';

export type Cell = string | number | null;

/**
 * `String(number)` is the shortest text that reads back as the same double, so nothing is lost; a
 * don't-care (null) is an empty cell, which R's read.csv reads as NA.
 */
export function toCsv(header: string[], rows: Cell[][]): string {
  const text = (cell: Cell) => (cell === null ? '' : typeof cell === 'number' ? String(cell) : cell);
  const csv = Papa.unparse({ fields: header, data: rows.map((row) => row.map(text)) }, { newline: '\n' });
  // One line ending after the last row, as text tools expect (papaparse adds one only when there are no rows).
  return `${csv.replace(/\n+$/, '')}\n`;
}
