/**
 * Keeps a window's trainer alive. The page asks for a trainer (at start-up, after a reload) and gets a
 * fresh one; when the trainer process dies on its own — a crash, running out of memory, killed from
 * outside — the supervisor starts a new one and hands the page a new port with one message for the user,
 * and the page loads its last snapshot into it. Runs the same against Electron's utility processes and
 * plain Node child processes: all it knows of either is `start`, `deliver` and the trainer's exit.
 */

/** A running trainer process, as the supervisor needs it. */
export interface SupervisedTrainer {
  /** `listener` runs once when the process has ended, with a few words on how (an exit code, a signal). */
  onExit(listener: (how: string) => void): void;
  kill(): void;
}

export interface TrainerSupervisorOptions<PagePort> {
  /** Starts a trainer process and joins it to a new channel; returns the page's end of the channel. */
  start(): { trainer: SupervisedTrainer; pagePort: PagePort };
  /** Hands the page its port; `restarted` is the message to show when this replaces a trainer that died. */
  deliver(pagePort: PagePort, restarted: string | null): void;
  /** setTimeout, returning a function that cancels it. */
  schedule(run: () => void, delayMs: number): () => void;
  now(): number;
  warn?(message: string): void;
}

export interface TrainerSupervisor {
  /** Ends the current trainer, if any, and connects the page to a fresh one. */
  connect(): void;
  /** Ends the trainer for good (the window closed). */
  dispose(): void;
}

/** Deaths closer together than this count as one bout of crashing, and back off. */
export const CRASH_WINDOW_MS = 60_000;
const MAX_DELAY_MS = 30_000;

/**
 * How long to wait before restarting, given the times of recent deaths (the latest included): at once
 * for the first, then 1, 2, 4… seconds up to 30, so a model that crashes the trainer whenever it is loaded
 * does not spin a core.
 */
export function restartDelay(deathTimes: readonly number[], now: number): number {
  const recent = deathTimes.filter((time) => now - time < CRASH_WINDOW_MS).length;
  return recent <= 1 ? 0 : Math.min(MAX_DELAY_MS, 1000 * 2 ** (recent - 2));
}

export function restartMessage(how: string): string {
  return `The trainer stopped unexpectedly (${how}) and was restarted. Your model continues from its last snapshot.`;
}

export function superviseTrainer<PagePort>(options: TrainerSupervisorOptions<PagePort>): TrainerSupervisor {
  const warn = options.warn ?? ((message: string) => console.warn(message));
  let current: SupervisedTrainer | null = null;
  let cancelRestart: (() => void) | null = null;
  let disposed = false;
  let deaths: number[] = [];

  function stopCurrent(): void {
    cancelRestart?.();
    cancelRestart = null;
    const trainer = current;
    // Cleared first: the exit this kill causes is then not taken for a crash.
    current = null;
    trainer?.kill();
  }

  function launch(restarted: string | null): void {
    const { trainer, pagePort } = options.start();
    current = trainer;
    trainer.onExit((how) => {
      if (current === trainer) died(how);
    });
    options.deliver(pagePort, restarted);
  }

  function died(how: string): void {
    current = null;
    const now = options.now();
    deaths = [...deaths.filter((time) => now - time < CRASH_WINDOW_MS), now];
    const delay = restartDelay(deaths, now);
    warn(`The trainer died (${how}); starting a new one${delay > 0 ? ` in ${delay / 1000} s` : ''}.`);
    cancelRestart = options.schedule(() => {
      cancelRestart = null;
      if (!disposed && current === null) launch(restartMessage(how));
    }, delay);
  }

  return {
    connect() {
      if (disposed) return;
      stopCurrent();
      launch(null);
    },
    dispose() {
      disposed = true;
      stopCurrent();
    },
  };
}
