/**
 * CSV and TSV rows, parsed by papaparse, with the offset of every row kept so an error can name the line
 * and column of the cell that was wrong — quoted cells may span lines, so rows and lines differ.
 */
import Papa from 'papaparse';
import { ImportError, positionAt, type Position } from './import-error';
import { IMPORT_LIMITS } from './imported';

export type CsvDelimiter = ',' | '\t' | ';';

export interface CsvRow {
  fields: string[];
  /** Character offset where the row starts (in the text without its byte-order mark). */
  offset: number;
}

export interface CsvText {
  /** The text without a byte-order mark: the offsets count in it. */
  body: string;
  file: string;
}

export function csvText(text: string, file: string): CsvText {
  return { body: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file };
}

/**
 * Every non-blank row. When sniffing (`limit` rows at most), a quoting error ends the rows instead of
 * throwing, so a bad quote further down does not hide which delimiter the good rows use.
 */
export function readRows(csv: CsvText, delimiter: CsvDelimiter, limit = Number.POSITIVE_INFINITY): CsvRow[] {
  const sniffing = limit !== Number.POSITIVE_INFINITY;
  const rows: CsvRow[] = [];
  let offset = 0;
  Papa.parse<string[]>(csv.body, {
    delimiter,
    // Every value stays text: numbers are read strictly (and with decimal commas) by the importer.
    dynamicTyping: false,
    step: (result, parser) => {
      const error = result.errors[0];
      if (error && sniffing) {
        parser.abort();
        return;
      }
      if (error) {
        // papaparse reports an unclosed quote just after it; the quote itself is what to point at.
        const index = error.index ?? offset;
        const at = positionAt(csv.body, csv.body[index - 1] === '"' ? index - 1 : index);
        throw new ImportError(csv.file, at.line, at.column, describePapaError(error.code));
      }
      const fields = result.data;
      const blank = fields.length === 1 && fields[0].trim() === '';
      if (!blank) {
        if (rows.length > IMPORT_LIMITS.patterns) {
          const at = positionAt(csv.body, offset);
          throw new ImportError(csv.file, at.line, at.column, `more than ${IMPORT_LIMITS.patterns} rows; the app holds at most that many patterns`);
        }
        rows.push({ fields, offset });
      }
      offset = result.meta.cursor;
      if (rows.length >= limit) parser.abort();
    },
  });
  return rows;
}

function describePapaError(code: string): string {
  if (code === 'MissingQuotes') return 'a quoted cell is never closed: expected a closing `"`';
  if (code === 'InvalidQuotes') return 'a `"` inside a quoted cell must be doubled (`""`)';
  return `the table could not be read (${code})`;
}

/** Where cell `index` of a row starts; past the row's end when it has fewer cells. */
export function cellPosition(csv: CsvText, row: CsvRow, index: number, delimiter: CsvDelimiter): Position {
  const text = csv.body;
  let i = row.offset;
  for (let cell = 0; cell < index && i < text.length; cell++) {
    let quoted = text[i] === '"';
    for (i += quoted ? 1 : 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') i++;
        else if (c === '"') quoted = false;
      } else if (c === delimiter) {
        i++;
        break;
      } else if (c === '\n' || c === '\r') {
        return positionAt(text, i);
      }
    }
  }
  return positionAt(text, i);
}

/**
 * The delimiter that splits the first rows into the same number (more than one) of cells. Tab, then
 * semicolon, are preferred to comma: a European file written `0,5;1,5` splits evenly on both, and the
 * semicolon is the one that means it.
 */
export function detectDelimiter(csv: CsvText): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; cells: number } = { delimiter: ',', cells: 0 };
  for (const delimiter of ['\t', ';', ','] as const) {
    const rows = readRows(csv, delimiter, 50);
    const counts = new Set(rows.map((row) => row.fields.length));
    const cells = rows[0]?.fields.length ?? 0;
    if (counts.size === 1 && cells > 1) return delimiter;
    if (cells > best.cells) best = { delimiter, cells };
  }
  return best.delimiter;
}
