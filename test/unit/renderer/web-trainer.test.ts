import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SILENCE_MS, startWorkerTrainer } from '../../../src-renderer/hosts/web-trainer';

/** Just enough of a Worker: it records what it is sent and can say things or fail. */
class FakeWorker extends EventTarget {
  sent: unknown[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  say(data: unknown): void {
    this.dispatchEvent(Object.assign(new Event('message'), { data }));
  }
  fail(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

describe('the web build’s trainer worker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function start() {
    const workers: FakeWorker[] = [];
    const trainer = startWorkerTrainer(() => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    }, () => Date.now());
    const received: unknown[] = [];
    const restarts: string[] = [];
    trainer.endpoint.onMessage((data) => received.push(data));
    trainer.onRestarted((message) => restarts.push(message));
    return { trainer, workers, received, restarts };
  }

  it('replaces a worker that fails, and says so once; the old one is heard no more', () => {
    const { trainer, workers, received, restarts } = start();
    workers[0].fail('out of memory');
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(restarts).toEqual(['The trainer stopped unexpectedly (out of memory) and was restarted. Your model continues from its last snapshot.']);
    workers[0].say({ type: 'status' });
    workers[1].say({ type: 'metrics' });
    expect(received).toEqual([{ type: 'metrics' }]);
    trainer.endpoint.postMessage({ type: 'pause' });
    expect(workers[1].sent).toEqual([{ type: 'pause' }]);
  });

  it('replaces a worker that falls silent while training, but not one that is idle', async () => {
    const { trainer, workers, restarts } = start();
    await vi.advanceTimersByTimeAsync(SILENCE_MS * 3);
    expect(restarts).toEqual([]);

    trainer.endpoint.postMessage({ type: 'train' });
    workers[0].say({ type: 'status', status: 'training' });
    for (let t = 0; t < SILENCE_MS * 2; t += 1000) {
      await vi.advanceTimersByTimeAsync(1000);
      workers[0].say({ type: 'metrics' });
    }
    expect(restarts).toEqual([]);
    await vi.advanceTimersByTimeAsync(SILENCE_MS + 1000);
    expect(restarts).toHaveLength(1);
    expect(restarts[0]).toMatch(/stopped answering/);
    expect(workers).toHaveLength(2);
    // The new trainer has not been asked to train: no second alarm.
    await vi.advanceTimersByTimeAsync(SILENCE_MS * 3);
    expect(restarts).toHaveLength(1);
  });

  it('backs off a worker that keeps failing, as main backs off a crashing utility process', async () => {
    const { workers, restarts } = start();
    workers[0].fail('out of memory');
    expect(workers).toHaveLength(2);
    workers[1].fail('out of memory');
    // A second death within a minute waits a second before the next worker starts.
    expect(workers).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(workers).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(workers).toHaveLength(3);
    expect(workers[1].terminated).toBe(true);
    expect(restarts).toHaveLength(2);
  });
});
