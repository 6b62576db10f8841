/**
 * The side of an experiment worker's conversation that asks for runs, the same for a Node worker thread
 * (src-main/experiment/thread-host.ts) and a Web Worker (src-renderer/hosts/web-experiment-pool.ts): the
 * worker says `ready` once it has planned the experiment, then answers each run asked for. One run is
 * asked for at a time; a crash before `ready` is a WorkerStartError, which stops the whole pool.
 */
import { WorkerStartError, type RunWorker } from './pool';
import type { RunResult } from './run-one';

/** What an experiment worker says: `ready` once; then one reply per run asked for. */
export type RunReply = { ready: true } | { index: number; result: RunResult } | { index: number; error: string };

export interface WorkerConversation {
  /** Hand every message the worker sends here. */
  receive(reply: RunReply): void;
  /** The worker crashed or stopped: the run under way, and every later one, rejects with this (or a start error). */
  fail(crash: Error): void;
  /** Stopping the worker on purpose: not a failure to start, even before `ready`; later runs reject. */
  stopping(): void;
  /** RunWorker.run, asking the worker for run `index` through `ask`. */
  run(index: number, ask: (index: number) => void): Promise<RunResult>;
}

/** `startFailure` names the worker in the WorkerStartError: "a worker thread could not start". */
export function workerConversation(startFailure: string): WorkerConversation {
  let pending: { index: number; resolve(result: RunResult): void; reject(error: Error): void } | null = null;
  let ended: Error | null = null;
  let ready = false;
  const fail = (crash: Error) => {
    const error = ready ? crash : new WorkerStartError(`${startFailure}: ${crash.message}`);
    ended ??= error;
    if (pending) {
      pending.reject(error);
      pending = null;
    }
  };
  return {
    receive(reply) {
      if ('ready' in reply) {
        ready = true;
        return;
      }
      if (!pending || reply.index !== pending.index) return;
      const { resolve, reject } = pending;
      pending = null;
      if ('error' in reply) reject(new Error(reply.error));
      else resolve(reply.result);
    },
    fail,
    stopping() {
      ready = true;
      ended ??= new Error('the worker was stopped');
    },
    run(index, ask) {
      if (ended) return Promise.reject(ended);
      return new Promise<RunResult>((resolve, reject) => {
        pending = { index, resolve, reject };
        ask(index);
      });
    },
  };
}

/** A worker that could not even be created: every run rejects with a WorkerStartError. */
export function unstartedWorker(startFailure: string, error: Error): RunWorker {
  const failure = new WorkerStartError(`${startFailure}: ${error.message}`);
  return { run: () => Promise.reject(failure), terminate() {} };
}
