/**
 * Lens example files (.ex, text form). An optional header (`defI:`, `actI:`, `defT:`, `actT:`, `min:`,
 * `max:`, `grace:`, `proc:`) ends with `;`; then examples, each ending with `;`: an optional `name:`, then
 * inputs and targets — dense (`I: 0 1 0`, `T: 1`, `B:` for both), or sparse lists of the units that are on,
 * numbered from 0 (`i: 1 3-5`, `t: 2`, `b:`, `*` for all). Units not given take the default value; a target
 * of `-` (no value) is a don't-care. An example of several events (its count after the name, each event's
 * inputs and targets in turn, or an event header `[k]` before them) is a sequence for a recurrent network:
 * each event becomes a pattern, the first marked as the sequence's start (Lens resets the network between
 * examples); an event's units not given take the defaults, as in a one-event example. Group-addressed ranges (`{group}`) and event
 * headers over several events are refused.
 */
import { UNNAMED_FILE, type Position } from './import-error';
import { defaultPatternName, IMPORT_LIMITS, type ImportedPattern, type ImportedPatterns } from './imported';
import { LensScanner } from './lens-scanner';

export interface LensExOptions {
  /** Input units of the network; without it (and without the file's legacy size line) the file decides. */
  inputs?: number;
  outputs?: number;
  file?: string;
}

interface Defaults {
  defI: number;
  actI: number;
  defT: number;
  actT: number;
}

/** One sparse or dense range: the units (or values) with where each was written. */
interface UnitRange {
  sparse: boolean;
  /** The value given to a sparse range's units. */
  value: number;
  /** Sparse: unit numbers; a negative one ends a range begun by the one before; ALL is `*`. */
  units: { unit: number; at: Position }[];
  /** Dense: the first unit and the values from there on. */
  firstUnit: number;
  values: { value: number; at: Position }[];
}

interface RawEvent {
  defaults: Defaults;
  input: UnitRange[] | null;
  target: UnitRange[] | null;
}

interface RawExample {
  name: string | null;
  /** Where the example begins, for messages about it as a whole. */
  at: Position;
  /** The events the example declares (1 when it says nothing). */
  declared: number;
  events: RawEvent[];
}

const ALL = Number.NEGATIVE_INFINITY;
const LENS_DEFAULTS: Defaults = { defI: 0, actI: 1, defT: 0, actT: 1 };

export function importLensExamples(text: string, options: LensExOptions = {}): ImportedPatterns {
  const s = new LensScanner(text, options.file ?? UNNAMED_FILE);
  const warnings = new Set<string>();
  // Old files may begin with the numbers of inputs and targets; Lens skips them, they serve here as sizes.
  const legacy: number[] = [];
  while (legacy.length < 2 && s.isDigit()) legacy.push(s.readInt('a size'));
  const defaults = readSetHeader(s, warnings);
  const examples: RawExample[] = [];
  while (!s.atEnd()) {
    if (examples.length >= IMPORT_LIMITS.patterns) s.fail(`more than ${IMPORT_LIMITS.patterns} examples; the app holds at most that many`);
    examples.push(readExample(s, { ...defaults }, warnings));
  }
  if (examples.length === 0) s.fail('no examples: expected examples such as `name: one I: 0 1 T: 1;`');
  const events = examples.flatMap((e) => e.events);
  const inputs = sizeOf(s, 'input', options.inputs ?? legacy[0], events.map((e) => e.input ?? []), warnings);
  const outputs = sizeOf(s, 'output', options.outputs ?? legacy[1], events.map((e) => e.target ?? []), warnings);
  if (events.length > IMPORT_LIMITS.patterns) s.fail(`${events.length} events; the app holds at most ${IMPORT_LIMITS.patterns} patterns`, { line: 1, column: 1 });
  if (events.length * (inputs + outputs) > IMPORT_LIMITS.values) {
    s.fail(`${events.length} events of ${inputs} inputs and ${outputs} targets are more values than the app holds (${IMPORT_LIMITS.values})`, { line: 1, column: 1 });
  }
  const sequences = examples.some((e) => e.events.length > 1);
  const patterns: ImportedPattern[] = examples.flatMap((example, i) => example.events.map((event, k) => {
    const name = example.name ?? defaultPatternName(i);
    return {
      name: example.events.length > 1 ? `${name} ${k + 1}` : name,
      input: fill(s, event.input ?? [], inputs, event.defaults.defI, 'input'),
      target: fill(s, event.target ?? [], outputs, event.defaults.defT, 'output').map((v) => (Number.isNaN(v) ? null : v)),
      ...(sequences && k === 0 ? { reset: true } : {}),
    };
  }));
  return { patterns, warnings: [...warnings] };
}

