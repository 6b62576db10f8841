import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignSeries, decimate } from '../../../src-renderer/shared/charts/decimate';

function epochsOf(count: number): Float64Array {
  return Float64Array.from({ length: count }, (_, i) => i + 1);
}

describe('min/max decimation', () => {
  it('passes a short series through exactly', () => {
    const y = [5, 3, 4, 1];
    const out = decimate(epochsOf(4), y, 100);
    expect(Array.from(out.x)).toEqual([1, 2, 3, 4]);
    expect(Array.from(out.y)).toEqual(y);
  });

  it('keeps at most 2 × width + 2 points, the first and last, and the global extremes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3000 }),
        fc.integer({ min: 1, max: 400 }),
        (values, width) => {
          const x = epochsOf(values.length);
          const out = decimate(x, values, width);
          expect(out.x.length).toBeLessThanOrEqual(2 * width + 2);
          if (values.length <= 2 * width + 2) expect(out.x.length).toBe(values.length);
          expect(out.x[0]).toBe(1);
          expect(out.x[out.x.length - 1]).toBe(values.length);
          expect(Math.min(...out.y)).toBe(Math.min(...values));
          expect(Math.max(...out.y)).toBe(Math.max(...values));
          // Every point kept is a point of the series, in order.
          for (let k = 0; k < out.x.length; k++) {
            expect(out.y[k]).toBe(values[out.x[k] - 1]);
            if (k > 0) expect(out.x[k]).toBeGreaterThan(out.x[k - 1]);
          }
        },
      ),
    );
  });

  it('keeps each pixel column’s lowest and highest value of a million epochs', () => {
    const n = 1_000_000;
    const y = Float64Array.from({ length: n }, (_, i) => Math.exp(-i / 1e5) + (i === 777_777 ? 3 : 0) - (i === 123_456 ? 1 : 0));
    const width = 800;
    const out = decimate(epochsOf(n), y, width);
    expect(out.x.length).toBeLessThanOrEqual(2 * width + 2);
    expect(Array.from(out.x)).toContain(777_778);
    expect(Array.from(out.x)).toContain(123_457);
    // In every column the drawn range equals the true range.
    const column = (epoch: number) => Math.min(width - 1, Math.floor(((epoch - 1) / (n - 1)) * width));
    const truth = new Map<number, [number, number]>();
    for (let i = 1; i < n - 1; i++) {
      const c = column(i + 1);
      const [lo, hi] = truth.get(c) ?? [Infinity, -Infinity];
      truth.set(c, [Math.min(lo, y[i]), Math.max(hi, y[i])]);
    }
    const drawn = new Map<number, [number, number]>();
    for (let k = 1; k < out.x.length - 1; k++) {
      const c = column(out.x[k]);
      const [lo, hi] = drawn.get(c) ?? [Infinity, -Infinity];
      drawn.set(c, [Math.min(lo, out.y[k]), Math.max(hi, out.y[k])]);
    }
    expect(drawn).toEqual(truth);
  });

  it('decimates only the visible range, with one point beyond each edge', () => {
    const n = 10_000;
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 10));
    const out = decimate(epochsOf(n), y, 50, [2000, 3000]);
    expect(out.x[0]).toBe(1999);
    expect(out.x[out.x.length - 1]).toBe(3001);
    expect(out.x.length).toBeLessThanOrEqual(2 * 50 + 2);
    const short = decimate(epochsOf(n), y, 500, [100, 200]);
    expect(Array.from(short.x)).toEqual(Array.from({ length: 103 }, (_, i) => 99 + i));
  });

  it('gives nothing for an empty series or a range beyond it', () => {
    expect(decimate([], [], 10).x.length).toBe(0);
    expect(Array.from(decimate(epochsOf(5), [1, 2, 3, 4, 5], 10, [50, 60]).x)).toEqual([5]);
  });
});

describe('aligning decimated series on one x', () => {
  it('takes the union of their epochs, null where a series has no point', () => {
    const [x, a, b] = alignSeries([
      { x: Float64Array.from([1, 3, 5]), y: Float64Array.from([10, 30, 50]) },
      { x: Float64Array.from([1, 2, 3]), y: Float64Array.from([1, 2, 3]) },
    ]);
    expect(x).toEqual([1, 2, 3, 5]);
    expect(a).toEqual([10, null, 30, 50]);
    expect(b).toEqual([1, 2, 3, null]);
  });
});
