/** Statistics over many runs, each against a computation done another way (published table values, direct sums). */
import { describe, expect, it } from 'vitest';
import { criterionSummary, curveIntervals, fractionReachedBy, logMeanInterval, meanInterval, median } from '../../../src-shared/analysis/many-runs';
import { logGamma, studentTCdf, studentTQuantile } from '../../../src-shared/analysis/student-t';

describe("Student's t", () => {
  it('gives the two-sided 95% critical values of the published tables', () => {
    // t_{0.975, df} to the tables' three decimals (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
    const table: [number, number][] = [[1, 12.706], [2, 4.303], [3, 3.182], [4, 2.776], [5, 2.571], [9, 2.262], [10, 2.228], [19, 2.093], [29, 2.045], [30, 2.042], [100, 1.984]];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df), `df ${df}`).toBeCloseTo(t, 3);
    // One-sided 0.99 and 0.95 values, and symmetry.
    expect(studentTQuantile(0.99, 10)).toBeCloseTo(2.764, 3);
    expect(studentTQuantile(0.95, 20)).toBeCloseTo(1.725, 3);
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
  });

  it('has the closed-form CDFs of 1 and 2 degrees of freedom, and tends to the normal', () => {
    for (const t of [-3, -0.7, 0, 0.4, 2.5, 10]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12); // Cauchy
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 12);
    }
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959964, 5);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});

describe('mean ± 95% confidence interval', () => {
  it('is m ± t·s/√n, with the sample SD (n − 1), and no interval below n = 2', () => {
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    // mean 5; squared deviations sum to 32; s = √(32/7).
    const s = Math.sqrt(32 / 7);
    const half = 2.364624251592785 * s / Math.sqrt(8); // t_{0.975,7} from R: qt(0.975, 7)
    const interval = meanInterval(values);
    expect(interval.n).toBe(8);
    expect(interval.mean).toBe(5);
    expect(interval.sd).toBeCloseTo(s, 14);
    expect(interval.low).toBeCloseTo(5 - half, 10);
    expect(interval.high).toBeCloseTo(5 + half, 10);
    expect(meanInterval([3])).toEqual({ n: 1, mean: 3, sd: Number.NaN, low: null, high: null });
  });

  it('on the log scale is the geometric mean and its interval, positive', () => {
    const interval = logMeanInterval([0.01, 0.1, 1, 10]);
    expect(interval.mean).toBeCloseTo(Math.sqrt(0.1), 12); // 10^((−2 −1 + 0 + 1)/4)
    expect(interval.low!).toBeGreaterThan(0);
    const logs = meanInterval([0.01, 0.1, 1, 10].map(Math.log));
    expect(interval.high).toBeCloseTo(Math.exp(logs.high!), 12);
  });

  it('per recorded epoch, over the runs observed there only', () => {
    const curves = curveIntervals([
      { epoch: [1, 2, 3], value: [4, 2, 1] },
      { epoch: [1, 2], value: [6, 4] },
    ]);
    expect(curves.map((c) => [c.epoch, c.interval.n, c.interval.mean])).toEqual([[1, 2, 5], [2, 2, 3], [3, 1, 1]]);
    expect(curves[2].interval.low).toBeNull();
  });
});

describe('epochs to criterion', () => {
  it('counts runs that never reached it as censored: the median only when more than half did', () => {
    expect(criterionSummary([30, null, 10, 20, null])).toEqual({ runs: 5, reached: 3, neverReached: 2, median: 30 });
    expect(criterionSummary([30, null, 10, null])).toEqual({ runs: 4, reached: 2, neverReached: 2, median: null });
    expect(criterionSummary([40, 10, 20, null])).toEqual({ runs: 4, reached: 3, neverReached: 1, median: 30 });
    expect(median([40, 10, 20, 30])).toBe(25);
  });

  it('as the fraction of all runs that had reached it by each epoch', () => {
    expect(fractionReachedBy([5, null, 2, 9], [1, 2, 5, 8, 9, 100])).toEqual([0, 0.25, 0.5, 0.5, 0.75, 0.75]);
  });
});
