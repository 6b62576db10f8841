import { describe, expect, it } from 'vitest';
import { EpochSeries } from '../../../src-renderer/state/epoch-series';

describe('the tss series', () => {
  it('appends batches, grows past its first capacity, and replaces what a later batch covers', () => {
    const series = new EpochSeries();
    series.append(1, Array.from({ length: 1500 }, (_, i) => i));
    expect(series.length).toBe(1500);
    series.append(1001, [7, 8]);
    expect(series.length).toBe(1002);
    expect(series.last()).toBe(8);
    const [epochs, tss] = series.data();
    expect(epochs[1001]).toBe(1002);
    expect(tss[1000]).toBe(7);
  });

  it('holds exactly a loaded history, and drops everything on a reset', () => {
    const series = new EpochSeries();
    series.replace([3, 2, 1]);
    expect(Array.from(series.data()[1])).toEqual([3, 2, 1]);
    series.truncate(0);
    expect(series.length).toBe(0);
    expect(series.last()).toBeNull();
  });
});
