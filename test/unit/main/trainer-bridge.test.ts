import { EventEmitter } from 'node:events';
import type { BrowserWindow, MessageChannelMain, UtilityProcess } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../src-shared/ipc/preload-api';
import { bridgeTrainer, type TrainerLauncher } from '../../../src-main/main/trainer-bridge';

/** Stand-ins for the Electron objects the bridge touches, recording what it does to them. */
class FakeTrainer extends EventEmitter {
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
  readonly sent: { channel: string; message: unknown; transfer: unknown[] }[] = [];
  readonly webContents = {
    postMessage: (channel: string, message: unknown, transfer: unknown[] = []) => this.sent.push({ channel, message, transfer }),
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
  const trainers: FakeTrainer[] = [];
  const forkedPaths: string[] = [];
  const channels: { port1: object; port2: { end: string; close(): void } }[] = [];
  const launcher: TrainerLauncher = {
    fork: (modulePath) => {
      forkedPaths.push(modulePath);
      const trainer = new FakeTrainer();
      trainers.push(trainer);
      return trainer as unknown as UtilityProcess;
    },
    createChannel: () => {
      const channel = { port1: { end: 'trainer' }, port2: { end: 'window', close: vi.fn() } };
      channels.push(channel);
      return channel as unknown as MessageChannelMain;
    },
  };
  const bridge = bridgeTrainer(window as unknown as BrowserWindow, '/app/out/main/trainer.js', launcher, () => undefined);
  return { window, trainers, forkedPaths, channels, bridge };
}

afterEach(() => vi.useRealTimers());

describe('the trainer bridge', () => {
  it('starts nothing until the page asks', () => {
    const { trainers } = setUp();
    expect(trainers).toHaveLength(0);
  });

  it('forks the trainer bundle and splits one channel between the trainer and the window', () => {
    const { window, trainers, forkedPaths, channels, bridge } = setUp();
    bridge.connect();

    expect(forkedPaths).toEqual(['/app/out/main/trainer.js']);
    const [{ port1, port2 }] = channels;
    expect(trainers[0].posted).toEqual([{ message: { type: 'connect' }, transfer: [port1] }]);
    expect(window.sent).toEqual([{ channel: IPC_CHANNELS.trainerPort, message: null, transfer: [port2] }]);
  });

  it('gives a page that asks again (a reload) a fresh trainer and ends the old one', () => {
    const { window, trainers, bridge } = setUp();
    bridge.connect();
    bridge.connect();

    expect(trainers).toHaveLength(2);
    expect(trainers[0].killed).toBe(true);
    expect(trainers[1].killed).toBe(false);
    expect(window.sent[1].transfer[0]).not.toBe(window.sent[0].transfer[0]);
  });

  it('replaces a utility process that exits on its own and sends the window the new port with the message', () => {
    vi.useFakeTimers();
    const { window, trainers, bridge } = setUp();
    bridge.connect();
    trainers[0].emit('exit', 11);
    vi.runAllTimers();
    expect(trainers).toHaveLength(2);
    expect(window.sent[1]).toMatchObject({ channel: IPC_CHANNELS.trainerPort, message: expect.stringContaining('exit code 11') });
  });

  it('ends the trainer when the window closes, and starts none afterwards', () => {
    const { window, trainers, bridge } = setUp();
    bridge.connect();
    window.close();
    expect(trainers[0].killed).toBe(true);

    bridge.connect();
    expect(trainers).toHaveLength(1);
  });
});
