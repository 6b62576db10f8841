/**
 * One of a run's per-epoch histories (tss, fraction correct, test tss) as the trainer streams it: growable
 * typed arrays, so a long run appends without copying every batch and the chart reads views of them
 * directly. It holds the entries the trainer's history holds — every epoch, or every stride-th of a long
 * run (src-shared/model/epoch-history.ts) — so it never grows past HISTORY_CAPACITY entries.
 */
export class EpochSeries {
  private epochs = new Float64Array(1024);
  private tss = new Float64Array(1024);
  length = 0;
  /** Every held epoch is a multiple of this; the held ones are every multiple up to the last. */
  stride = 1;

  /**
   * Appends a metrics batch: entries at firstEpoch, firstEpoch + stride, … Held entries the stride no
   * longer keeps are dropped first, and anything held from firstEpoch on (an earlier run's) is replaced.
   */
  append(firstEpoch: number, stride: number, tss: ArrayLike<number>): void {
    this.thin(stride);
    this.truncate(firstEpoch - 1);
    this.reserve(this.length + tss.length);
    for (let i = 0; i < tss.length; i++) {
      this.epochs[this.length] = firstEpoch + i * stride;
      this.tss[this.length] = tss[i];
      this.length++;
    }
  }

  /** The last epoch held, or null when there is none. */
  lastEpoch(): number | null {
    return this.length > 0 ? this.epochs[this.length - 1] : null;
  }

  /** Keeps only epochs up to and including `lastEpoch`. */
  private truncate(lastEpoch: number): void {
    while (this.length > 0 && this.epochs[this.length - 1] > lastEpoch) this.length--;
  }

  /** Keeps only the held epochs that are multiples of `stride` (a power of two, like every stride held). */
  private thin(stride: number): void {
    if (stride <= this.stride) {
      this.stride = stride;
      return;
    }
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      if (this.epochs[i] % stride !== 0) continue;
      this.epochs[kept] = this.epochs[i];
      this.tss[kept] = this.tss[i];
      kept++;
    }
    this.length = kept;
    this.stride = stride;
  }

  /** uPlot's aligned data: x = epoch, y = tss; views, valid until the next append. */
  data(): [Float64Array, Float64Array] {
    return [this.epochs.subarray(0, this.length), this.tss.subarray(0, this.length)];
  }

  private reserve(capacity: number): void {
    if (capacity <= this.epochs.length) return;
    let size = this.epochs.length;
    while (size < capacity) size *= 2;
    this.epochs = grow(this.epochs, size, this.length);
    this.tss = grow(this.tss, size, this.length);
  }
}

function grow(array: Float64Array, size: number, used: number): Float64Array<ArrayBuffer> {
  const larger = new Float64Array(size);
  larger.set(array.subarray(0, used));
  return larger;
}
