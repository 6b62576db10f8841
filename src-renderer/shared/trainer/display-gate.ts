/**
 * The display rate for lecturers: how often the run on screen moves. At full speed every epoch is drawn
 * (live), or only every 10th, 100th or 1000th — the trainer runs as fast as ever, but the charts and the
 * readouts step in round numbers a room can follow, and always land on the exact final epoch at a pause or
 * a stop. Slow motion is the other way round: the trainer itself is paced (a few epochs a second) and every
 * epoch is drawn. Plain TypeScript, unit-tested; display-rate.svelte.ts makes it reactive.
 */

/** One choice of the Display control. `every`: draw only epochs that are multiples of it (1: each one). */
export interface DisplayChoice {
  id: string;
  label: string;
  every: number;
  /** Slow motion: the trainer runs at most this many epochs a second; null is full speed. */
  epochsPerSecond: number | null;
}

export const DISPLAY_CHOICES: readonly DisplayChoice[] = [
  { id: 'live', label: 'Every epoch', every: 1, epochsPerSecond: null },
  { id: 'every-10', label: 'Every 10 epochs', every: 10, epochsPerSecond: null },
  { id: 'every-100', label: 'Every 100 epochs', every: 100, epochsPerSecond: null },
  { id: 'every-1000', label: 'Every 1000 epochs', every: 1000, epochsPerSecond: null },
  { id: 'slow-50', label: 'Slow: 50 epochs/s', every: 1, epochsPerSecond: 50 },
  { id: 'slow-20', label: 'Slow: 20 epochs/s', every: 1, epochsPerSecond: 20 },
  { id: 'slow-10', label: 'Slow: 10 epochs/s', every: 1, epochsPerSecond: 10 },
  { id: 'slow-5', label: 'Slow: 5 epochs/s', every: 1, epochsPerSecond: 5 },
  { id: 'slow-2', label: 'Slow: 2 epochs/s', every: 1, epochsPerSecond: 2 },
  { id: 'slow-1', label: 'Slow: 1 epoch/s', every: 1, epochsPerSecond: 1 },
];

export const LIVE: DisplayChoice = DISPLAY_CHOICES[0];

export function displayChoice(id: string | null | undefined): DisplayChoice {
  return DISPLAY_CHOICES.find((choice) => choice.id === id) ?? LIVE;
}

/** The choice that matches a pace the trainer was given elsewhere (null: none of the slow ones). */
export function choiceForPace(epochsPerSecond: number): DisplayChoice | null {
  return DISPLAY_CHOICES.find((choice) => choice.epochsPerSecond === epochsPerSecond) ?? null;
}

/**
 * The epoch to show, given the one shown before and the trainer's latest. While a run goes on (`live`),
 * the shown epoch moves only when the run crosses a multiple of `every`, and then to that multiple (its
 * values are all in the series, so what is drawn is exact for it); it never moves backwards within a run,
 * so a run resumed at epoch 357 stays there until 400. Otherwise — paused, stopped, stepped, reset — the
 * trainer's epoch is shown as it is. Skipping intermediate calls gives the same answer, so a lazy caller
 * that looks only now and then is fine.
 */
export function shownEpoch(previous: number, epoch: number, every: number, live: boolean): number {
  if (!live || every <= 1) return epoch;
  const crossed = Math.floor(epoch / every) * every;
  if (epoch < previous) return crossed;
  return Math.max(previous, crossed);
}

/**
 * The step the display moves in: `every`, or — once a long run's history keeps only every stride-th epoch
 * (src-shared/model/epoch-history.ts) — the least common multiple of both, so that each epoch shown is one
 * the series holds, with its exact values ("every 100 epochs" becomes every 200 at stride 8).
 */
export function displayStep(every: number, historyStride: number): number {
  if (every <= 1) return 1;
  let [a, b] = [every, historyStride];
  while (b !== 0) [a, b] = [b, a % b];
  return (every / a) * historyStride;
}

/** The same with its memory: feed it the trainer's epochs, it says which one to show. */
export class DisplayGate {
  private shown = 0;

  constructor(private every = 1) {}

  setEvery(every: number): void {
    this.every = every;
  }

  /** Where the display stands after the trainer reported `epoch` (live: still training). */
  offer(epoch: number, live: boolean): number {
    this.shown = shownEpoch(this.shown, epoch, this.every, live);
    return this.shown;
  }
}

/** How many of the ascending `epochs` are at or before `epoch` (by bisection): the part of a series to draw. */
export function countUpTo(epochs: ArrayLike<number>, epoch: number): number {
  let low = 0;
  let high = epochs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (epochs[mid] <= epoch) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The value recorded for exactly `epoch`, or null when the series has none. */
export function valueAt(epochs: ArrayLike<number>, values: ArrayLike<number>, epoch: number): number | null {
  const at = countUpTo(epochs, epoch) - 1;
  return at >= 0 && epochs[at] === epoch ? values[at] : null;
}
