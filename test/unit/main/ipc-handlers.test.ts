/**
 * Every channel main registers, sent what an attacker could send: a request from a foreign page, from a
 * subframe, from a frame already gone, and payloads of the wrong shape. None may reach main's code.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { channelPayloadSchemas, INVOKE_CHANNELS, MAX_EXPORT_SET_FILES, type ChannelPayload, type InvokeChannel } from '../../../src-shared/ipc/channels';
import { ipcChannelName } from '../../../src-shared/ipc/preload-api';
import { appPageCheck } from '../../../src-main/main/app-origin';
import { createChannelHandlers, type ChannelHandlerDeps } from '../../../src-main/main/channel-handlers';
import type { DocumentWindow } from '../../../src-main/main/document-windows';
import { registerChannelHandlers, UserFacingError, type ChannelHandlers } from '../../../src-main/main/ipc-handlers';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** Main's real handlers over spies: whatever a refused request would have done shows up as a call. */
function registerAll() {
  const spy = () => vi.fn(async () => null);
  const deps = {
    documents: { takePendingDocument: spy(), openWithDialog: spy(), openFor: spy(), save: spy(), setEdited: spy(), windowOf: vi.fn(() => null) },
    recent: vi.fn(() => [{ path: '/m/xor.bplab', openedAt: 1 }]),
    dialogs: vi.fn(() => ({ showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })), showSaveDialog: vi.fn(async () => ({ canceled: true })) })),
    disk: { size: spy(), readText: spy(), writeAtomic: spy() },
    connectTrainer: vi.fn(),
    experimentWorkers: vi.fn(() => ({ start: () => 1, stop: () => undefined })),
    experimentResults: { open: spy(), put: spy(), putFailed: spy(), merge: spy(), clear: spy(), forget: vi.fn() },
    openHelp: spy(),
  };
  const listeners = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => listeners.set(channel, listener) } as unknown as Pick<IpcMain, 'handle'>;
  const warn = vi.fn();
  registerChannelHandlers(ipcMain, appPageCheck(), createChannelHandlers(deps as unknown as ChannelHandlerDeps<DocumentWindow>), warn);
  const sideEffects = () => [
    ...Object.values(deps.documents), deps.dialogs, ...Object.values(deps.disk), deps.connectTrainer, deps.openHelp,
    deps.experimentWorkers, ...Object.values(deps.experimentResults),
  ].filter((fn) => fn !== deps.documents.windowOf && fn !== deps.recent).reduce((calls, fn) => calls + fn.mock.calls.length, 0);
  return { listeners, sideEffects, deps, warn };
}

function eventFrom(frame: { url: string; parent: object | null } | null): IpcMainInvokeEvent {
  return { senderFrame: frame, sender: { id: 7 } } as unknown as IpcMainInvokeEvent;
}
const appPage = eventFrom({ url: 'app://backprop-lab/index.html', parent: null });

const EXPERIMENT_KEY = '0123456789abcdef-120';

/** A payload each channel accepts. */
const valid: { [C in InvokeChannel]: ChannelPayload<C> } = {
  trainerPort: {},
  takePendingDocument: {},
  openDocument: {},
  recentDocuments: {},
  openRecentDocument: { path: '/m/xor.bplab' },
  saveDocument: { text: '{}', suggestedName: 'xor.bplab' },
  saveDocumentAs: { text: '{}' },
  setDocumentEdited: { edited: true },
  importFile: { kind: 'patterns' },
  exportFile: { content: 'a,b\n', format: 'csv', suggestedName: 'curve' },
  exportFileSet: { baseName: 'xor', files: [{ content: 'NODES:\n', format: 'cf' }, { content: 'distributed\n', format: 'data' }] },
  openHelp: { topic: 'user-guide' },
  experimentWorker: {},
  stopExperimentWorker: { id: 3 },
  openExperimentResults: { key: EXPERIMENT_KEY, experiment: '{}' },
  putExperimentRun: {
    key: EXPERIMENT_KEY,
    run: {
      index: 0, condition: 0, replication: 0, seed: 1, status: 'finished', epochs: 1, epochsToCriterion: null,
      final: { tss: 1, fractionCorrect: 0, testTss: null }, curve: { epoch: [1], tss: [1], correct: [0] }, message: null,
    },
  },
  putFailedExperimentRun: { key: EXPERIMENT_KEY, failed: { index: 2, message: 'the worker crashed' } },
  mergeExperimentResults: { key: EXPERIMENT_KEY },
  clearExperimentResults: { key: EXPERIMENT_KEY },
};

