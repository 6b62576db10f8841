/**
 * The preload with a stand-in for 'electron' (the real module is never loaded under Node), and the
 * renderer's Electron host on the other side of the window message that carries the trainer's port.
 */
import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../../src-shared/ipc/channels';
import { EXPERIMENT_PORT_MESSAGE, IPC_CHANNELS, ipcChannelName, PRELOAD_GLOBAL, TRAINER_PORT_MESSAGE, type PreloadApi } from '../../../src-shared/ipc/preload-api';
import type { RunResult } from '../../../src-shared/experiment/run-one';

const KEY = '0123456789abcdef-12';
const RUN: RunResult = {
  index: 0, condition: 0, replication: 0, seed: 1, status: 'finished', epochs: 1, epochsToCriterion: null,
  final: { tss: 1, fractionCorrect: 0, testTss: null }, curve: { epoch: [1], tss: [1], correct: [0] }, message: null,
};

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcRenderer: null as unknown as EventEmitter & { invoke: (channel: string, payload: unknown) => Promise<unknown> },
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  electron.ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn(async () => ({ result: null })) });
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
    ipcRenderer: electron.ipcRenderer,
  };
});

// The recovery store needs IndexedDB and Web Locks, which Node lacks; it is the web build's, tested there.
vi.mock('../../../src-renderer/hosts/web-recovery', () => ({ createRecoveryStore: async () => ({}) }));

/** A page window: postMessage delivers asynchronously to its 'message' listeners, with itself as source. */
class FakeWindow extends EventTarget {
  readonly posted: { message: unknown; targetOrigin: string }[] = [];
  constructor(readonly location: URL = new URL('app://backprop-lab/index.html')) {
    super();
  }
  postMessage(message: unknown, targetOrigin: string, transfer: MessagePort[] = [], source: unknown = this) {
    this.posted.push({ message, targetOrigin });
    setTimeout(() => this.dispatchEvent(Object.assign(new Event('message'), { data: message, source, ports: transfer })));
  }
}

let page: FakeWindow;
const api = () => electron.exposed.get(PRELOAD_GLOBAL) as PreloadApi;
beforeEach(async () => {
  page = new FakeWindow();
  vi.stubGlobal('window', page);
  // A fresh preload per test; the mocked module (and its emitter) survives resetModules, so clear it.
  vi.resetModules();
  electron.exposed.clear();
  electron.ipcRenderer?.removeAllListeners();
  if (electron.ipcRenderer) vi.mocked(electron.ipcRenderer.invoke).mockReset().mockResolvedValue({ result: null });
  await import('../../../src-main/preload/index');
});
afterEach(() => vi.unstubAllGlobals());

