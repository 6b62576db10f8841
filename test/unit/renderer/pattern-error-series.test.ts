/** The per-pattern error curves as the session keeps them: appended, replaced, truncated, bounded. */
import { describe, expect, it } from 'vitest';
import { MAX_HELD_VALUES, PatternErrorSeries } from '../../../src-renderer/shared/trainer/pattern-error-series';
import { HISTORY_CAPACITY } from '../../../src-shared/model/epoch-history';

const sample = (epochs: number[], patterns = 2) => ({ patterns, epochs, pss: epochs.flatMap((e) => Array.from({ length: patterns }, (_, p) => e + p / 10)) });

describe('PatternErrorSeries', () => {
  it('holds one curve per pattern over the recorded epochs, across samples', () => {
    const series = new PatternErrorSeries();
    series.append(sample([1, 2, 3]));
    series.append(sample([4, 8]));
    const { epochs, pss } = series.data();
    expect([...epochs]).toEqual([1, 2, 3, 4, 8]);
    expect(pss.map((p) => [...p])).toEqual([
      [1, 2, 3, 4, 8],
      [1.1, 2.1, 3.1, 4.1, 8.1],
    ]);
    expect(series.patterns).toBe(2);
    expect(series.lastEpoch()).toBe(8);
  });

  it('a sample from an epoch already held replaces what follows (a run started again)', () => {
    const series = new PatternErrorSeries();
    series.append(sample([1, 2, 3, 4]));
    series.append({ patterns: 2, epochs: [3], pss: [9, 9] });
    expect([...series.data().epochs]).toEqual([1, 2, 3]);
    expect(series.data().pss[0][2]).toBe(9);
  });

  it('truncates to an epoch (a reset: 0, nothing) and clears; another pattern count starts afresh', () => {
    const series = new PatternErrorSeries();
    series.append(sample([2, 4, 6, 8]));
    series.truncate(5);
    expect([...series.data().epochs]).toEqual([2, 4]);
    series.truncate(0);
    expect(series.length).toBe(0);
    series.append(sample([1, 2]));
    series.clear();
    expect(series.lastEpoch()).toBeNull();
    series.append(sample([5, 6]));
    series.append(sample([7], 3));
    expect(series.patterns).toBe(3);
    expect([...series.data().epochs]).toEqual([7]);
  });

  it('grows past its first capacity without losing values', () => {
    const series = new PatternErrorSeries();
    for (let start = 1; start <= 5000; start += 100) series.append(sample(Array.from({ length: 100 }, (_, i) => start + i)));
    const { epochs, pss } = series.data();
    expect(epochs.length).toBe(5000);
    expect(epochs[4999]).toBe(5000);
    expect(pss[1][2500]).toBeCloseTo(2501.1, 12);
  });

  it('past its bound keeps every other epoch and always the latest, each with its exact values', () => {
    const series = new PatternErrorSeries();
    const patterns = 64;
    const perSample = 1024;
    const epochsToFill = MAX_HELD_VALUES / patterns;
    let epoch = 0;
    while (epoch <= epochsToFill) {
      const epochs = Array.from({ length: perSample }, () => ++epoch);
      series.append({ patterns, epochs, pss: epochs.flatMap((e) => Array.from({ length: patterns }, (_, p) => e * 100 + p)) });
    }
    expect(series.length * patterns).toBeLessThanOrEqual(MAX_HELD_VALUES);
    const { epochs, pss } = series.data();
    expect(epochs[0]).toBe(1);
    expect(epochs[1]).toBe(3);
    expect(series.lastEpoch()).toBe(epoch);
    for (const i of [0, 1, 1000, epochs.length - 1]) expect(pss[63][i]).toBe(epochs[i] * 100 + 63);
  });

  it('with few patterns, holds no more recorded epochs than the tss history keeps', () => {
    const series = new PatternErrorSeries();
    let epoch = 0;
    while (epoch <= 3 * HISTORY_CAPACITY) {
      const epochs = Array.from({ length: 4096 }, () => ++epoch);
      series.append({ patterns: 2, epochs, pss: epochs.flatMap((e) => [e, -e]) });
    }
    expect(series.length).toBeLessThanOrEqual(HISTORY_CAPACITY);
    expect(series.length).toBeGreaterThan(HISTORY_CAPACITY / 4);
    expect(series.lastEpoch()).toBe(epoch);
    const { epochs, pss } = series.data();
    expect(pss[1][100]).toBe(-epochs[100]);
  });
});
