/**
 * The pattern editor's edits, as pure functions of the document. A grid row is a pattern: column 0 is its
 * name, then one column per input value, then one per target value. Cells are typed the way spreadsheets
 * write them: a decimal comma is understood, and `*` in a target is "don't care".
 */
import { MAX_PATTERN_MAGNITUDE, type ModelDocument, type Pattern } from '../../src-shared/model/schema';
import { columnName, hasLayerBlocks, patternSizes } from './pattern-columns';

export type PatternSet = 'patterns' | 'testPatterns';

export interface GridShape {
  inputs: number;
  targets: number;
}

export type CellReading = { ok: true; value: number | null } | { ok: false; reason: string };

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

export function readCell(text: string, isTarget: boolean): CellReading {
  const trimmed = text.trim();
  if (trimmed === '*') return isTarget ? { ok: true, value: null } : { ok: false, reason: '“*” (don’t care) is for targets only' };
  if (trimmed === '') return { ok: false, reason: 'enter a number' };
  if (!NUMBER.test(trimmed)) return { ok: false, reason: `“${trimmed}” is not a number` };
  const value = Number(trimmed.replace(',', '.'));
  if (!(Math.abs(value) <= MAX_PATTERN_MAGNITUDE)) return { ok: false, reason: `“${trimmed}” is too large (at most ±${MAX_PATTERN_MAGNITUDE.toExponential()})` };
  return { ok: true, value };
}

export function showCell(value: number | null | undefined): string {
  return value === null ? '*' : value === undefined ? '' : String(value);
}

/**
 * The grid's shape: the input layers' and output layers' sizes (a chain's first and last layer), or wider
 * where a pattern is (the validator says so beside it).
 */
export function gridShape(model: ModelDocument, set: PatternSet): GridShape {
  const patterns = model[set] ?? [];
  const sizes = patternSizes(model);
  return {
    // A loop, not Math.max(...): a spread of 100,000 patterns' lengths overflows the call's arguments.
    inputs: patterns.reduce((most, p) => Math.max(most, p.input.length), sizes.inputs),
    targets: patterns.reduce((most, p) => Math.max(most, p.target.length), sizes.outputs),
  };
}

function withSet(model: ModelDocument, set: PatternSet, patterns: Pattern[]): ModelDocument {
  if (set === 'testPatterns' && patterns.length === 0) {
    const { testPatterns: _removed, ...rest } = model;
    return rest;
  }
  return { ...model, [set]: patterns };
}

