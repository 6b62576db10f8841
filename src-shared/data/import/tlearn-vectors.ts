/**
 * tlearn's .data (input vectors) and .teach (target vectors) files. Both begin with `distributed` or
 * `localist`, then the number of vectors, then the vectors. Distributed vectors list every value (a .teach
 * may write `*` for a don't-care); localist vectors list only the units that are on, numbered from 1, as
 * single numbers or ranges such as `2-4`.
 */
import { ImportError, UNNAMED_FILE, type Position } from './import-error';
import { IMPORT_LIMITS } from './imported';
import { readNumber, readWholeNumber } from './numbers';
import { quote, splitLines, tokenize, type Token } from './tokens';

export type TlearnVectorKind = 'data' | 'teach';

export interface TlearnVectorOptions {
  /** Values per vector (the network's inputs for .data, outputs for .teach), when known from the .cf. */
  width?: number;
  file?: string;
}

export interface TlearnVectors {
  form: 'distributed' | 'localist';
  vectors: (number | null)[][];
  width: number;
  /** Where the count line is, for messages that compare a .data with its .teach. */
  countAt: Position;
  warnings: string[];
}

interface Reader {
  file: string;
  kind: TlearnVectorKind;
  lines: Token[][];
}

export function readTlearnVectors(text: string, kind: TlearnVectorKind, options: TlearnVectorOptions = {}): TlearnVectors {
  const file = options.file ?? UNNAMED_FILE;
  const lines = splitLines(text).map((line) => tokenize(line, /[^\s,]+/g)).filter((tokens) => tokens.length > 0);
  const reader: Reader = { file, kind, lines };
  const head = lines.flat();
  const fail = (token: Token | undefined, reason: string): never => {
    const at = token ?? endOf(lines);
    throw new ImportError(file, at.line, at.column, reason);
  };
  const formToken = head[0];
  const form = formToken?.text.toLowerCase();
  if (form !== 'distributed' && form !== 'localist') {
    fail(formToken, `expected \`distributed\` or \`localist\` as the first word of a tlearn .${kind} file, found ${formToken ? quote(formToken.text) : 'nothing'}`);
  }
  const countToken = head[1];
  const count = countToken ? readWholeNumber(countToken.text, 1, IMPORT_LIMITS.patterns) : null;
  if (count === null) {
    fail(countToken, `expected the number of vectors (a whole number from 1 to ${IMPORT_LIMITS.patterns}) after \`${formToken.text}\`, found ${countToken ? quote(countToken.text) : 'nothing'}`);
  }
  const width = options.width;
  if (width !== undefined && (!Number.isInteger(width) || width < 1 || width > IMPORT_LIMITS.units)) {
    fail(formToken, `the vector width must be a whole number from 1 to ${IMPORT_LIMITS.units}, not ${width}`);
  }
  const countAt = { line: countToken.line, column: countToken.column };
  const body = tokensAfter(lines, countToken);
  const read = form === 'distributed' ? readDistributed(reader, body, count!, width) : readLocalist(reader, body, count!, width);
  return { form: form as TlearnVectors['form'], countAt, ...read };
}

/** The lines after the count, with anything else on the count's own line kept as a line of its own. */
function tokensAfter(lines: Token[][], countToken: Token): Token[][] {
  const rest: Token[][] = [];
  for (const tokens of lines) {
    const after = tokens.filter((t) => t.line > countToken.line || (t.line === countToken.line && t.column > countToken.column));
    if (after.length > 0) rest.push(after);
  }
  return rest;
}

