/**
 * PDPTool pattern files (.pat): one pattern a line, `name in1 in2 … t1 t2 …`. The file does not say where
 * the inputs end, so the caller gives the network's input (or output) size. `#` starts a comment; blank
 * lines are skipped. A `NaN` target (MATLAB's spelling, which PDPTool reads) is a don't-care.
 */
import { ImportError, UNNAMED_FILE } from './import-error';
import { IMPORT_LIMITS, type ImportedPattern, type ImportedPatterns } from './imported';
import { readNumber } from './numbers';
import { quote, splitLines, stripComment, tokenize, type Token } from './tokens';

export interface PdpPatOptions {
  /** Input units of the network the patterns are for. */
  inputs?: number;
  /** Output units; with `inputs` the two must add up to each line's value count. */
  outputs?: number;
  file?: string;
}

export function importPdpPat(text: string, options: PdpPatOptions = {}): ImportedPatterns {
  const file = options.file ?? UNNAMED_FILE;
  const patterns: ImportedPattern[] = [];
  // The first pattern fixes the split; every later line must have the same number of values.
  let sizes: PdpPatOptions = options;
  for (const source of splitLines(text)) {
    const tokens = tokenize(stripComment(source));
    if (tokens.length === 0) continue;
    if (patterns.length >= IMPORT_LIMITS.patterns) {
      throw new ImportError(file, source.line, 1, `more than ${IMPORT_LIMITS.patterns} patterns; the app holds at most that many`);
    }
    const pattern = readPattern(tokens, sizes, file);
    if (patterns.length === 0) sizes = { inputs: pattern.input.length, outputs: pattern.target.length };
    patterns.push(pattern);
  }
  if (patterns.length === 0) {
    throw new ImportError(file, 1, 1, 'no patterns: expected lines of the form `name in1 in2 … t1 t2 …`');
  }
  return { patterns, warnings: [] };
}

function readPattern(tokens: Token[], options: PdpPatOptions, file: string): ImportedPattern {
  const [nameToken, ...values] = tokens;
  const { inputs, outputs } = split(values.length, nameToken, options, file);
  const input = values.slice(0, inputs).map((token) => {
    const value = readNumber(token.text);
    if (value === null) throw new ImportError(file, token.line, token.column, `expected a number for an input value, found ${quote(token.text)}`);
    return value;
  });
  const target = values.slice(inputs, inputs + outputs).map((token) => {
    if (/^nan$/i.test(token.text)) return null;
    const value = readNumber(token.text);
    if (value === null) {
      throw new ImportError(file, token.line, token.column, `expected a number (or NaN for a don't-care) for a target value, found ${quote(token.text)}`);
    }
    return value;
  });
  return { name: nameToken.text, input, target };
}

function split(count: number, nameToken: Token, options: PdpPatOptions, file: string): { inputs: number; outputs: number } {
  const { inputs, outputs } = options;
  const at = (message: string) => new ImportError(file, nameToken.line, nameToken.column, message);
  if (inputs === undefined && outputs === undefined) {
    throw at('a .pat file does not say where the inputs end and the targets begin: give the number of input units (or output units) of the network');
  }
  for (const [label, size] of [['input', inputs], ['output', outputs]] as const) {
    if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > IMPORT_LIMITS.units)) {
      throw at(`the number of ${label} units must be a whole number from 1 to ${IMPORT_LIMITS.units}, not ${size}`);
    }
  }
  const wanted = inputs !== undefined && outputs !== undefined ? inputs + outputs : null;
  if (wanted !== null && count !== wanted) {
    throw at(`pattern ${quote(nameToken.text)} has ${count} values; expected ${plural(inputs!, 'input')} and ${plural(outputs!, 'target')} (${wanted} values) after the name`);
  }
  const inputCount = inputs ?? count - outputs!;
  const outputCount = outputs ?? count - inputs!;
  if (inputCount < 1 || outputCount < 1) {
    throw at(`pattern ${quote(nameToken.text)} has ${count} values after the name, too few for ${inputs ?? outputs} ${inputs !== undefined ? 'inputs' : 'targets'} and at least one ${inputs !== undefined ? 'target' : 'input'}`);
  }
  return { inputs: inputCount, outputs: outputCount };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
