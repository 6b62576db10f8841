/**
 * The Test tab's error by position for a recurrent network (Elman's error-by-letter curve): which grouping a
 * pattern set takes — by place since each sequence's start, or, in one continuous stream, by place modulo a
 * period the user sets, as the command line's `test --period N` — and its numbers as CSV. The grouping
 * itself is the command line's (src-shared/analysis/sequence-positions.ts).
 */
import { errorByPosition, type PositionError } from '../../src-shared/analysis/sequence-positions';
import type { Pattern } from '../../src-shared/model/schema';

/** The period a stream starts with: temporal XOR's three (two random bits, then their XOR). */
export const DEFAULT_STREAM_PERIOD = 3;

/** Whether the set is one continuous stream (no reset marks after its first event). */
export function isStream(patterns: readonly Pick<Pattern, 'reset'>[]): boolean {
  return patterns.every((pattern, p) => p === 0 || !pattern.reset);
}

/**
 * Reads the period field: empty is none (a set of sequences grouped by place since each start; a stream,
 * each event in turn — Elman's error over the letters), else a whole number of events from 1 up to the
 * set's size.
 */
export function readPeriod(text: string, events: number): { ok: true; period: number | undefined } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, period: undefined };
  const period = Number(trimmed);
  if (!Number.isInteger(period) || period < 1) return { ok: false, reason: `The period must be a whole number of events, 1 or more (got “${trimmed}”).` };
  if (period > Math.max(1, events)) return { ok: false, reason: `The period is ${period} events, but the set has only ${events}.` };
  return { ok: true, period };
}

/** Mean pss by position, or null while the results are not the set's (another set's, or none yet). */
export function positionErrors(patterns: readonly Pick<Pattern, 'reset'>[], pss: readonly number[] | null, period: number | undefined): PositionError[] | null {
  if (!pss || pss.length !== patterns.length || patterns.length === 0) return null;
  return errorByPosition(patterns, pss, period);
}

/** The chart's numbers: one row per position (0 for a sequence's first event, as the command line counts), its events and mean pss. */
export function positionErrorCsv(rows: readonly PositionError[], period: number | undefined): string {
  const head = period === undefined ? 'position' : `position mod ${period}`;
  return [`${head},events,mean pss`, ...rows.map((row) => `${row.position},${row.events},${row.meanPss}`)].join('\n') + '\n';
}
