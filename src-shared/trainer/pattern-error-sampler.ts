/**
 * Which epochs' per-pattern errors the trainer sends, and holding them until the next metrics message.
 * The cost must stay bounded whatever the speed: a slow run has every epoch recorded; a fast one every
 * k-th, k a power of two chosen so that one message carries at most MAX_VALUES numbers. The values at a
 * recorded epoch are exactly that epoch's (the engine's epochPatternErrors, copied when the epoch ends).
 */
import { MAX_PATTERN_ERROR_PATTERNS, type PatternErrorSample } from '../ipc/trainer-protocol';

/** At most this many pss values in one metrics message (a few thousand numbers, ~16 kB). */
export const MAX_VALUES = 2048;

/**
 * Aim for at most this many recorded epochs per message (20 messages a second): each one stops the
 * engine's advance once, about a microsecond, so training loses well under 1% to the sampling.
 */
const TARGET_EPOCHS_PER_MESSAGE = 128;

export class PatternErrorSampler {
  /** Record epochs that are multiples of this (a power of two); 1 records every epoch. */
  stride = 1;
  private readonly epochs: number[] = [];
  private readonly pss: Float64Array;
  private readonly capacity: number;
  /** The last epoch recorded, so a run's final epoch is recorded once. */
  private lastRecorded = 0;

  constructor(readonly patterns: number) {
    this.capacity = this.enabled ? Math.max(1, Math.floor(MAX_VALUES / patterns)) : 0;
    this.pss = new Float64Array(this.capacity * Math.max(1, patterns));
  }

  /** Only small pattern sets get curves (MAX_PATTERN_ERROR_PATTERNS). */
  get enabled(): boolean {
    return this.patterns > 0 && this.patterns <= MAX_PATTERN_ERROR_PATTERNS;
  }

  /** A run (re)starts or steps: record every epoch until its speed says otherwise. */
  restart(): void {
    this.stride = 1;
  }

  /** Forget everything held (after a reset or a load: the epochs they belong to are gone). */
  clear(): void {
    this.epochs.length = 0;
    this.lastRecorded = 0;
    this.stride = 1;
  }

  /** The next epoch after `epoch` to record: training stops there (advance's untilEpoch) so it can be read. */
  nextEpoch(epoch: number): number {
    if (!this.enabled) return Number.POSITIVE_INFINITY;
    return (Math.floor(epoch / this.stride) + 1) * this.stride;
  }

  /**
   * Records `errors` as `epoch`'s if it is a sampled epoch, or `always` (the last epoch of a step or before
   * a pause: the curve then ends exactly where the run stands).
   */
  record(epoch: number, errors: Float64Array, always = false): void {
    if (!this.enabled || epoch <= this.lastRecorded) return;
    if (!always && epoch % this.stride !== 0) return;
    if (this.epochs.length === this.capacity) this.thin();
    // Thinning leaves room unless every held epoch was forced; then the oldest held one gives way.
    if (this.epochs.length === this.capacity) this.dropOldest();
    this.pss.set(errors.subarray(0, this.patterns), this.epochs.length * this.patterns);
    this.epochs.push(epoch);
    this.lastRecorded = epoch;
  }

  /**
   * What is held, for the next metrics message, emptied; undefined when nothing is. Then sets the stride
   * for the next interval from how many epochs this one trained, so the next message stays within budget.
   */
  take(epochsTrained: number): PatternErrorSample | undefined {
    if (this.enabled && epochsTrained > 0) {
      const target = Math.min(TARGET_EPOCHS_PER_MESSAGE, MAX_VALUES / 2 / this.patterns);
      let stride = 1;
      while (epochsTrained / stride > target) stride *= 2;
      this.stride = stride;
    }
    if (this.epochs.length === 0) return undefined;
    const sample: PatternErrorSample = {
      patterns: this.patterns,
      epochs: this.epochs.slice(),
      pss: Array.from(this.pss.subarray(0, this.epochs.length * this.patterns)),
    };
    this.epochs.length = 0;
    return sample;
  }

  /** Full before the message goes: double the stride and keep only the epochs it still samples. */
  private thin(): void {
    this.stride *= 2;
    this.keep((epoch) => epoch % this.stride === 0);
  }

  private dropOldest(): void {
    this.keep((_, index) => index > 0);
  }

  private keep(test: (epoch: number, index: number) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.epochs.length; i++) {
      if (!test(this.epochs[i], i)) continue;
      if (kept !== i) {
        this.epochs[kept] = this.epochs[i];
        this.pss.copyWithin(kept * this.patterns, i * this.patterns, (i + 1) * this.patterns);
      }
      kept++;
    }
    this.epochs.length = kept;
  }
}
