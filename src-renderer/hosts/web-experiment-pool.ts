/**
 * The pool's workers in the page (web build, and the desktop app's renderer): module Web Workers running
 * experiment-worker. `makeWorker` is replaceable so the glue is tested with a fake worker.
 */
import { WorkerStartError, type RunWorker } from '../../src-shared/experiment/pool';
import type { RunResult } from '../../src-shared/experiment/run-one';
import type { ModelDocument } from '../../src-shared/model/schema';
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

export function webWorkerStarter(model: ModelDocument, makeWorker: () => WorkerLike = defaultWorker): () => RunWorker {
  return () => startWorker(model, makeWorker);
}

function startWorker(model: ModelDocument, makeWorker: () => WorkerLike): RunWorker {
  let pending: { index: number; resolve(result: RunResult): void; reject(error: Error): void } | null = null;
  let ended: Error | null = null;
  let ready = false;
  const fail = (crash: Error) => {
    const error = ready ? crash : new WorkerStartError(`an experiment worker could not start: ${crash.message}`);
    ended ??= error;
    if (pending) {
      pending.reject(error);
      pending = null;
    }
  };
  let worker: WorkerLike;
  try {
    worker = makeWorker();
  } catch (error) {
    const failure = new WorkerStartError(`an experiment worker could not start: ${(error as Error).message}`);
    return { run: () => Promise.reject(failure), terminate() {} };
  }
  worker.addEventListener('message', ({ data: reply }) => {
    if ('ready' in reply) {
      ready = true;
      return;
    }
    if (!pending || reply.index !== pending.index) return;
    const { resolve, reject } = pending;
    pending = null;
    if ('error' in reply) reject(new Error(reply.error));
    else resolve(reply.result);
  });
  worker.addEventListener('error', (event) => fail(new Error(`the worker crashed: ${event.message ?? 'no message'}`)));
  // $state proxies cannot be cloned into a worker: the model goes as plain data.
  worker.postMessage({ model: JSON.parse(JSON.stringify(model)) as ModelDocument });
  return {
    run(index) {
      if (ended) return Promise.reject(ended);
      return new Promise<RunResult>((resolve, reject) => {
        pending = { index, resolve, reject };
        worker.postMessage({ index });
      });
    },
    terminate() {
      ready = true;
      // A terminated Web Worker says nothing more (a worker thread reports its exit): the run under way ends here.
      fail(new Error('the worker was stopped'));
      worker.terminate();
    },
  };
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./experiment-worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}
