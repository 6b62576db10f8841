/**
 * Reading an input (or target) typed into the Test tab as one line of values: values are separated by
 * spaces, semicolons or a comma followed by a space (`1, 0`); a comma between digits is a decimal comma
 * (`0,5`), as in the pattern grid and the training settings. Anything the trainer would refuse — a wrong
 * count, a non-number — is refused here first, with the reason, so it is never sent.
 */
import { readCell } from '../patterns/pattern-edits';

export type VectorReading = { ok: true; values: Array<number | null> } | { ok: false; reason: string };

/** The values of a typed line, before their count is checked. */
export function splitValues(text: string): string[] {
  return text
    .replace(/,(?=\s)/g, ' ')
    .split(/[\s;]+/)
    .filter((token) => token !== '');
}

/**
 * `count` values for a layer of that many units; `isTarget` allows `*` (don't care). `layer` names the
 * layer in the reason ("the input layer").
 */
export function readVector(text: string, count: number, isTarget: boolean, layer: string): VectorReading {
  const tokens = splitValues(text);
  if (tokens.length === 0) return { ok: false, reason: `Enter ${count} ${count === 1 ? 'value' : 'values'}, one per unit of ${layer}.` };
  const values: Array<number | null> = [];
  for (const [k, token] of tokens.entries()) {
    const reading = readCell(token, isTarget);
    if (!reading.ok) return { ok: false, reason: `Value ${k + 1}: ${reading.reason}.` };
    values.push(reading.value);
  }
  if (values.length !== count) {
    const given = `${values.length} ${values.length === 1 ? 'value was' : 'values were'} given`;
    // "1,0" is one number (a decimal comma): say so, since it looks like two.
    const glued = tokens.find((token) => /\d,\d/.test(token));
    const hint = glued && values.length < count ? ` “${glued}” reads as one number (a comma between digits is a decimal comma): separate values with a space.` : '';
    return { ok: false, reason: `${capitalize(layer)} has ${count} ${count === 1 ? 'unit' : 'units'}, but ${given}.${hint}` };
  }
  return { ok: true, values };
}

/** A typed input: numbers only. */
export function readProbeInput(text: string, units: number): { ok: true; values: number[] } | { ok: false; reason: string } {
  const reading = readVector(text, units, false, 'the input layer');
  return reading.ok ? { ok: true, values: reading.values as number[] } : reading;
}

/** A typed target: optional (empty means none), `*` for a unit whose output does not matter. */
export function readProbeTarget(text: string, units: number): { ok: true; values: Array<number | null> | null } | { ok: false; reason: string } {
  if (text.trim() === '') return { ok: true, values: null };
  return readVector(text, units, true, 'the output layer');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