function readSetHeader(s: LensScanner, warnings: Set<string>): Defaults {
  const defaults = { ...LENS_DEFAULTS };
  while (!s.match(';')) {
    if (!readDefaultsField(s, defaults, warnings)) break;
  }
  return defaults;
}

/** One `key: value` of a set or event header; false when the next thing is not one. */
function readDefaultsField(s: LensScanner, defaults: Defaults, warnings: Set<string>): boolean {
  for (const key of ['defI', 'actI', 'defT', 'actT'] as const) {
    if (!s.peek(`${key}:`)) continue;
    const at = s.here();
    s.match(`${key}:`);
    const value = s.readReal(`a value after \`${key}:\``);
    if (Number.isNaN(value) && key.endsWith('I')) s.fail(`\`${key}: -\` leaves inputs without a value, which the app does not support: every input unit needs a number`, at);
    defaults[key] = value;
    return true;
  }
  for (const key of ['max', 'min', 'grace']) {
    if (s.match(`${key}:`)) {
      s.readReal(`a time after \`${key}:\``);
      warnings.add('time settings (max:, min:, grace:) have no meaning for the app\'s feed-forward networks and were ignored');
      return true;
    }
  }
  if (s.match('proc:')) {
    s.readBlock('a proc: block');
    warnings.add('proc: blocks (Tcl code Lens would run) were ignored');
    return true;
  }
  return false;
}

