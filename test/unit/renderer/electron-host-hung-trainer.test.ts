/**
 * A hung trainer in the desktop app: main sees no training traffic, so the page notices a trainer that falls
 * silent while training, asks main for a fresh one (main ends the hung process), and tells the page it was
 * restarted — as after a crash — so the page loads its last snapshot into the new trainer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TRAINER_PORT_MESSAGE, type PreloadApi } from '../../../src-shared/ipc/preload-api';
import { SILENCE_MS } from '../../../src-shared/trainer/silence-watch';

vi.mock('../../../src-renderer/hosts/web-recovery', () => ({
  createRecoveryStore: async () => ({ keep: async () => undefined, clear: async () => undefined, leftBehind: async () => [], discard: async () => undefined }),
}));

const { createElectronHost } = await import('../../../src-renderer/hosts/electron');

describe('the desktop app’s page and a hung trainer', () => {
  let page: EventTarget;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance', 'Date'] });
    page = new EventTarget();
    vi.stubGlobal('window', page);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** Main's side: each request answers with a new channel, whose far end stands for the trainer. */
  function mainWith() {
    const trainers: MessagePort[] = [];
    const requestTrainerPort = vi.fn(() => {
      const channel = new MessageChannel();
      trainers.push(channel.port2);
      const delivery = Object.assign(new Event('message'), { source: page, data: { type: TRAINER_PORT_MESSAGE, restarted: null }, ports: [channel.port1] });
      queueMicrotask(() => page.dispatchEvent(delivery));
    });
    return { api: { platform: 'linux', requestTrainerPort } as unknown as PreloadApi, trainers, requestTrainerPort };
  }

  it('asks for a new trainer when a training one is silent too long, and says it was restarted; an idle one is left alone', async () => {
    const { api, trainers, requestTrainerPort } = mainWith();
    const host = await createElectronHost(api);
    const restarts: string[] = [];
    host.onTrainerRestarted((message) => restarts.push(message));
    const endpoint = await host.trainerPort();
    endpoint.onMessage(() => undefined);
    expect(requestTrainerPort).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(SILENCE_MS * 3);
    expect(requestTrainerPort).toHaveBeenCalledTimes(1);

    endpoint.postMessage({ type: 'train' });
    await vi.advanceTimersByTimeAsync(SILENCE_MS + 1000);
    expect(requestTrainerPort).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(restarts).toEqual(['The trainer stopped unexpectedly (it stopped answering for 5 seconds) and was restarted. Your model continues from its last snapshot.']);

    // The new trainer has not been asked to train: no second request.
    await vi.advanceTimersByTimeAsync(SILENCE_MS * 3);
    expect(requestTrainerPort).toHaveBeenCalledTimes(2);
    expect(trainers).toHaveLength(2);
    for (const port of trainers) port.close();
  });
});
