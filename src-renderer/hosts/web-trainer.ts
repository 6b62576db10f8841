/** The web build's trainer: a module Web Worker of this page, reached through its message channel. */
import type { MessageEndpoint, TrainerCommand, TrainerEvent } from '../../src-shared/ipc/trainer-protocol';

export function startWorkerTrainer(): MessageEndpoint<TrainerCommand> {
  const worker = new Worker(new URL('./trainer-worker.ts', import.meta.url), { type: 'module' });
  return {
    postMessage: (command) => worker.postMessage(command),
    onMessage: (handler) => {
      worker.addEventListener('message', (event) => handler(event.data));
      // A worker that fails to start or crashes says so only here; tell the user through the same channel.
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        handler(failure(`The trainer stopped working: ${event.message || 'its script could not be loaded'}.`));
      });
      worker.addEventListener('messageerror', () => handler(failure('A message from the trainer could not be read.')));
    },
  };
}

function failure(message: string): TrainerEvent {
  return { type: 'error', message, command: null };
}
