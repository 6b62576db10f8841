/**
 * At most one showing per interval while holding back, and at once otherwise: the rule behind HeldValue,
 * plain so it is tested with a fake clock. A value offered too soon is shown when the interval ends (the
 * latest one then, since `show` reads it at that moment); nothing offered is ever lost.
 */
export interface Clock {
  now(): number;
  /** Runs `run` after `ms`; returns a function that cancels it. */
  schedule(run: () => void, ms: number): () => void;
}

export const realClock: Clock = {
  now: () => performance.now(),
  schedule(run, ms) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

export class RateLimit {
  private last = Number.NEGATIVE_INFINITY;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock = realClock,
  ) {}

  /** A new value is there: `show` it now, or once the interval since the last showing has passed. */
  offer(show: () => void, holding: boolean): void {
    if (!holding) {
      this.dispose();
      this.showNow(show);
      return;
    }
    const wait = this.last + this.intervalMs - this.clock.now();
    if (wait <= 0) {
      this.dispose();
      this.showNow(show);
    } else {
      this.cancel ??= this.clock.schedule(() => {
        this.cancel = null;
        this.showNow(show);
      }, wait);
    }
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private showNow(show: () => void): void {
    this.last = this.clock.now();
    show();
  }
}
