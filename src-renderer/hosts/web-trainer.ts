/**
 * The web build's trainer: a module Web Worker of this page, reached through its message channel. A worker
 * that crashes — an uncaught failure, or silence while it should be training (terminated, hung, killed by
 * the browser) — is replaced by a new one, as main replaces a crashed utility process in the app: the page
 * is told (onRestarted) and gives the new trainer the model with its last snapshot.
 */
import type { MessageEndpoint, TrainerCommand } from '../../src-shared/ipc/trainer-protocol';

export interface WorkerTrainer {
  endpoint: MessageEndpoint<TrainerCommand>;
  onRestarted(listener: (message: string) => void): () => void;
}

/** A training trainer posts metrics 20 times a second (and in slow motion at least once an epoch): this much silence is a dead one. */
export const SILENCE_MS = 5000;

export function startWorkerTrainer(create: () => Worker = defaultWorker, now = () => performance.now()): WorkerTrainer {
  const handlers: Array<(data: unknown) => void> = [];
  const restartListeners = new Set<(message: string) => void>();
  let worker = attach(create());
  /** Whether the trainer should be talking (it is training), and when it last did. */
  let busy = false;
  let lastHeard = now();
  setInterval(() => {
    if (busy && now() - lastHeard > SILENCE_MS) replace(worker, `it stopped answering for ${SILENCE_MS / 1000} seconds`);
  }, 1000);

  function attach(next: Worker): Worker {
    next.addEventListener('message', (event) => {
      if (next !== worker) return;
      lastHeard = now();
      const data = event.data as { type?: unknown; status?: unknown } | null;
      if (data?.type === 'status') busy = data.status === 'training';
      for (const handler of handlers) handler(event.data);
    });
    // An uncaught failure in the worker, or a script that could not load: the trainer is gone.
    next.addEventListener('error', (event) => {
      event.preventDefault();
      replace(next, event.message || 'its script could not be loaded');
    });
    next.addEventListener('messageerror', () => {
      for (const handler of handlers) handler({ type: 'error', message: 'A message from the trainer could not be read.', command: null });
    });
    return next;
  }

  function replace(dead: Worker, detail: string): void {
    if (dead !== worker) return;
    dead.terminate();
    busy = false;
    worker = attach(create());
    const message = `The trainer stopped unexpectedly (${detail}) and was restarted. Your model continues from its last snapshot.`;
    for (const listener of restartListeners) listener(message);
  }

  return {
    endpoint: {
      postMessage: (command) => {
        if (command.type === 'train' || command.type === 'step' || command.type === 'stepPattern') {
          busy = true;
          lastHeard = now();
        }
        worker.postMessage(command);
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
