/**
 * The pool's workers in the page (web build, and the desktop app's renderer): module Web Workers running
 * experiment-worker. `makeWorker` is replaceable so the glue is tested with a fake worker.
 */
import type { RunWorker } from '../../../src-shared/experiment/pool';
import { unstartedWorker, workerConversation } from '../../../src-shared/experiment/worker-conversation';
import type { ModelDocument } from '../../../src-shared/model/schema';
import type { RunExtras } from '../../../src-shared/experiment/run-angles';
import type { ExperimentReply, ExperimentRequest } from './experiment-messages';

/** What the glue needs of a Worker. */
export interface WorkerLike {
  postMessage(message: ExperimentRequest): void;
  addEventListener(type: 'message', listener: (event: { data: ExperimentReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

/** One fewer than the cores, so the page stays smooth; at least one. */
export function defaultExperimentJobs(cores: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
  return Math.max(1, (cores ?? 2) - 1);
}

/** `extras`: what the runs record beyond the experiment's measures (Compare rules' angles). */
export function webWorkerStarter(model: ModelDocument, makeWorker: () => WorkerLike = defaultWorker, extras?: RunExtras): () => RunWorker {
  return () => startWorker(model, makeWorker, extras);
}

const START_FAILURE = 'an experiment worker could not start';

function startWorker(model: ModelDocument, makeWorker: () => WorkerLike, extras: RunExtras | undefined): RunWorker {
  const conversation = workerConversation(START_FAILURE);
  let worker: WorkerLike;
  try {
    worker = makeWorker();
  } catch (error) {
    return unstartedWorker(START_FAILURE, error as Error);
  }
  worker.addEventListener('message', ({ data: reply }) => conversation.receive(reply));
  worker.addEventListener('error', (event) => conversation.fail(new Error(`the worker crashed: ${event.message ?? 'no message'}`)));
  // $state proxies cannot be cloned into a worker: the model goes as plain data.
  worker.postMessage({ model: JSON.parse(JSON.stringify(model)) as ModelDocument, ...(extras ? { extras } : {}) });
  return {
    run: (index) => conversation.run(index, () => worker.postMessage({ index })),
    terminate() {
      conversation.stopping();
      // A terminated Web Worker says nothing more (a worker thread reports its exit): the run under way ends here.
      conversation.fail(new Error('the worker was stopped'));
      worker.terminate();
    },
  };
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./experiment-worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}
