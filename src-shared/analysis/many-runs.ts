/**
 * Statistics over many runs (science.md, "Experiments: many runs"): mean ± t-based 95% confidence interval
 * per recorded epoch over the runs observed there (on tss, or on log tss for a log axis: a geometric mean),
 * no interval where n < 2; epochs to criterion as the fraction of runs that had reached it by each epoch,
 * the median when more than half did, and how many never did (censored, not missing).
 */
import { studentTQuantile } from './student-t';

export interface MeanInterval {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); NaN when n < 2. */
  sd: number;
  /** mean ∓ t_{0.975, n−1} · s/√n; null when n < 2. */
  low: number | null;
  high: number | null;
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function sampleSd(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) * (v - m);
  return Math.sqrt(squares / (n - 1));
}

export function meanInterval(values: readonly number[], confidence = 0.95): MeanInterval {
  const n = values.length;
  const m = n === 0 ? Number.NaN : mean(values);
  if (n < 2) return { n, mean: m, sd: Number.NaN, low: null, high: null };
  const sd = sampleSd(values);
  const half = studentTQuantile(1 - (1 - confidence) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean: m, sd, low: m - half, high: m + half };
}

/**
 * The same on the log scale, returned on the original scale: exp of the mean and interval of ln(value) (a
 * geometric mean, which stays positive). Values ≤ 0 have no logarithm and are left out (n says how many stayed).
 */
export function logMeanInterval(values: readonly number[], confidence = 0.95): MeanInterval {
  const logs = values.filter((v) => v > 0).map(Math.log);
  const interval = meanInterval(logs, confidence);
  return {
    n: interval.n,
    mean: Math.exp(interval.mean),
    sd: interval.sd,
    low: interval.low === null ? null : Math.exp(interval.low),
    high: interval.high === null ? null : Math.exp(interval.high),
  };
}

/** Per recorded epoch (ascending), the interval over the runs observed at that epoch. */
export function curveIntervals(runs: readonly { epoch: readonly number[]; value: readonly number[] }[], scale: 'linear' | 'log' = 'linear'): { epoch: number; interval: MeanInterval }[] {
  const byEpoch = new Map<number, number[]>();
  for (const run of runs) {
    run.epoch.forEach((epoch, i) => {
      let list = byEpoch.get(epoch);
      if (!list) byEpoch.set(epoch, (list = []));
      list.push(run.value[i]);
    });
  }
  return [...byEpoch.keys()].sort((a, b) => a - b).map((epoch) => ({
    epoch,
    interval: scale === 'log' ? logMeanInterval(byEpoch.get(epoch)!) : meanInterval(byEpoch.get(epoch)!),
  }));
}

export interface CriterionSummary {
  runs: number;
  reached: number;
  neverReached: number;
  /** The median epochs to criterion, counting the runs that never reached it as later than any: null unless more than half reached it. */
  median: number | null;
}

/** `epochs`: each run's epochs to criterion, null for a run that never reached it. */
export function criterionSummary(epochs: readonly (number | null)[]): CriterionSummary {
  const reachedAt = epochs.filter((e): e is number => e !== null).sort((a, b) => a - b);
  const n = epochs.length;
  const reached = reachedAt.length;
  let median: number | null = null;
  if (reached * 2 > n) {
    // Censored runs sort after every reached one: the middle of all n is among the reached.
    median = n % 2 === 1 ? reachedAt[(n - 1) / 2] : (reachedAt[n / 2 - 1] + reachedAt[n / 2]) / 2;
  }
  return { runs: n, reached, neverReached: n - reached, median };
}

/** The fraction of all runs that had reached the criterion by each of the given epochs (ascending). */
export function fractionReachedBy(epochs: readonly (number | null)[], at: readonly number[]): number[] {
  const reachedAt = epochs.filter((e): e is number => e !== null).sort((a, b) => a - b);
  let i = 0;
  return [...at].map((epoch) => {
    while (i < reachedAt.length && reachedAt[i] <= epoch) i++;
    return epochs.length === 0 ? Number.NaN : i / epochs.length;
  });
}

/** The ordinary median of numbers (NaN for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}
