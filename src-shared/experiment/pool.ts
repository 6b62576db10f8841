/**
 * Runs an experiment's runs on several workers. The hosts differ only in how a worker starts (a worker
 * thread under Node, a utility process in Electron, a Web Worker in the browser): they pass `startWorker`.
 * Which worker computes a run never changes its bits, so results are the same for any number of workers.
 */
import type { RunResult } from './run-one';

/**
 * A worker that could not start at all (its script would not load, say): every run would fail the same way,
 * so the pool stops with this error instead of recording each run as failed.
 */
export class WorkerStartError extends Error {}

export interface RunWorker {
  /**
   * Computes run `index`; rejects when the worker crashed or the run threw (the message says which), with a
   * WorkerStartError when the worker never became ready.
   */
  run(index: number): Promise<RunResult>;
  terminate(): void | Promise<void>;
}

export interface PoolOptions {
  /** The runs still to compute, in the order they are handed out. */
  indices: readonly number[];
  jobs: number;
  startWorker: () => RunWorker;
  /**
   * Called once per finished run (writing it to disk, say), while that run's worker already computes its
   * next run; a lane's calls never overlap. If it throws (a full disk), no new run starts, the runs under way
   * are abandoned, and runPool rejects with that error once every worker has stopped.
   */
  onFinished(result: RunResult): Promise<void> | void;
  /** A run whose worker crashed: recorded as failed, and the other runs go on on a fresh worker. */
  onFailed(index: number, message: string): Promise<void> | void;
  /** Abort: no new run starts; the runs under way are abandoned (their workers terminated). */
  signal?: AbortSignal;
}

export interface PoolOutcome {
  finished: number;
  failed: number;
  /** True when the signal stopped the pool before every run was handed out and done. */
  stopped: boolean;
}

export async function runPool(options: PoolOptions): Promise<PoolOutcome> {
  const { indices, signal } = options;
  const jobs = Math.max(1, Math.min(options.jobs, indices.length));
  let next = 0;
  let fatal: { error: unknown } | null = null;
  const outcome: PoolOutcome = { finished: 0, failed: 0, stopped: false };
  const live = new Set<RunWorker>();
  const stopAll = () => {
    for (const worker of live) void worker.terminate();
  };
  signal?.addEventListener('abort', stopAll, { once: true });

  async function report(write: () => Promise<void> | void): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      fatal ??= { error };
      stopAll();
      return false;
    }
  }

  async function lane(): Promise<void> {
    let worker: RunWorker | null = null;
    // The write of this lane's last finished run (true when it succeeded). The worker computes the next run
    // meanwhile: a run's round trip to this thread and its write (a flush to disk) never leave it idle.
    let writing: Promise<boolean> = Promise.resolve(true);
    try {
      while (next < indices.length && !signal?.aborted && !fatal) {
        const index = indices[next++];
        if (!worker) {
          worker = options.startWorker();
          live.add(worker);
        }
        let result: RunResult;
        try {
          result = await worker.run(index);
        } catch (error) {
          if (!(await writing) || signal?.aborted || fatal) break;
          if (error instanceof WorkerStartError) {
            fatal ??= { error };
            stopAll();
            break;
          }
          outcome.failed++;
          if (!(await report(() => options.onFailed(index, error instanceof Error ? error.message : String(error))))) break;
          // A crashed worker may hold broken state: the next run gets a fresh one.
          live.delete(worker);
          await worker.terminate();
          worker = null;
          continue;
        }
        // One write at a time per lane, in the order the runs finished.
        if (!(await writing)) break;
        writing = report(() => options.onFinished(result)).then((written) => {
          if (written) outcome.finished++;
          return written;
        });
      }
    } finally {
      await writing;
      if (worker) {
        live.delete(worker);
        await worker.terminate();
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: jobs }, lane));
  } finally {
    signal?.removeEventListener('abort', stopAll);
  }
  if (fatal) throw (fatal as { error: unknown }).error;
  outcome.stopped = Boolean(signal?.aborted) && outcome.finished + outcome.failed < indices.length;
  return outcome;
}
