/**
 * How a run's per-epoch history (tss, fraction correct, the test set's tss) is kept, bounded whatever the
 * run's length: every epoch until HISTORY_CAPACITY entries are held; then every other entry is dropped and
 * the stride doubles. A history of stride s holds the epochs s, 2s, 3s, … up to the epoch trained — between
 * half of HISTORY_CAPACITY and all of it — and the same epochs whoever trains the model and however the
 * work is sliced, so a saved file, the workbench's curve and the command line's log agree to the bit.
 */

/** Entries held before a history thins: every epoch of a run up to 65,536 epochs is kept. */
export const HISTORY_CAPACITY = 1 << 16;

/** How many entries a history of `stride` holds after `epoch` epochs. */
export function historyLength(epoch: number, stride: number): number {
  return Math.floor(epoch / stride);
}

/** The epoch of entry `index` (0 first). */
export function historyEpoch(index: number, stride: number): number {
  return (index + 1) * stride;
}

/** Whether a history of `stride` records `epoch`. */
export function recordsEpoch(epoch: number, stride: number): boolean {
  return epoch % stride === 0;
}

/** A whole power of two, at least 1: the only strides the rule above produces. */
export function isHistoryStride(stride: number): boolean {
  return Number.isSafeInteger(stride) && stride >= 1 && (stride & (stride - 1)) === 0 && stride <= 2 ** 30;
}

/**
 * Keeps every other entry in place — those at epochs 2s, 4s, … — for a stride twice as long. `values` holds
 * entries of one history in order, epoch s first.
 */
export function thinHistory(values: number[]): void {
  let kept = 0;
  for (let i = 1; i < values.length; i += 2) values[kept++] = values[i];
  values.length = kept;
}