function readExample(s: LensScanner, defaults: Defaults, warnings: Set<string>): RawExample {
  const example: RawExample = { name: null, at: s.here(), declared: 1, events: [] };
  let declaredAt: Position | null = null;
  for (let more = true; more;) {
    more = false;
    if (s.match('name:')) {
      example.name = s.readBlock('an example name');
      more = true;
    }
    if (s.match('freq:')) {
      s.readReal('a frequency after `freq:`');
      warnings.add('example frequencies (freq:) were ignored: the app presents every pattern once an epoch');
      more = true;
    }
    if (s.match('proc:')) {
      s.readBlock('a proc: block');
      warnings.add('proc: blocks (Tcl code Lens would run) were ignored');
      more = true;
    }
    if (s.isDigit()) {
      declaredAt = s.here();
      example.declared = s.readInt('the number of events');
      if (example.declared < 1) s.fail(`the number of events must be 1 or more, not ${example.declared}`, declaredAt);
      if (example.declared > IMPORT_LIMITS.patterns) s.fail(`${example.declared} events; the app holds at most ${IMPORT_LIMITS.patterns} patterns`, declaredAt);
      more = true;
    }
  }
  let event: RawEvent | null = null;
  const next = (at: Position): RawEvent => {
    if (example.events.length >= example.declared) {
      s.fail(`event ${example.events.length} is past the example's ${example.declared} event${example.declared === 1 ? '' : 's'}${declaredAt ? '' : ' (give the number of events after the name for a sequence, as `name: {abc} 3`)'}`, at);
    }
    const created: RawEvent = { defaults: { ...defaults }, input: null, target: null };
    example.events.push(created);
    return created;
  };
  while (!s.match(';')) {
    if (s.atEnd()) s.fail('the file ends inside an example: expected `;` to end it');
    if (s.match('[')) {
      const at = s.here();
      if (s.match('*')) {
        // `[*]`: defaults for every event from here on.
        readEventDefaults(s, defaults, warnings);
        if (event) readEventDefaultsInto(event.defaults, defaults);
        continue;
      }
      const index = readEventHeader(s, example.events.length);
      // `[k]` starts event k, the next one; its defaults apply to it alone.
      if (index !== example.events.length) s.fail(`event ${index} comes out of order: the next event is ${example.events.length}`, at);
      event = next(at);
      readEventDefaults(s, event.defaults, warnings);
      continue;
    }
    const kind = ['I:', 'i:', 'T:', 't:', 'B:', 'b:'].find((k) => s.peek(k));
    if (!kind) s.fail(`expected I:, i:, T:, t:, B:, b:, an event header [ … ] or ; to end the example, found \`${s.nextWord()}\``);
    const at = s.here();
    s.match(kind);
    const both = kind[0].toLowerCase() === 'b';
    const inputs = both || kind[0].toLowerCase() === 'i';
    // A second input (or target) list starts the next event.
    if (!event || (inputs && event.input) || (!inputs && event.target) || (both && event.target)) event = next(at);
    const sparse = kind[0] === kind[0].toLowerCase();
    const value = inputs ? event.defaults.actI : event.defaults.actT;
    const ranges = readRanges(s, sparse, value, inputs ? 'input' : 'target');
    if (inputs) event.input = ranges;
    if (!inputs || both) event.target = ranges;
  }
  if (example.events.length === 0) next(example.at);
  if (example.events.length < example.declared) {
    s.fail(`the example declares ${example.declared} events but gives ${example.events.length}`, declaredAt ?? example.at);
  }
  const missing = example.events.findIndex((e) => e.input === null);
  if (missing >= 0 && example.events.length > 1) {
    s.fail(`event ${missing} of this example gives no inputs; every event of a sequence needs its inputs`, example.at);
  }
  return example;
}

function readEventDefaultsInto(target: Defaults, source: Defaults): void {
  Object.assign(target, source);
}

/** `[k]`: the event it starts (without a number, the next); a range of events (`[0-2]`) is refused. */
function readEventHeader(s: LensScanner, nextEvent: number): number {
  const at = s.here();
  if (!s.isDigit()) return nextEvent;
  const first = s.readInt('an event number');
  if (s.match('-')) s.fail('an event header over several events (`[a-b]`) is not supported: give each event its own header', at);
  return first;
}

/** The defaults of an event header, up to its `]`. */
function readEventDefaults(s: LensScanner, defaults: Defaults, warnings: Set<string>): void {
  while (!s.match(']')) {
    if (s.atEnd()) s.fail('the file ends inside an event header: expected `]`');
    if (!readDefaultsField(s, defaults, warnings)) s.fail(`something unexpected in the event header: \`${s.nextWord()}\``);
  }
}

function readRanges(s: LensScanner, sparseMode: boolean, activeValue: number, what: 'input' | 'target'): UnitRange[] {
  const ranges: UnitRange[] = [];
  let current: UnitRange | null = null;
  const start = (sparse: boolean): UnitRange => {
    const range: UnitRange = { sparse, value: activeValue, units: [], firstUnit: 0, values: [] };
    ranges.push(range);
    return range;
  };
  for (;;) {
    const at = s.here();
    const opened = s.match('{') ? '{' : s.match('(') ? '(' : null;
    if (opened) {
      // `{value}` starts a sparse range with its own active value, `(first unit)` a dense one.
      const sparse = opened === '{';
      const range = (current = start(sparse));
      const close = sparse ? '}' : ')';
      while (!s.match(close)) {
        if (s.atEnd()) s.fail(`the \`${opened}\` opened here is never closed`, at);
        const here = s.here();
        if (!s.isNumber()) {
          const group = s.readBlock('a group name');
          s.fail(`Lens group names in examples (\`${group}\`) are not supported: the importer reads one input group and one target group`, here);
        }
        if (sparse) range.value = readValue(s, what, 'a sparse active value');
        else range.firstUnit = readUnit(s, 'the first unit of a dense range');
      }
      sparseMode = sparse;
    } else if (s.peek('*')) {
      const range: UnitRange = current ?? (current = start(sparseMode));
      if (!range.sparse || range.units.length > 0) s.fail('`*` may only be the first thing in a sparse list');
      s.match('*');
      range.units.push({ unit: ALL, at });
    } else if (s.isNumber()) {
      const range: UnitRange = current ?? (current = start(sparseMode));
      if (range.sparse) readSparseUnit(s, range, at);
      else range.values.push({ value: readValue(s, what, 'a dense value'), at });
    } else {
      return ranges;
    }
  }
}

