/**
 * The pool with stand-in workers: a worker goes on with its next run while the last one is written (so the
 * write and the round trip never leave it idle), a lane's writes never overlap and keep their order, and a
 * failed write still stops everything with nothing run after it recorded.
 */
import { describe, expect, it } from 'vitest';
import { runPool, type RunWorker } from '../../../src-shared/experiment/pool';
import type { RunResult } from '../../../src-shared/experiment/run-one';

/** A stand-in result: only the index matters to the pool. */
const result = (index: number) => ({ index }) as RunResult;

/** Rejects after `ms` unless `promise` settles first: a pool that waits forever fails the test instead. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms`)), ms))]);
}

describe('the experiment pool', () => {
  it('asks a worker for its next run before the last one is written', async () => {
    const asked: number[] = [];
    let askedForSecond: () => void = () => undefined;
    const secondAsked = new Promise<void>((resolve) => (askedForSecond = resolve));
    const worker: RunWorker = {
      run: async (index) => {
        asked.push(index);
        if (index === 1) askedForSecond();
        return result(index);
      },
      terminate: () => undefined,
    };
    const written: number[] = [];
    const pool = runPool({
      indices: [0, 1, 2],
      jobs: 1,
      startWorker: () => worker,
      // Run 0's write finishes only once the worker has been asked for run 1.
      onFinished: async (run) => {
        if (run.index === 0) await secondAsked;
        written.push(run.index);
      },
      onFailed: () => undefined,
    });
    expect(await within(pool, 5000, 'the pool')).toEqual({ finished: 3, failed: 0, stopped: false });
    expect(asked).toEqual([0, 1, 2]);
    expect(written).toEqual([0, 1, 2]);
  });

  it('writes one run at a time per lane, in the order they finished, and every write is done when it returns', async () => {
    let writing = 0;
    let most = 0;
    const written: number[] = [];
    const outcome = await runPool({
      indices: Array.from({ length: 8 }, (_, i) => i),
      jobs: 1,
      startWorker: () => ({ run: async (index) => result(index), terminate: () => undefined }),
      onFinished: async (run) => {
        most = Math.max(most, ++writing);
        await new Promise((resolve) => setTimeout(resolve, 5));
        written.push(run.index);
        writing--;
      },
      onFailed: () => undefined,
    });
    expect(outcome).toEqual({ finished: 8, failed: 0, stopped: false });
    expect(most).toBe(1);
    expect(written).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('stops on a failed write: the run computed meanwhile is abandoned, not recorded, and its worker stopped', async () => {
    const recorded: number[] = [];
    let terminated = 0;
    let release: () => void = () => undefined;
    const worker: RunWorker = {
      // Run 1 (computed while run 0 is written) finishes only when its worker is stopped: abandoned.
      run: (index) => (index === 1 ? new Promise((_, reject) => (release = () => reject(new Error('the worker was stopped')))) : Promise.resolve(result(index))),
      terminate: () => {
        terminated++;
        release();
      },
    };
    const pool = runPool({
      indices: [0, 1, 2, 3],
      jobs: 1,
      startWorker: () => worker,
      onFinished: async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        throw new Error('ENOSPC: no space left on device');
      },
      onFailed: (index) => void recorded.push(index),
    });
    await expect(within(pool, 5000, 'the pool')).rejects.toThrow(/ENOSPC/);
    expect(recorded).toEqual([]);
    expect(terminated).toBeGreaterThanOrEqual(1);
  });

  it('records a crash after a run was written as that run failing, and goes on on a fresh worker', async () => {
    let started = 0;
    const written: number[] = [];
    const failed: number[] = [];
    const outcome = await runPool({
      indices: [0, 1, 2, 3],
      jobs: 1,
      startWorker: () => {
        started++;
        return { run: async (index) => (index === 1 ? Promise.reject(new Error('the worker crashed')) : result(index)), terminate: () => undefined };
      },
      onFinished: async (run) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        written.push(run.index);
      },
      onFailed: (index) => void failed.push(index),
    });
    expect(outcome).toEqual({ finished: 3, failed: 1, stopped: false });
    expect(written).toEqual([0, 2, 3]);
    expect(failed).toEqual([1]);
    expect(started).toBe(2);
  });
});