function readDistributed(reader: Reader, lines: Token[][], count: number, width: number | undefined) {
  const vectors: (number | null)[][] = [];
  if (width !== undefined) {
    // tlearn reads values as one stream, so a vector may span lines when its width is known.
    const values = lines.flat();
    for (let v = 0; v < count; v++) {
      const slice = values.slice(v * width, (v + 1) * width);
      if (slice.length < width) {
        fail(reader, endOf(lines), `the file ends after ${vectors.length} full vectors, but its count line says ${count} vectors of ${width} values`);
      }
      vectors.push(slice.map((token) => readValue(reader, token)));
    }
    const extra = values[count * width];
    if (extra) fail(reader, extra, `more values than the count line's ${count} vectors of ${width}: ${quote(extra.text)} is one too many`);
    return { vectors, width, warnings: [] };
  }
  // Without the .cf, each line is one vector and the first line fixes the width.
  const firstWidth = lines[0]?.length ?? 0;
  for (const tokens of lines) {
    if (vectors.length === count) fail(reader, tokens[0], `more vectors than the count line's ${count}`);
    if (tokens.length !== firstWidth) {
      fail(reader, tokens[Math.min(tokens.length, firstWidth)] ?? tokens[tokens.length - 1], `this vector has ${tokens.length} value${tokens.length === 1 ? '' : 's'} but the first has ${firstWidth}`);
    }
    vectors.push(tokens.map((token) => readValue(reader, token)));
  }
  if (vectors.length < count) fail(reader, endOf(lines), `the file ends after ${vectors.length} vectors, but its count line says ${count}`);
  if (firstWidth > IMPORT_LIMITS.units) fail(reader, lines[0][IMPORT_LIMITS.units], `more than ${IMPORT_LIMITS.units} values in a vector`);
  return { vectors, width: firstWidth, warnings: [] };
}

function readValue(reader: Reader, token: Token): number | null {
  if (token.text === '*') {
    if (reader.kind === 'teach') return null;
    fail(reader, token, 'a `*` (don\'t-care) may only appear in a .teach file, not among the inputs of a .data file');
  }
  const value = readNumber(token.text);
  if (value === null) {
    fail(reader, token, `expected a number${reader.kind === 'teach' ? ' or `*`' : ''}, found ${quote(token.text)}`);
  }
  return value;
}

function readLocalist(reader: Reader, lines: Token[][], count: number, width: number | undefined) {
  const limit = width ?? IMPORT_LIMITS.units;
  // Ranges stay [first, last] pairs until the size is known, so `1-4096` on every line costs little.
  const active: [number, number][][] = [];
  let highest = 1;
  for (const tokens of lines) {
    if (active.length === count) fail(reader, tokens[0], `more vectors than the count line's ${count}`);
    const ranges = tokens.map((token) => readUnits(reader, token, limit));
    for (const [, last] of ranges) highest = Math.max(highest, last);
    active.push(ranges);
  }
  if (active.length < count) fail(reader, endOf(lines), `the file ends after ${active.length} vectors, but its count line says ${count}`);
  const warnings = width === undefined
    ? [`the localist .${reader.kind} file does not say how many units a vector has; took ${highest}, its highest unit number`]
    : [];
  const size = width ?? highest;
  if (active.length * size > IMPORT_LIMITS.values) {
    fail(reader, lines[0][0], `${active.length} vectors of ${size} values are more than the app holds (${IMPORT_LIMITS.values})`);
  }
  const vectors = active.map((ranges) => {
    const vector: number[] = new Array(size).fill(0);
    for (const [first, last] of ranges) vector.fill(1, first - 1, last);
    return vector;
  });
  return { vectors, width: size, warnings };
}

/** A unit number or a range of them, from 1 to `limit`, as [first, last]. */
function readUnits(reader: Reader, token: Token, limit: number): [number, number] {
  const match = /^(\d+)(?:-(\d+))?$/.exec(token.text);
  const first = match ? readWholeNumber(match[1], 1, limit) : null;
  const last = match?.[2] !== undefined ? readWholeNumber(match[2], 1, limit) : first;
  if (first === null || last === null || last < first) {
    fail(reader, token, `expected the number of a unit that is on (1 to ${limit}) or a range such as \`2-4\`, found ${quote(token.text)}`);
  }
  return [first!, last!];
}

function fail(reader: Reader, at: Position, reason: string): never {
  throw new ImportError(reader.file, at.line, at.column, reason);
}

/** Just after the last token: where a missing value would have been. */
function endOf(lines: Token[][]): Position {
  const last = lines[lines.length - 1]?.[lines[lines.length - 1].length - 1];
  return last ? { line: last.line, column: last.column + last.text.length } : { line: 1, column: 1 };
}
