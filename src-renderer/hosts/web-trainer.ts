/**
 * The web build's trainer: a module Web Worker of this page, reached through its message channel. A worker
 * that crashes — an uncaught failure, or silence while it should be training (SilenceWatch) — is replaced
 * by the same supervisor that replaces a crashed utility process in the app, with its back-off: the page is
 * told (onRestarted) and gives the new trainer the model with its last snapshot.
 */
import type { MessageEndpoint, TrainerCommand } from '../../src-shared/ipc/trainer-protocol';
import { SILENCE_MS, SilenceWatch } from '../../src-shared/trainer/silence-watch';
import { superviseTrainer, type SupervisedTrainer } from '../../src-shared/trainer/trainer-supervisor';

export { SILENCE_MS } from '../../src-shared/trainer/silence-watch';

export interface WorkerTrainer {
  endpoint: MessageEndpoint<TrainerCommand>;
  onRestarted(listener: (message: string) => void): () => void;
}

/** How often a training worker's silence is checked. */
const CHECK_MS = 1000;

export function startWorkerTrainer(create: () => Worker = defaultWorker, now = () => performance.now()): WorkerTrainer {
  const handlers: Array<(data: unknown) => void> = [];
  const restartListeners = new Set<(message: string) => void>();
  let worker: Worker | null = null;
  let watch = new SilenceWatch(now);
  /** Ends the current worker as a crash would: the supervisor then replaces it. */
  let exited: ((how: string) => void) | null = null;

  setInterval(() => {
    if (watch.silent()) exited?.(`it stopped answering for ${SILENCE_MS / 1000} seconds`);
  }, CHECK_MS);

  function start(): { trainer: SupervisedTrainer; pagePort: Worker } {
    const next = create();
    let onExit: ((how: string) => void) | null = null;
    let ended = false;
    const exit = (how: string) => {
      if (ended) return;
      ended = true;
      next.terminate();
      onExit?.(how);
    };
    exited = exit;
    next.addEventListener('message', (event) => {
      if (next !== worker) return;
      watch.heard(event.data);
      for (const handler of handlers) handler(event.data);
    });
    // An uncaught failure in the worker, or a script that could not load: the trainer is gone.
    next.addEventListener('error', (event) => {
      event.preventDefault();
      exit(event.message || 'its script could not be loaded');
    });
    next.addEventListener('messageerror', () => {
      for (const handler of handlers) handler({ type: 'error', message: 'A message from the trainer could not be read.', command: null });
    });
    const trainer: SupervisedTrainer = {
      onExit: (listener) => void (onExit = listener),
      kill: () => {
        ended = true;
        next.terminate();
      },
    };
    return { trainer, pagePort: next };
  }

  const supervisor = superviseTrainer<Worker>({
    start,
    deliver(next, restarted) {
      worker?.terminate();
      worker = next;
      watch = new SilenceWatch(now);
      if (restarted) for (const listener of restartListeners) listener(restarted);
    },
    // The first death is replaced at once, in the same turn (the supervisor backs off repeated ones).
    schedule(run, delayMs) {
      if (delayMs === 0) {
        run();
        return () => undefined;
      }
      const timer = setTimeout(run, delayMs);
      return () => clearTimeout(timer);
    },
    now,
    // The page tells the user itself (onRestarted): the browser's console stays clean.
    warn: () => undefined,
  });
  supervisor.connect();

  return {
    endpoint: {
      postMessage: (command) => {
        watch.sent(command);
        worker?.postMessage(command);
      },
      onMessage: (handler) => void handlers.push(handler),
    },
    onRestarted(listener) {
      restartListeners.add(listener);
      return () => restartListeners.delete(listener);
    },
  };
}

function defaultWorker(): Worker {
  return new Worker(new URL('./trainer-worker.ts', import.meta.url), { type: 'module' });
}
