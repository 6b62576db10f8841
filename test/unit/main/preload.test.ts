/**
 * The preload with a stand-in for 'electron' (the real module is never loaded under Node), and the
 * renderer's Electron host on the other side of the window message that carries the trainer's port.
 */
import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../../src-shared/ipc/channels';
import { IPC_CHANNELS, ipcChannelName, PRELOAD_GLOBAL, TRAINER_PORT_MESSAGE, type PreloadApi } from '../../../src-shared/ipc/preload-api';

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
      'exportFile', 'exportFileSet', 'importFile', 'onMenuCommand', 'openDocument', 'openHelp', 'openRecentDocument', 'platform', 'recentDocuments', 'requestTrainerPort',
      'saveDocument', 'saveDocumentAs', 'setDocumentEdited', 'takePendingDocument',
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
