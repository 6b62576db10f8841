import { describe, expect, it } from 'vitest';
import { EpochSeries } from '../../../src-renderer/shared/trainer/epoch-series';

describe('the tss series', () => {
  it('appends batches, grows past its first capacity, and replaces what a later batch covers', () => {
    const series = new EpochSeries();
    series.append(1, 1, Array.from({ length: 1500 }, (_, i) => i));
    expect(series.length).toBe(1500);
    series.append(1001, 1, [7, 8]);
    expect(series.length).toBe(1002);
    const [epochs, tss] = series.data();
    expect(tss[1001]).toBe(8);
    expect(epochs[1001]).toBe(1002);
    expect(tss[1000]).toBe(7);
  });

  it('holds nothing before the first batch', () => {
    const series = new EpochSeries();
    expect(series.length).toBe(0);
    expect(series.lastEpoch()).toBeNull();
    expect(series.data()[0]).toHaveLength(0);
  });

  it('follows a long run\'s history as it thins: only the epochs the new stride keeps stay, then the batch follows them', () => {
    const series = new EpochSeries();
    series.append(1, 1, [10, 9, 8, 7, 6]);
    // The trainer's history went to stride 2 (epochs 2, 4, 6, …) and sends its entries from epoch 6.
    series.append(6, 2, [5, 4]);
    expect(Array.from(series.data()[0])).toEqual([2, 4, 6, 8]);
    expect(Array.from(series.data()[1])).toEqual([9, 7, 5, 4]);
    expect(series.stride).toBe(2);
    // Stride 4 with nothing new: epochs 4 and 8 stay.
    series.append(12, 4, []);
    expect(Array.from(series.data()[0])).toEqual([4, 8]);
    expect(series.lastEpoch()).toBe(8);
  });

  it('holds a loaded history of stride s (the run’s first batch, from epoch s) at epochs s, 2s, …', () => {
    const series = new EpochSeries();
    series.append(8, 8, [3, 2, 1]);
    expect(Array.from(series.data()[0])).toEqual([8, 16, 24]);
    expect(series.stride).toBe(8);
    series.append(32, 8, [0.5]);
    expect(Array.from(series.data()[1])).toEqual([3, 2, 1, 0.5]);
  });
});
