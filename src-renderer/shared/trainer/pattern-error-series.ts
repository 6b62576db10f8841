/**
 * Each training pattern's pss over the epochs the trainer recorded them at (every epoch while slow, every
 * k-th when fast: see src-shared/trainer/pattern-error-sampler.ts): one growable typed array of epochs and
 * one per pattern, so a long run appends without copying every batch and the chart reads views directly.
 */
import type { PatternErrorSample } from '../../../src-shared/ipc/trainer-protocol';
import { HISTORY_CAPACITY } from '../../../src-shared/model/epoch-history';
import { countUpTo } from './display-gate';

/**
 * Past this many values held (epochs × patterns, 32 MB as doubles), or past as many recorded epochs as the
 * tss history keeps (HISTORY_CAPACITY), every other recorded epoch is dropped: a run of hours keeps its
 * whole span at half the density rather than growing without bound, and a redraw stays as cheap.
 */
export const MAX_HELD_VALUES = 1 << 22;

export class PatternErrorSeries {
  private epochs = new Float64Array(256);
  private pss: Float64Array[] = [];
  length = 0;

  /** How many patterns each recorded epoch holds (0 until the first sample). */
  get patterns(): number {
    return this.pss.length;
  }

  /** Appends a sample; anything held from its first epoch on (an earlier run's) is replaced first. */
  append(sample: PatternErrorSample): void {
    if (sample.epochs.length === 0) return;
    if (sample.patterns !== this.pss.length) {
      // A different pattern set: nothing held belongs to it.
      this.pss = Array.from({ length: sample.patterns }, () => new Float64Array(this.epochs.length));
      this.length = 0;
    }
    this.truncate(sample.epochs[0] - 1);
    this.reserve(this.length + sample.epochs.length);
    const { patterns } = sample;
    for (let e = 0; e < sample.epochs.length; e++) {
      this.epochs[this.length] = sample.epochs[e];
      for (let p = 0; p < patterns; p++) this.pss[p][this.length] = sample.pss[e * patterns + p];
      this.length++;
    }
    if (this.length > HISTORY_CAPACITY || this.length * patterns > MAX_HELD_VALUES) this.halve();
  }

  /** Keeps only epochs up to and including `lastEpoch` (after a reset: 0, nothing). */
  truncate(lastEpoch: number): void {
    this.length = countUpTo(this.epochs.subarray(0, this.length), lastEpoch);
  }

  clear(): void {
    this.length = 0;
  }

  /** The last epoch held, or null. */
  lastEpoch(): number | null {
    return this.length > 0 ? this.epochs[this.length - 1] : null;
  }

  /** x = the recorded epochs, and each pattern's pss at them; views, valid until the next append. */
  data(): { epochs: Float64Array; pss: Float64Array[] } {
    return { epochs: this.epochs.subarray(0, this.length), pss: this.pss.map((series) => series.subarray(0, this.length)) };
  }

  private halve(): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      // The latest epoch stays: the curves end where the run stands.
      if (i % 2 === 1 && i !== this.length - 1) continue;
      this.epochs[kept] = this.epochs[i];
      for (const series of this.pss) series[kept] = series[i];
      kept++;
    }
    this.length = kept;
  }

  private reserve(capacity: number): void {
    if (capacity <= this.epochs.length) return;
    let size = this.epochs.length;
    while (size < capacity) size *= 2;
    this.epochs = grow(this.epochs, size, this.length);
    this.pss = this.pss.map((series) => grow(series, size, this.length));
  }
}

function grow(array: Float64Array, size: number, used: number): Float64Array<ArrayBuffer> {
  const larger = new Float64Array(size);
  larger.set(array.subarray(0, used));
  return larger;
}