const malformed: unknown[] = [undefined, null, 'text', 42, [], { extra: 'field', text: 1 }, { text: 'x'.repeat(10), suggestedName: '../../etc/passwd' }];

describe('the ipc wrapper', () => {
  it('registers exactly the channels of the contract, each once', () => {
    const { listeners } = registerAll();
    expect([...listeners.keys()].sort()).toEqual(INVOKE_CHANNELS.map(ipcChannelName).sort());
  });

  describe.each(INVOKE_CHANNELS)('channel %s', (channel) => {
    it('refuses a foreign page, a subframe and a closed frame without running anything', async () => {
      const { listeners, sideEffects, warn } = registerAll();
      const listener = listeners.get(ipcChannelName(channel))!;
      for (const event of [
        eventFrom({ url: 'https://example.com/', parent: null }),
        eventFrom({ url: 'file:///tmp/evil.html', parent: null }),
        eventFrom({ url: 'app://elsewhere/index.html', parent: null }),
        eventFrom({ url: 'app://backprop-lab/index.html', parent: {} }),
        eventFrom(null),
        // The app's own origin, but not its index page: a help page, or anything else served there.
        eventFrom({ url: 'app://backprop-lab/help/user-guide.html', parent: null }),
        eventFrom({ url: 'app://backprop-lab/', parent: null }),
        eventFrom({ url: 'app://backprop-lab/index.html?x=1', parent: null }),
        eventFrom({ url: 'app://backprop-lab/assets/index.html', parent: null }),
      ]) {
        const reply = await listener(event, valid[channel]);
        expect(reply).toEqual({ error: expect.stringContaining('did not come from Backprop Lab') });
      }
      expect(sideEffects()).toBe(0);
      expect(warn).toHaveBeenCalledTimes(9);
    });

    it('refuses malformed payloads without running anything', async () => {
      const { listeners, sideEffects } = registerAll();
      const listener = listeners.get(ipcChannelName(channel))!;
      for (const payload of malformed) {
        const reply = await listener(appPage, payload);
        expect(reply, JSON.stringify(payload)).toEqual({ error: expect.stringContaining(`malformed "${channel}"`) });
      }
      expect(sideEffects()).toBe(0);
    });

    it('answers the app page’s well-formed request with { result }', async () => {
      const { listeners } = registerAll();
      const reply = await listeners.get(ipcChannelName(channel))!(appPage, valid[channel]);
      expect(reply).toHaveProperty('result');
    });
  });

  it('turns a failing handler into { error } with the user-facing message, or a general one', async () => {
    const listeners = new Map<string, Listener>();
    const ipcMain = { handle: (channel: string, listener: Listener) => listeners.set(channel, listener) } as unknown as Pick<IpcMain, 'handle'>;
    const handlers = Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, async () => null])) as unknown as ChannelHandlers;
    handlers.saveDocument = async () => {
      throw new UserFacingError('Could not save /x.bplab: the disk is full.');
    };
    handlers.openDocument = async () => {
      throw new TypeError('boom');
    };
    const warn = vi.fn();
    registerChannelHandlers(ipcMain, appPageCheck(), handlers, warn);
    expect(await listeners.get(ipcChannelName('saveDocument'))!(appPage, { text: '' })).toEqual({ error: 'Could not save /x.bplab: the disk is full.' });
    expect(await listeners.get(ipcChannelName('openDocument'))!(appPage, {})).toEqual({ error: expect.stringMatching(/could not complete "openDocument": boom/) });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('opens only recent files by path, never any path a page names', async () => {
    const { listeners, deps } = registerAll();
    const open = listeners.get(ipcChannelName('openRecentDocument'))!;
    expect(await open(appPage, { path: '/etc/passwd' })).toEqual({ error: '/etc/passwd is not among the recent files.' });
    expect(deps.documents.openFor).not.toHaveBeenCalled();
    await open(appPage, { path: '/m/xor.bplab' });
    expect(deps.documents.openFor).toHaveBeenCalledWith(null, '/m/xor.bplab');
    expect(await listeners.get(ipcChannelName('recentDocuments'))!(appPage, {})).toEqual({ result: [{ path: '/m/xor.bplab', name: 'xor.bplab', openedAt: 1 }] });
  });

  it('names an experiment only by its key, and a run only in the shape of a run', async () => {
    const { listeners, deps } = registerAll();
    const put = listeners.get(ipcChannelName('putExperimentRun'))!;
    for (const key of ['../../etc', '0123456789abcdef', '/tmp/x.results', '0123456789ABCDEF-1']) {
      expect(await put(appPage, { ...valid.putExperimentRun, key }), key).toEqual({ error: expect.stringContaining('must be an experiment key') });
    }
    expect(await put(appPage, { ...valid.putExperimentRun, run: { ...valid.putExperimentRun.run, status: 'hacked' } })).toHaveProperty('error');
    expect(deps.experimentResults.put).not.toHaveBeenCalled();
    await put(appPage, valid.putExperimentRun);
    expect(deps.experimentResults.put).toHaveBeenCalledWith(7, EXPERIMENT_KEY, valid.putExperimentRun.run);
  });

  it('hands a valid request to the window it came from', async () => {
    const { listeners, deps } = registerAll();
    await listeners.get(ipcChannelName('trainerPort'))!(appPage, {});
    await listeners.get(ipcChannelName('saveDocumentAs'))!(appPage, { text: 'doc' });
    expect(deps.connectTrainer).toHaveBeenCalledWith(7);
    expect(deps.documents.save).toHaveBeenCalledWith(7, 'doc', undefined, true);
  });
});