function readSparseUnit(s: LensScanner, range: UnitRange, at: Position): void {
  const previous = range.units[range.units.length - 1];
  if (previous?.unit === ALL) s.fail('no unit numbers may follow `*`', at);
  const unit = readUnit(s, 'a unit number', true);
  // `2-5` reads as 2 then -5: the negative number ends a range that began with the one before.
  if (unit < 0 && (!previous || previous.unit < 0 || -unit < previous.unit)) s.fail(`\`${unit}\` is not a valid end of a unit range`, at);
  range.units.push({ unit, at });
}

function readUnit(s: LensScanner, what: string, allowRangeEnd = false): number {
  const at = s.here();
  const unit = s.readInt(what);
  if ((unit < 0 && !allowRangeEnd) || Math.abs(unit) >= IMPORT_LIMITS.units) {
    s.fail(`${what} must be from 0 to ${IMPORT_LIMITS.units - 1}, not ${unit}`, at);
  }
  return unit;
}

function readValue(s: LensScanner, what: 'input' | 'target', label: string): number {
  const at = s.here();
  const value = s.readReal(label);
  if (Number.isNaN(value) && what === 'input') s.fail('`-` (no value) on an input unit is not supported: every input unit needs a number', at);
  return value;
}

/** The size asked for, or else the most units any example uses (with a warning). */
function sizeOf(s: LensScanner, what: 'input' | 'output', given: number | undefined, lists: UnitRange[][], warnings: Set<string>): number {
  if (given !== undefined) {
    if (!Number.isInteger(given) || given < 1 || given > IMPORT_LIMITS.units) {
      s.fail(`the number of ${what} units must be a whole number from 1 to ${IMPORT_LIMITS.units}, not ${given}`, { line: 1, column: 1 });
    }
    return given;
  }
  let needed = 0;
  for (const ranges of lists) {
    for (const range of ranges) {
      for (const { unit } of range.units) if (unit !== ALL) needed = Math.max(needed, Math.abs(unit) + 1);
      needed = Math.max(needed, range.firstUnit + range.values.length);
    }
  }
  if (needed === 0) s.fail(`no example gives an ${what} unit, so the number of ${what} units is unknown: give it`, { line: 1, column: 1 });
  warnings.add(`the file does not say how many ${what} units the network has; took ${needed}, the most any example uses`);
  return needed;
}

function fill(s: LensScanner, ranges: UnitRange[], size: number, fallback: number, what: 'input' | 'output'): number[] {
  const vector: number[] = new Array(size).fill(fallback);
  const set = (unit: number, value: number, at: Position) => {
    if (unit >= size) s.fail(`unit ${unit} is beyond the ${size} ${what} units (numbered from 0)`, at);
    vector[unit] = value;
  };
  for (const range of ranges) {
    if (range.sparse) {
      let previous = -1;
      for (const { unit, at } of range.units) {
        if (unit === ALL) vector.fill(range.value);
        else if (unit < 0) for (let u = previous + 1; u <= -unit; u++) set(u, range.value, at);
        else set(unit, range.value, at);
        previous = Math.abs(unit);
      }
    } else {
      range.values.forEach(({ value, at }, k) => set(range.firstUnit + k, value, at));
    }
  }
  return vector;
}