describe('the preload', () => {
  it('exposes the verbs of PreloadApi and nothing of ipcRenderer', () => {
    const exposed = api() as unknown as Record<string, unknown>;
    expect(Object.keys(exposed).sort()).toEqual([
      'clearExperimentResults', 'exportFile', 'exportFileSet', 'importFile', 'mergeExperimentResults', 'onExperimentWorkerExit', 'onMenuCommand', 'openDocument',
      'openExperimentResults', 'openHelp', 'openRecentDocument', 'platform', 'putExperimentRun', 'putFailedExperimentRun', 'recentDocuments',
      'requestExperimentWorker', 'requestTrainerPort', 'saveDocument', 'saveDocumentAs', 'setDocumentEdited', 'stopExperimentWorker', 'takePendingDocument',
    ]);
    expect(exposed.platform).toBe(process.platform);
    expect(Object.values(exposed)).not.toContain(electron.ipcRenderer);
  });

  it('sends each verb on its own channel with its payload, and only on channels of the contract', async () => {
    const a = api();
    a.requestTrainerPort();
    await a.takePendingDocument();
    await a.openDocument();
    await a.recentDocuments();
    await a.openRecentDocument('/m/x.bplab');
    await a.saveDocument('text');
    await a.saveDocumentAs('text', 'xor.bplab');
    await a.setDocumentEdited(true);
    await a.setDocumentEdited(false, 'XOR');
    await a.importFile('patterns');
    await a.exportFile('a,b', 'csv', 'curve');
    await a.exportFileSet('xor', [{ content: 'NODES:', format: 'cf' }]);
    await a.openHelp('user-guide');
    await a.requestExperimentWorker();
    await a.stopExperimentWorker(4);
    await a.openExperimentResults(KEY, '{"format":1}');
    await a.putExperimentRun(KEY, RUN);
    await a.putFailedExperimentRun(KEY, { index: 3, message: 'crashed' });
    await a.mergeExperimentResults(KEY);
    await a.clearExperimentResults(KEY);
    const calls = vi.mocked(electron.ipcRenderer.invoke).mock.calls;
    expect(calls).toEqual([
      [ipcChannelName('trainerPort'), {}],
      [ipcChannelName('takePendingDocument'), {}],
      [ipcChannelName('openDocument'), {}],
      [ipcChannelName('recentDocuments'), {}],
      [ipcChannelName('openRecentDocument'), { path: '/m/x.bplab' }],
      [ipcChannelName('saveDocument'), { text: 'text' }],
      [ipcChannelName('saveDocumentAs'), { text: 'text', suggestedName: 'xor.bplab' }],
      [ipcChannelName('setDocumentEdited'), { edited: true }],
      [ipcChannelName('setDocumentEdited'), { edited: false, name: 'XOR' }],
      [ipcChannelName('importFile'), { kind: 'patterns' }],
      [ipcChannelName('exportFile'), { content: 'a,b', format: 'csv', suggestedName: 'curve' }],
      [ipcChannelName('exportFileSet'), { baseName: 'xor', files: [{ content: 'NODES:', format: 'cf' }] }],
      [ipcChannelName('openHelp'), { topic: 'user-guide' }],
      [ipcChannelName('experimentWorker'), {}],
      [ipcChannelName('stopExperimentWorker'), { id: 4 }],
      [ipcChannelName('openExperimentResults'), { key: KEY, experiment: '{"format":1}' }],
      [ipcChannelName('putExperimentRun'), { key: KEY, run: RUN }],
      [ipcChannelName('putFailedExperimentRun'), { key: KEY, failed: { index: 3, message: 'crashed' } }],
      [ipcChannelName('mergeExperimentResults'), { key: KEY }],
      [ipcChannelName('clearExperimentResults'), { key: KEY }],
    ]);
    expect(new Set(calls.map(([channel]) => channel))).toEqual(new Set(INVOKE_CHANNELS.map(ipcChannelName)));
  });

  it('resolves with main’s result and rejects with main’s error message', async () => {
    vi.mocked(electron.ipcRenderer.invoke).mockResolvedValueOnce({ result: { path: '/m/x.bplab', name: 'x.bplab' } });
    await expect(api().saveDocument('t')).resolves.toEqual({ path: '/m/x.bplab', name: 'x.bplab' });
    vi.mocked(electron.ipcRenderer.invoke).mockResolvedValueOnce({ error: 'Could not save /m/x.bplab: the disk is full.' });
    await expect(api().saveDocument('t')).rejects.toThrow('Could not save /m/x.bplab: the disk is full.');
  });

  it('passes menu commands to listeners until they stop listening, and drops unknown ones', () => {
    const received: string[] = [];
    const stop = api().onMenuCommand((command) => received.push(command));
    electron.ipcRenderer.emit(IPC_CHANNELS.menuCommand, {}, 'save');
    electron.ipcRenderer.emit(IPC_CHANNELS.menuCommand, {}, 'format-disk');
    stop();
    electron.ipcRenderer.emit(IPC_CHANNELS.menuCommand, {}, 'undo');
    expect(received).toEqual(['save']);
  });

  it('forwards the port from main into the page as a window message, with any restart notice', () => {
    const { port2 } = new MessageChannel();
    electron.ipcRenderer.emit(IPC_CHANNELS.trainerPort, { ports: [port2] }, null);
    electron.ipcRenderer.emit(IPC_CHANNELS.trainerPort, { ports: [port2] }, 'restarted!');
    expect(page.posted).toEqual([
      { message: { type: TRAINER_PORT_MESSAGE, restarted: null }, targetOrigin: 'app://backprop-lab' },
      { message: { type: TRAINER_PORT_MESSAGE, restarted: 'restarted!' }, targetOrigin: 'app://backprop-lab' },
    ]);
    port2.close();
  });

  it('forwards each experiment worker’s port with its id, and tells listeners of a worker that ended by itself', () => {
    const { port1, port2 } = new MessageChannel();
    electron.ipcRenderer.emit(IPC_CHANNELS.experimentPort, { ports: [port2] }, 6);
    electron.ipcRenderer.emit(IPC_CHANNELS.experimentPort, { ports: [port2] }, 'not an id');
    expect(page.posted).toEqual([{ message: { type: EXPERIMENT_PORT_MESSAGE, id: 6 }, targetOrigin: 'app://backprop-lab' }]);
    const exits: unknown[] = [];
    const stop = api().onExperimentWorkerExit((id, reason) => exits.push([id, reason]));
    electron.ipcRenderer.emit(IPC_CHANNELS.experimentWorkerExit, {}, 6, 'exit code 9');
    stop();
    electron.ipcRenderer.emit(IPC_CHANNELS.experimentWorkerExit, {}, 7, 'exit code 1');
    expect(exits).toEqual([[6, 'exit code 9']]);
    port1.close();
    port2.close();
  });

  it('gives the verbs and the port only to the app’s index page, on app:// or the dev server', async () => {
    const loadAt = async (url: string) => {
      page = new FakeWindow(new URL(url));
      vi.stubGlobal('window', page);
      vi.resetModules();
      electron.exposed.clear();
      electron.ipcRenderer.removeAllListeners();
      await import('../../../src-main/preload/index');
    };
    for (const url of ['app://backprop-lab/help/user-guide.html', 'app://backprop-lab/', 'app://backprop-lab/index.html?x', 'app://elsewhere/index.html', 'https://example.com/index.html', 'file:///tmp/index.html', 'http://localhost:5173/help.html']) {
      await loadAt(url);
      expect(electron.exposed.size, url).toBe(0);
      expect(electron.ipcRenderer.listenerCount(IPC_CHANNELS.trainerPort), url).toBe(0);
      expect(electron.ipcRenderer.listenerCount(IPC_CHANNELS.experimentPort), url).toBe(0);
    }
    await loadAt('http://localhost:5173/');
    expect(electron.exposed.has(PRELOAD_GLOBAL)).toBe(true);
    const { port2 } = new MessageChannel();
    electron.ipcRenderer.emit(IPC_CHANNELS.trainerPort, { ports: [port2] }, null);
    expect(page.posted.map((p) => p.targetOrigin)).toEqual(['http://localhost:5173']);
    port2.close();
  });

  it('names the app page by the same scheme and host as main', async () => {
    const { APP_SCHEME, APP_HOST } = await import('../../../src-main/main/app-protocol');
    const { APP_PAGE_SCHEME, APP_PAGE_HOST } = await import('../../../src-main/preload/app-page');
    expect([APP_PAGE_SCHEME, APP_PAGE_HOST]).toEqual([APP_SCHEME, APP_HOST]);
  });
});

