/**
 * The preload: the page's only way to Electron. It exposes verbs (PreloadApi), never ipcRenderer, and
 * passes the trainer's port into the page with window.postMessage, since ports cannot cross contextBridge.
 * Built as one CommonJS file (a sandboxed preload may only require 'electron'), so it imports types and
 * constants only (and app-page.ts, which has no imports).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ChannelPayload, ChannelResults, InvokeChannel, InvokeReply } from '../../src-shared/ipc/channels';
import {
  EXPERIMENT_PORT_MESSAGE,
  IPC_CHANNELS,
  ipcChannelName,
  MENU_COMMANDS,
  PRELOAD_GLOBAL,
  TRAINER_PORT_MESSAGE,
  type ExperimentPortMessage,
  type MenuCommand,
  type PreloadApi,
  type TrainerPortMessage,
} from '../../src-shared/ipc/preload-api';
import { isAppIndexPage, type PageLocation } from './app-page';

// src-main is type-checked without the DOM; the page's window is the one DOM object the preload uses.
declare const window: {
  location: PageLocation;
  postMessage(message: unknown, targetOrigin: string, transfer: readonly unknown[]): void;
};

/**
 * Only the app's index page gets anything: another page shown in the window (a help page on app://) gets
 * no verbs and no port. The port goes to the index page's own origin, captured now, so that it is never
 * delivered to a document of another origin; the page checks the message's source as well.
 */
function connectAppPage(origin: string): void {
  ipcRenderer.on(IPC_CHANNELS.trainerPort, (event, restarted: unknown) => {
    const message: TrainerPortMessage = { type: TRAINER_PORT_MESSAGE, restarted: typeof restarted === 'string' ? restarted : null };
    window.postMessage(message, origin, event.ports);
  });
  ipcRenderer.on(IPC_CHANNELS.experimentPort, (event, id: unknown) => {
    if (typeof id !== 'number') return;
    const message: ExperimentPortMessage = { type: EXPERIMENT_PORT_MESSAGE, id };
    window.postMessage(message, origin, event.ports);
  });
  contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api);
}

/** Main answers every invoke with { result } or { error }; the page gets the result or an Error to show. */
async function invoke<C extends InvokeChannel>(channel: C, payload: ChannelPayload<C>): Promise<ChannelResults[C]> {
  const reply = (await ipcRenderer.invoke(ipcChannelName(channel), payload)) as InvokeReply<C>;
  if ('error' in reply) throw new Error(reply.error);
  return reply.result;
}

const api: PreloadApi = {
  platform: process.platform,
  requestTrainerPort: () => void invoke('trainerPort', {}).catch((error: Error) => console.error(error.message)),
  takePendingDocument: () => invoke('takePendingDocument', {}),
  openDocument: () => invoke('openDocument', {}),
  recentDocuments: () => invoke('recentDocuments', {}),
  openRecentDocument: (path) => invoke('openRecentDocument', { path }),
  saveDocument: (text, suggestedName) => invoke('saveDocument', suggestedName === undefined ? { text } : { text, suggestedName }),
  saveDocumentAs: (text, suggestedName) => invoke('saveDocumentAs', suggestedName === undefined ? { text } : { text, suggestedName }),
  setDocumentEdited: (edited, name) => invoke('setDocumentEdited', name === undefined ? { edited } : { edited, name }),
  importFile: (kind) => invoke('importFile', { kind }),
  exportFile: (content, format, suggestedName) => invoke('exportFile', { content, format, suggestedName }),
  exportFileSet: (baseName, files) => invoke('exportFileSet', { baseName, files }),
  openHelp: (topic) => invoke('openHelp', { topic }),
  requestExperimentWorker: () => invoke('experimentWorker', {}),
  stopExperimentWorker: (id) => invoke('stopExperimentWorker', { id }),
  onExperimentWorkerExit(listener) {
    const receive = (_event: unknown, id: unknown, reason: unknown) => {
      if (typeof id === 'number') listener(id, typeof reason === 'string' ? reason : 'it stopped');
    };
    ipcRenderer.on(IPC_CHANNELS.experimentWorkerExit, receive);
    return () => void ipcRenderer.removeListener(IPC_CHANNELS.experimentWorkerExit, receive);
  },
  openExperimentResults: (key, experiment) => invoke('openExperimentResults', { key, experiment }),
  putExperimentRun: (key, run) => invoke('putExperimentRun', { key, run }),
  putFailedExperimentRun: (key, failed) => invoke('putFailedExperimentRun', { key, failed }),
  mergeExperimentResults: (key) => invoke('mergeExperimentResults', { key }),
  clearExperimentResults: (key) => invoke('clearExperimentResults', { key }),
  onMenuCommand(listener) {
    const receive = (_event: unknown, command: unknown) => {
      if (MENU_COMMANDS.includes(command as MenuCommand)) listener(command as MenuCommand);
    };
    ipcRenderer.on(IPC_CHANNELS.menuCommand, receive);
    return () => void ipcRenderer.removeListener(IPC_CHANNELS.menuCommand, receive);
  },
};

// Scheme and host: Chromium's origin of a standard scheme such as app:// (Node's URL calls it "null").
if (isAppIndexPage(window.location)) connectAppPage(`${window.location.protocol}//${window.location.host}`);
