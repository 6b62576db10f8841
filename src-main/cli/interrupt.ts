/**
 * Ctrl-C while the command line works: the first asks the work to stop at its next safe point (train saves
 * what it reached, as Pause would), the second ends the process at once with the shell's status for
 * SIGINT, 130, for when that safe point is too far or the save hangs.
 */
export const INTERRUPTED_EXIT_CODE = 130;

/** What a SIGINT does: `pause` the first time, `exit` the next. */
export function interruptHandler(pause: () => void, exit: (code: number) => void): () => void {
  let interrupted = false;
  return () => {
    if (interrupted) {
      exit(INTERRUPTED_EXIT_CODE);
      return;
    }
    interrupted = true;
    pause();
  };
}

/** Listens for Ctrl-C on this process until the returned function is called. */
export function onProcessInterrupt(pause: () => void): () => void {
  const handler = interruptHandler(pause, (code) => process.exit(code));
  process.on('SIGINT', handler);
  return () => void process.off('SIGINT', handler);
}
