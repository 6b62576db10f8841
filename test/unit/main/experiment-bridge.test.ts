/**
 * The experiment workers' Electron glue with stand-ins for utilityProcess and MessageChannelMain: each
 * worker asked for is a process of the entry, its port goes to it and the other end to the page tagged with
 * its id; stop ends one; a crash is told to the page; closing the window ends them all.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../../src-shared/ipc/preload-api';
import { bridgeExperimentWorkers, type ExperimentLauncher } from '../../../src-main/main/experiment-bridge';

class FakeProcess extends EventEmitter {
  readonly posted: { message: unknown; transfer: unknown[] }[] = [];
  killed = false;
  postMessage(message: unknown, transfer: unknown[] = []) {
    this.posted.push({ message, transfer });
  }
  kill() {
    this.killed = true;
    this.emit('exit', 0);
    return true;
  }
}

class FakeWindow extends EventEmitter {
  destroyed = false;
  readonly posted: { channel: string; message: unknown; transfer: unknown[] }[] = [];
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly webContents = {
    postMessage: (channel: string, message: unknown, transfer: unknown[] = []) => this.posted.push({ channel, message, transfer }),
    send: (channel: string, ...args: unknown[]) => this.sent.push({ channel, args }),
  };
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    this.destroyed = true;
    this.emit('closed');
  }
}

function setUp() {
  const window = new FakeWindow();
  const processes: FakeProcess[] = [];
  const forked: string[] = [];
  const launcher: ExperimentLauncher = {
    fork: (path) => {
      forked.push(path);
      const child = new FakeProcess();
      processes.push(child);
      return child as never;
    },
    createChannel: () => ({ port1: { end: `worker ${processes.length}` }, port2: { end: `page ${processes.length}` } }) as never,
  };
  const workers = bridgeExperimentWorkers(window as never, '/app/out/main/experiment-worker.js', launcher);
  return { window, processes, forked, workers };
}

describe('the experiment workers bridge', () => {
  it('forks the entry per worker, gives it one end and posts the other to the page with the worker’s id', () => {
    const { window, processes, forked, workers } = setUp();
    expect(workers.start()).toBe(1);
    expect(workers.start()).toBe(2);
    expect(forked).toEqual(['/app/out/main/experiment-worker.js', '/app/out/main/experiment-worker.js']);
    expect(processes[0].posted).toEqual([{ message: { type: 'connect' }, transfer: [{ end: 'worker 1' }] }]);
    expect(window.posted).toEqual([
      { channel: IPC_CHANNELS.experimentPort, message: 1, transfer: [{ end: 'page 1' }] },
      { channel: IPC_CHANNELS.experimentPort, message: 2, transfer: [{ end: 'page 2' }] },
    ]);
    expect(workers.count).toBe(2);
  });

  it('stops one worker by its id, without telling the page it crashed; an unknown id does nothing', () => {
    const { window, processes, workers } = setUp();
    workers.start();
    workers.start();
    workers.stop(2);
    workers.stop(99);
    expect(processes.map((p) => p.killed)).toEqual([false, true]);
    expect(workers.count).toBe(1);
    expect(window.sent).toEqual([]);
  });

  it('tells the page when a worker ends by itself', () => {
    const { window, processes, workers } = setUp();
    workers.start();
    processes[0].emit('exit', 9);
    expect(window.sent).toEqual([{ channel: IPC_CHANNELS.experimentWorkerExit, args: [1, 'exit code 9'] }]);
    expect(workers.count).toBe(0);
  });

  it('ends every worker of the window when it closes, and starts none after', () => {
    const { window, processes, workers } = setUp();
    workers.start();
    workers.start();
    workers.start();
    window.close();
    expect(processes.every((p) => p.killed)).toBe(true);
    expect(workers.count).toBe(0);
    expect(() => workers.start()).toThrow(/closed/);
    expect(processes).toHaveLength(3);
  });
});