describe('the export payload', () => {
  it('carries text or a PNG’s bytes, nothing else', () => {
    const parse = (content: unknown) => channelPayloadSchemas.exportFile.safeParse({ content, format: 'png', suggestedName: 'chart.png' }).success;
    expect(parse(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBe(true);
    expect(parse('<svg/>')).toBe(true);
    expect(parse({ 0: 0x89, length: 1 })).toBe(false);
    expect(parse([0x89, 0x50])).toBe(false);
    expect(channelPayloadSchemas.exportFile.safeParse({ content: 'x', format: 'exe', suggestedName: 'x.exe' }).success).toBe(false);
  });
});

describe('the export set payload', () => {
  const parse = (payload: unknown) => channelPayloadSchemas.exportFileSet.safeParse(payload).success;
  const file = (format: string) => ({ content: 'x', format });

  it('takes a base name and files that differ by format', () => {
    expect(parse({ baseName: 'xor', files: [file('cf'), file('data'), file('teach')] })).toBe(true);
    // A recurrent network's tlearn project: its weights and sequence starts too, with its provenance.
    expect(parse({ baseName: 'srn', files: ['cf', 'data', 'teach', 'wts', 'reset', 'provenance.json'].map(file) })).toBe(true);
  });

  it('refuses a path for a name, a format twice, no files or too many, and an unknown format', () => {
    expect(parse({ baseName: '../xor', files: [file('cf')] })).toBe(false);
    expect(parse({ baseName: 'C:\\xor', files: [file('cf')] })).toBe(false);
    expect(parse({ baseName: 'xor', files: [file('data'), file('data')] })).toBe(false);
    expect(parse({ baseName: 'xor', files: [] })).toBe(false);
    const formats = ['csv', 'json', 'svg', 'png', 'txt', 'pat', 'ex', 'data', 'teach', 'cf'].slice(0, MAX_EXPORT_SET_FILES + 1);
    expect(parse({ baseName: 'xor', files: formats.map(file) })).toBe(false);
    expect(parse({ baseName: 'xor', files: [file('exe')] })).toBe(false);
    expect(parse({ baseName: 'xor', files: [{ ...file('cf'), path: '/etc/passwd' }] })).toBe(false);
  });
});

describe('the app’s index page', () => {
  it('is index.html on app://, and the dev server’s root or index.html in development, nothing else', () => {
    const packaged = appPageCheck();
    expect(packaged('app://backprop-lab/index.html')).toBe(true);
    expect(packaged('app://backprop-lab/index.html#weights')).toBe(true);
    for (const url of ['app://backprop-lab/', 'app://backprop-lab/help/index.html', 'app://backprop-lab/index.htm', 'app://other/index.html', 'http://localhost:5173/', 'not a url']) {
      expect(packaged(url), url).toBe(false);
    }
    const dev = appPageCheck('http://localhost:5173/');
    expect(dev('http://localhost:5173/')).toBe(true);
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5173/help/user-guide.html')).toBe(false);
    expect(dev('http://localhost:5174/')).toBe(false);
  });
});