describe('the Electron host', () => {
  it('connects the page to the trainer, and moves over to a replacement trainer, telling the page', async () => {
    const { createElectronHost } = await import('../../../src-renderer/hosts/electron');
    const first = new MessageChannel();
    // Main answers the request by sending the window its end of a fresh channel.
    vi.mocked(electron.ipcRenderer.invoke).mockImplementation(async () => {
      electron.ipcRenderer.emit(IPC_CHANNELS.trainerPort, { ports: [first.port2] }, null);
      return { result: null };
    });
    // A message that is not the preload's (here: from another source) must not be taken for the port.
    const stranger = new MessageChannel();
    page.postMessage({ type: TRAINER_PORT_MESSAGE, restarted: null }, '*', [stranger.port2], {});

    const host = await createElectronHost(api());
    expect(host.kind).toBe('electron');
    const restarts: string[] = [];
    host.onTrainerRestarted((message) => restarts.push(message));
    const endpoint = await host.trainerPort();
    expect(await host.trainerPort()).toBe(endpoint);

    const received: unknown[] = [];
    endpoint.onMessage((data) => received.push(data));
    first.port1.on('message', (command) => first.port1.postMessage({ first: command }));
    endpoint.postMessage({ type: 'train' });
    await vi.waitFor(() => expect(received).toEqual([{ first: { type: 'train' } }]));

    // The trainer died; main sends a new port with the message.
    const second = new MessageChannel();
    second.port1.on('message', (command) => second.port1.postMessage({ second: command }));
    electron.ipcRenderer.emit(IPC_CHANNELS.trainerPort, { ports: [second.port2] }, 'The trainer stopped unexpectedly.');
    await vi.waitFor(() => expect(restarts).toEqual(['The trainer stopped unexpectedly.']));
    endpoint.postMessage({ type: 'snapshot' });
    await vi.waitFor(() => expect(received).toEqual([{ first: { type: 'train' } }, { second: { type: 'snapshot' } }]));

    for (const port of [first.port1, first.port2, second.port1, second.port2, stranger.port1, stranger.port2]) port.close();
  });

  it('runs an experiment’s runs on a worker whose port main hands the page, and fails the run under way when it crashes', async () => {
    const { createElectronHost } = await import('../../../src-renderer/hosts/electron');
    const { experimentExamples } = await import('../../../src-shared/data/experiment-examples');
    const { planExperiment } = await import('../../../src-shared/experiment/plan');
    const { runExperimentRun } = await import('../../../src-shared/experiment/run-one');
    const { serveRuns } = await import('../../../src-shared/experiment/serve-runs');
    const example = experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();
    const model = { ...example, experiment: { ...example.experiment!, replications: 1, epochs: 40 } };
    const channels: MessageChannel[] = [];
    const stopped: unknown[] = [];
    // Main: a worker is a channel whose far end serves runs (as run-worker.ts does); its port comes as a window message.
    vi.mocked(electron.ipcRenderer.invoke).mockImplementation(async (channel, payload) => {
      if (channel === ipcChannelName('stopExperimentWorker')) stopped.push(payload);
      if (channel !== ipcChannelName('experimentWorker')) return { result: null };
      const channelPair = new MessageChannel();
      channels.push(channelPair);
      const far = channelPair.port1;
      serveRuns({ postMessage: (reply) => far.postMessage(reply), onMessage: (handler) => far.on('message', handler) });
      const id = channels.length + 10;
      electron.ipcRenderer.emit(IPC_CHANNELS.experimentPort, { ports: [channelPair.port2] }, id);
      return { result: { id } };
    });
    const host = await createElectronHost(api());
    const worker = host.experiments.startWorker(model)();
    const plan = planExperiment(model);
    expect(await worker.run(2)).toEqual(JSON.parse(JSON.stringify(runExperimentRun(model, plan, 2))));
    await worker.terminate();
    expect(stopped).toEqual([{ id: 11 }]);

    // A second worker whose process ends by itself mid-run: main says so, and the run fails with the reason.
    vi.mocked(electron.ipcRenderer.invoke).mockImplementationOnce(async () => {
      const channelPair = new MessageChannel();
      channels.push(channelPair);
      channelPair.port1.on('message', () => undefined);
      electron.ipcRenderer.emit(IPC_CHANNELS.experimentPort, { ports: [channelPair.port2] }, 12);
      setTimeout(() => electron.ipcRenderer.emit(IPC_CHANNELS.experimentWorkerExit, {}, 12, 'exit code 9'), 20);
      return { result: { id: 12 } };
    });
    const crashing = host.experiments.startWorker(model)();
    const crashingRun = crashing.run(0);
    await expect(crashingRun).rejects.toThrow('the worker process stopped (exit code 9)');
    for (const pair of channels) {
      pair.port1.close();
      pair.port2.close();
    }
  });

  it('maps files to main’s verbs: a save without a target asks where, a file placed in a new window leaves the page as it is', async () => {
    const { createElectronHost } = await import('../../../src-renderer/hosts/electron');
    const invoke = vi.mocked(electron.ipcRenderer.invoke);
    const host = await createElectronHost(api());
    invoke.mockResolvedValueOnce({ result: { path: '/m/a.bplab', name: 'a.bplab' } });
    const saved = await host.saveDocument('doc', { target: null, suggestedName: 'a.bplab' });
    expect(invoke).toHaveBeenLastCalledWith(ipcChannelName('saveDocumentAs'), { text: 'doc', suggestedName: 'a.bplab' });
    invoke.mockResolvedValueOnce({ result: { path: '/m/a.bplab', name: 'a.bplab' } });
    await host.saveDocument('doc 2', { target: saved!.target, suggestedName: 'a.bplab' });
    expect(invoke).toHaveBeenLastCalledWith(ipcChannelName('saveDocument'), { text: 'doc 2', suggestedName: 'a.bplab' });

    invoke.mockResolvedValueOnce({ result: 'opened-in-new-window' });
    expect(await host.openDocument()).toBeNull();
    invoke.mockResolvedValueOnce({ result: { path: '/m/b.bplab', name: 'b.bplab', text: '{}' } });
    expect(await host.takePendingDocument()).toEqual({ name: 'b.bplab', text: '{}', target: '/m/b.bplab' });
    invoke.mockResolvedValueOnce({ result: [{ path: '/m/b.bplab', name: 'b.bplab', openedAt: 3 }] });
    expect(await host.recentDocuments()).toEqual([{ id: '/m/b.bplab', name: 'b.bplab', openedAt: 3 }]);

    const commands: string[] = [];
    host.onMenuCommand((command) => commands.push(command));
    for (const command of ['save', 'import', 'export', 'open-pending', 'format-disk']) electron.ipcRenderer.emit(IPC_CHANNELS.menuCommand, {}, command);
    expect(commands).toEqual(['save', 'import', 'export', 'open-pending']);
  });
});
