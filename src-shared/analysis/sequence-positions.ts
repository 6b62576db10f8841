/**
 * A recurrent network's error by position within a sequence (Elman's error-by-letter curve, docs/science.md
 * "Simple recurrent networks"): each event's pss grouped by its place since the sequence's start — or, in one
 * continuous stream, by its place modulo a period (temporal XOR's phase, period 3).
 */
import { sequenceRanges } from '../model/recurrence';
import type { Pattern } from '../model/schema';

export interface PositionError {
  /** 0 for a sequence's first event (or the stream's phase 0). */
  position: number;
  events: number;
  /** Mean pss of the events at this position. */
  meanPss: number;
}

/** Each event's place: its index since its sequence's start, modulo `period` when one is given. */
export function sequencePositions(patterns: readonly Pick<Pattern, 'reset'>[], period?: number): number[] {
  if (period !== undefined && !(Number.isInteger(period) && period >= 1)) throw new RangeError(`period must be a whole number of events, 1 or more (got ${period})`);
  const positions = new Array<number>(patterns.length);
  for (const [start, end] of sequenceRanges(patterns)) {
    for (let p = start; p < end; p++) positions[p] = period === undefined ? p - start : (p - start) % period;
  }
  return positions;
}

/** Mean pss at each position, positions in ascending order. */
export function errorByPosition(patterns: readonly Pick<Pattern, 'reset'>[], pss: readonly number[], period?: number): PositionError[] {
  if (pss.length !== patterns.length) throw new RangeError(`errorByPosition: ${pss.length} errors for ${patterns.length} events`);
  const positions = sequencePositions(patterns, period);
  const sums: { sum: number; count: number }[] = [];
  positions.forEach((position, p) => {
    sums[position] ??= { sum: 0, count: 0 };
    sums[position].sum += pss[p];
    sums[position].count++;
  });
  return sums.flatMap((entry, position) => (entry ? [{ position, events: entry.count, meanPss: entry.sum / entry.count }] : []));
}
