/**
 * The snapshots a state event carries (format v5) hold most of its numbers: up to 256 copies of the weights and
 * their momentum, which zod's jitless checks take ~0.3 µs a number over (~100 ms a checkpoint of Rumelhart's
 * network with 256 snapshots, a visible stall). Those four arrays of each snapshot are checked here by hand
 * with the schema's rules (networkStateSchema: weights and biases within ±MAX_WEIGHT_MAGNITUDE, momentum
 * finite, the same list bounds); the rest of each snapshot goes to the schema. state-events.ts uses it.
 */
import { MAX_LAYERS, MAX_PROJECTIONS, MAX_UNITS, MAX_WEIGHT_MAGNITUDE } from '../model/schema';
import { isFiniteNumber } from './hot-events';

type Rule = (value: unknown) => string | null;
type Path = Array<string | number>;

const finite: Rule = (value) => (isFiniteNumber(value) ? null : 'expected a finite number');
const bounded: Rule = (value) => (!isFiniteNumber(value) ? 'expected a finite number' : Math.abs(value) > MAX_WEIGHT_MAGNITUDE ? `must be within ±${MAX_WEIGHT_MAGNITUDE}` : null);

/** The arrays checked by hand: their key, nesting (lists of lists of numbers, or of matrices), outer bound and rule. */
const ARRAYS: ReadonlyArray<readonly [string, 2 | 3, number, Rule]> = [
  ['weights', 3, MAX_PROJECTIONS, bounded],
  ['biases', 2, MAX_LAYERS, bounded],
  ['weightMomentum', 3, MAX_PROJECTIONS, finite],
  ['biasMomentum', 2, MAX_LAYERS, finite],
];

export type ArrayCheck = { kind: 'ok' } | { kind: 'refused'; path: Path; message: string } | { kind: 'schema' };

/**
 * Checks `snapshot`'s weight arrays. 'ok': each is as the schema wants; 'refused': a number or a length the
 * schema refuses, with its path below the snapshot; 'schema': something is not a list where one should be
 * (or the snapshot not an object) — the schema says what.
 */
export function checkSnapshotArrays(snapshot: unknown): ArrayCheck {
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) return { kind: 'schema' };
  const fields = snapshot as Record<string, unknown>;
  for (const [key, depth, outer, rule] of ARRAYS) {
    const lists = fields[key];
    if (!Array.isArray(lists)) return { kind: 'schema' };
    if (lists.length > outer) return { kind: 'refused', path: [key], message: `too big: expected at most ${outer} items` };
    for (let j = 0; j < lists.length; j++) {
      const rows = depth === 3 ? lists[j] : [lists[j]];
      if (!Array.isArray(rows)) return { kind: 'schema' };
      if (rows.length > MAX_UNITS) return { kind: 'refused', path: [key, j], message: `too big: expected at most ${MAX_UNITS} items` };
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        if (!Array.isArray(row)) return { kind: 'schema' };
        const at = depth === 3 ? [key, j, r] : [key, j];
        if (row.length > MAX_UNITS) return { kind: 'refused', path: at, message: `too big: expected at most ${MAX_UNITS} items` };
        for (let c = 0; c < row.length; c++) {
          const problem = rule(row[c]);
          if (problem) return { kind: 'refused', path: [...at, c], message: problem };
        }
      }
    }
  }
  return { kind: 'ok' };
}

/** The snapshot with its hand-checked arrays emptied, for the schema to check the rest. */
export function withoutArrays(snapshot: Record<string, unknown>): Record<string, unknown> {
  const light = { ...snapshot };
  for (const [key] of ARRAYS) light[key] = [];
  return light;
}

/** Puts the hand-checked arrays back into the schema's output for the snapshot. */
export function restoreArrays(checked: Record<string, unknown>, original: Record<string, unknown>): void {
  for (const [key] of ARRAYS) checked[key] = original[key];
}
