/**
 * The pool's workers under Node: worker threads running run-worker. From the repository (tsx, Vitest) the
 * worker is the TypeScript file, bundled once per experiment (worker-bundle.ts; loaded through tsx if it
 * cannot be); in the app's build, its bundled entry. Another bundle (a single-file command line) passes its
 * own worker script.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { RunWorker } from '../../src-shared/experiment/pool';
import { workerConversation } from '../../src-shared/experiment/worker-conversation';
import type { ModelDocument } from '../../src-shared/model/schema';
import { ownWorkerSource } from '../cli/single-file/running';
import type { ThreadReply } from './thread-messages';
import { bundleWorkerScript } from './worker-bundle';

export function threadWorkerStarter(model: ModelDocument, script: URL = defaultWorkerScript()): () => RunWorker {
  // The single-file command line (and the standalone executable) is its own worker script.
  const own = ownWorkerSource();
  if (own) return () => startThread(model, own.script, false, own.eval);
  if (!script.pathname.endsWith('.ts')) return () => startThread(model, script, false);
  // Bundled now, while the pool gets ready; each thread starts once the code is there.
  const bundled = bundleWorkerScript(script);
  return () => startWhenReady(bundled.then((code) => () => (code === null ? startThread(model, script, true) : startThread(model, code, false, true))));
}

/** A worker that starts once `starting` gives the way to start it; stopped before that, it never starts. */
function startWhenReady(starting: Promise<() => RunWorker>): RunWorker {
  let worker: Promise<RunWorker> | null = null;
  let stopped = false;
  const started = () =>
    (worker ??= starting.then((start) => {
      if (stopped) throw new Error('the worker was stopped');
      return start();
    }));
  return {
    run: (index) => started().then((running) => running.run(index)),
    async terminate() {
      stopped = true;
      const running = await worker?.catch(() => null);
      await running?.terminate();
    },
  };
}

/**
 * From the sources, run-worker.ts beside this file; in the app's build (electron.config.ts), the
 * `experiment-worker.js` entry in out/main, beside this code's chunk or one folder up from it.
 */
function defaultWorkerScript(): URL {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('./run-worker.ts', here);
  const candidates = [new URL('./experiment-worker.js', here), new URL('../experiment-worker.js', here)];
  return candidates.find((url) => existsSync(url)) ?? candidates[0];
}

function startThread(model: ModelDocument, script: URL | string, typescript: boolean, evaluate = false): RunWorker {
  // A worker does not inherit tsx's loader from --import (Node 20): the TypeScript worker registers it itself.
  const worker = typescript
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(String(script))}); })`, { eval: true, execArgv: [], workerData: { model } })
    : new Worker(script, { eval: evaluate, workerData: { model } });
  const conversation = workerConversation('a worker thread could not start');
  worker.on('message', (reply: ThreadReply) => conversation.receive(reply));
  worker.on('error', (error) => conversation.fail(new Error(`the worker crashed: ${error.message}`)));
  worker.on('exit', (code) => conversation.fail(new Error(`the worker stopped (exit code ${code})`)));
  return {
    run: (index) => conversation.run(index, () => worker.postMessage({ index })),
    async terminate() {
      // Terminating a worker that has not yet said it is ready is not a failure to start.
      conversation.stopping();
      await worker.terminate();
    },
  };
}
