/** The Test tab's error by position: the period field, the grouping (against a hand count) and the CSV. */
import { describe, expect, it } from 'vitest';
import { isStream, positionErrorCsv, positionErrors, readPeriod } from '../../../src-renderer/test-tab/position-errors';

describe('error by position in the Test tab', () => {
  it('reads the period: empty is none, and bad values are named', () => {
    expect(readPeriod('3', 30)).toEqual({ ok: true, period: 3 });
    expect(readPeriod(' ', 30)).toEqual({ ok: true, period: undefined });
    const fraction = readPeriod('2.5', 30);
    expect(fraction.ok ? null : fraction.reason).toBe('The period must be a whole number of events, 1 or more (got “2.5”).');
    const long = readPeriod('40', 30);
    expect(long.ok ? null : long.reason).toBe('The period is 40 events, but the set has only 30.');
  });

  it('groups a stream modulo the period and sequences by place since their start', () => {
    const stream = Array.from({ length: 7 }, () => ({}));
    expect(isStream(stream)).toBe(true);
    const pss = [1, 2, 3, 5, 6, 7, 10];
    // Phases 0: events 0, 3, 6 → (1 + 5 + 10) / 3; 1: events 1, 4 → 4; 2: events 2, 5 → 5.
    // Without a period, a stream's events each stand alone: the error over time, event by event.
    expect(positionErrors(stream, pss, undefined)!.map((row) => [row.position, row.events, row.meanPss])).toEqual(pss.map((e, p) => [p, 1, e]));
    expect(positionErrors(stream, pss, 3)).toEqual([
      { position: 0, events: 3, meanPss: 16 / 3 },
      { position: 1, events: 2, meanPss: 4 },
      { position: 2, events: 2, meanPss: 5 },
    ]);
    const sequences = [{ reset: true }, {}, { reset: true }, {}, {}];
    expect(isStream(sequences)).toBe(false);
    expect(positionErrors(sequences, [1, 2, 3, 4, 6], undefined)).toEqual([
      { position: 0, events: 2, meanPss: 2 },
      { position: 1, events: 2, meanPss: 3 },
      { position: 2, events: 1, meanPss: 6 },
    ]);
    // Results of another set (a length that does not match) draw nothing.
    expect(positionErrors(sequences, [1, 2], undefined)).toBeNull();
    expect(positionErrors(sequences, null, undefined)).toBeNull();
  });

  it('writes the numbers as CSV, positions counted from 0 as the command line counts them', () => {
    const csv = positionErrorCsv([{ position: 0, events: 3, meanPss: 0.5 }, { position: 1, events: 2, meanPss: 0.125 }], 3);
    expect(csv).toBe('position mod 3,events,mean pss\n0,3,0.5\n1,2,0.125\n');
    expect(positionErrorCsv([], undefined)).toBe('position,events,mean pss\n');
  });
});