/** A name not yet used in the set: p5, p6, … */
function freshName(patterns: readonly Pattern[], stem = 'p'): string {
  const taken = new Set(patterns.map((p) => p.name));
  let n = patterns.length + 1;
  while (taken.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

export function addPattern(model: ModelDocument, set: PatternSet): ModelDocument {
  const patterns = model[set] ?? [];
  const { inputs, outputs: targets } = patternSizes(model);
  const stem = set === 'testPatterns' ? 'test ' : 'p';
  return withSet(model, set, [...patterns, { name: freshName(patterns, stem), input: Array<number>(inputs).fill(0), target: Array<number>(targets).fill(0) }]);
}

export function duplicatePattern(model: ModelDocument, set: PatternSet, row: number): ModelDocument {
  const patterns = [...(model[set] ?? [])];
  const source = patterns[row];
  if (!source) return model;
  patterns.splice(row + 1, 0, { name: `${source.name} copy`, input: [...source.input], target: [...source.target] });
  return withSet(model, set, patterns);
}

export function deletePattern(model: ModelDocument, set: PatternSet, row: number): ModelDocument {
  return withSet(model, set, (model[set] ?? []).filter((_, r) => r !== row));
}

export function renamePattern(model: ModelDocument, set: PatternSet, row: number, name: string): ModelDocument {
  return withSet(model, set, (model[set] ?? []).map((p, r) => (r === row ? { ...p, name } : p)));
}

/** Sets one value: `column` counts from the first input (0) through the targets. */
export function setValue(model: ModelDocument, set: PatternSet, row: number, column: number, value: number | null): ModelDocument {
  const shape = gridShape(model, set);
  return withSet(
    model,
    set,
    (model[set] ?? []).map((p, r) => (r === row ? withValue(p, shape, column, value) : p)),
  );
}

function withValue(pattern: Pattern, shape: GridShape, column: number, value: number | null): Pattern {
  if (column < shape.inputs) {
    const input = [...pattern.input];
    input[column] = value ?? 0;
    return { ...pattern, input: fillHoles(input) };
  }
  const target = [...pattern.target];
  target[column - shape.inputs] = value;
  return { ...pattern, target: fillHoles(target) as Array<number | null> };
}

/** Writing past a short pattern's end leaves holes: they become 0, never undefined. */
function fillHoles<T>(values: T[]): T[] {
  return Array.from(values, (v) => (v === undefined ? (0 as T) : v));
}

/** Text copied from a spreadsheet: rows by newline, cells by tab; a trailing newline adds no row. */
export function splitBlock(text: string): string[][] {
  const rows = text.replace(/\r\n?/g, '\n').split('\n');
  if (rows.length > 1 && rows[rows.length - 1] === '') rows.pop();
  return rows.map((row) => row.split('\t'));
}

export type PasteResult = { ok: true; model: ModelDocument; rows: number; columns: number } | { ok: false; reason: string };

/**
 * Pastes a block with its top-left cell at (row, gridColumn), where grid column 0 is the name and 1… are
 * the values. Rows past the end become new patterns; cells past the last target are refused.
 */
export function pasteBlock(model: ModelDocument, set: PatternSet, row: number, gridColumn: number, text: string): PasteResult {
  const block = splitBlock(text);
  const shape = gridShape(model, set);
  const lastColumn = shape.inputs + shape.targets;
  const width = Math.max(...block.map((cells) => cells.length));
  if (gridColumn + width - 1 > lastColumn) {
    return { ok: false, reason: `The pasted block is ${width} columns wide, but from here there is room for ${lastColumn - gridColumn + 1}.` };
  }
  let result = model;
  for (let r = 0; r < block.length; r++) {
    while ((result[set]?.length ?? 0) <= row + r) result = addPattern(result, set);
    for (let c = 0; c < block[r].length; c++) {
      const column = gridColumn + c;
      const text = block[r][c];
      if (column === 0) {
        result = renamePattern(result, set, row + r, text.trim());
        continue;
      }
      const isTarget = column - 1 >= shape.inputs;
      const reading = readCell(text, isTarget);
      if (!reading.ok) {
        // A graph's columns are named by layer and unit, as the grid heads them.
        const where = hasLayerBlocks(model) ? ` (${columnName(model, shape, column - 1)})` : '';
        return { ok: false, reason: `Pasted row ${r + 1}, cell ${c + 1}${where}: ${reading.reason}. Nothing was pasted.` };
      }
      result = setValue(result, set, row + r, column - 1, reading.value);
    }
  }
  return { ok: true, model: result, rows: block.length, columns: width };
}

/** Rows r0…r1 and grid columns c0…c1 (0 = name) as tab-separated text, for a spreadsheet. */
export function copyBlock(model: ModelDocument, set: PatternSet, rows: [number, number], columns: [number, number]): string {
  const shape = gridShape(model, set);
  const lines: string[] = [];
  for (let r = rows[0]; r <= rows[1]; r++) {
    const pattern = model[set]?.[r];
    if (!pattern) continue;
    const cells: string[] = [];
    for (let c = columns[0]; c <= columns[1]; c++) {
      if (c === 0) cells.push(pattern.name);
      else if (c - 1 < shape.inputs) cells.push(showCell(pattern.input[c - 1]));
      else cells.push(showCell(pattern.target[c - 1 - shape.inputs]));
    }
    lines.push(cells.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Marks pattern `row` as the start of a sequence (a recurrent network's context resets there), or clears
 * the mark; an unmarked pattern continues the sequence before it. The first pattern always starts one.
 */
export function markSequenceStart(model: ModelDocument, set: PatternSet, row: number, starts: boolean): ModelDocument {
  return withSet(model, set, (model[set] ?? []).map((p, r) => {
    if (r !== row) return p;
    const { reset: _reset, ...rest } = p;
    return starts ? { ...rest, reset: true } : rest;
  }));
}

/** Each pattern's sequence, numbered from 1 in the set's order: a new one at every mark (and at the first pattern). */
export function sequenceNumbers(patterns: readonly Pick<Pattern, 'reset'>[]): number[] {
  let sequence = 0;
  return patterns.map((pattern, r) => (r === 0 || pattern.reset ? ++sequence : sequence));
}
