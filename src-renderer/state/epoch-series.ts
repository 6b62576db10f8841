/**
 * tss per epoch as the trainer streams it: growable typed arrays, so a long run appends without copying
 * every batch and the chart reads views of them directly.
 */
export class EpochSeries {
  private epochs = new Float64Array(1024);
  private tss = new Float64Array(1024);
  length = 0;

  /** Appends a metrics batch; anything already held from firstEpoch on (an earlier run's) is replaced. */
  append(firstEpoch: number, tss: ArrayLike<number>): void {
    this.truncate(firstEpoch - 1);
    this.reserve(this.length + tss.length);
    for (let i = 0; i < tss.length; i++) {
      this.epochs[this.length] = firstEpoch + i;
      this.tss[this.length] = tss[i];
      this.length++;
    }
  }

  /** Holds exactly this history (epoch 1 first): a loaded model's curve, or the trainer's own record. */
  replace(tss: ArrayLike<number>): void {
    this.length = 0;
    this.append(1, tss);
  }

  /** The tss of the last epoch held, or null when there is none. */
  last(): number | null {
    return this.length > 0 ? this.tss[this.length - 1] : null;
  }

  /** Keeps only epochs up to and including `lastEpoch` (after a reset: 0, nothing). */
  truncate(lastEpoch: number): void {
    while (this.length > 0 && this.epochs[this.length - 1] > lastEpoch) this.length--;
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
