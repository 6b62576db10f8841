/**
 * The contract between the preload and the page: the verbs on `window[PRELOAD_GLOBAL]` (never
 * ipcRenderer itself), and what main pushes to the page. Imports only types, so the preload bundle stays
 * one small file without zod.
 */
import type { FailedRun } from '../experiment/run-record';
import type { RunResult } from '../experiment/run-one';
import type { ChannelResults, ExportFormat, HelpTopic, ImportKind, InvokeChannel } from './channels';

export const PRELOAD_GLOBAL = 'backpropLab';

/**
 * The window message that carries the trainer's MessagePort from the preload to the page: `{ type:
 * TRAINER_PORT_MESSAGE, restarted }` with the port as its only transferred object. `restarted` is null for
 * the port the page asked for, and the one message to show the user when main replaced a trainer that
 * crashed (the page then loads its last snapshot into the new trainer).
 */
export const TRAINER_PORT_MESSAGE = 'backprop-lab:trainer-port';
export interface TrainerPortMessage {
  type: typeof TRAINER_PORT_MESSAGE;
  restarted: string | null;
}

/**
 * The window message that carries an experiment worker's MessagePort from the preload to the page: `{ type:
 * EXPERIMENT_PORT_MESSAGE, id }` with the port as its only transferred object; `id` is the one
 * requestExperimentWorker answered.
 */
export const EXPERIMENT_PORT_MESSAGE = 'backprop-lab:experiment-port';
export interface ExperimentPortMessage {
  type: typeof EXPERIMENT_PORT_MESSAGE;
  id: number;
}

/**
 * What the application menu asks of the page, whose document it is. `open-pending`: main has put a
 * document for this window (Open…, Open Recent, a double-clicked file) — call takePendingDocument.
 */
export const MENU_COMMANDS = ['save', 'save-as', 'import', 'export', 'undo', 'redo', 'open-pending'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

type Answer<C extends InvokeChannel> = Promise<ChannelResults[C]>;

/** Every verb that goes to main rejects with an Error whose message is main's, ready to show. */
export interface PreloadApi {
  readonly platform: string;
  /** Asks main for a port to a fresh trainer; it arrives as a window message (see TRAINER_PORT_MESSAGE). */
  requestTrainerPort(): void;
  /** The document main opened this window for, once; null when none (call at start-up and on the menu command). */
  takePendingDocument(): Answer<'takePendingDocument'>;
  /** Open dialog; the document, or 'opened-in-new-window' when this window already holds one; null if cancelled. */
  openDocument(): Answer<'openDocument'>;
  recentDocuments(): Answer<'recentDocuments'>;
  /** A path from recentDocuments; placed as openDocument places a file. */
  openRecentDocument(path: string): Answer<'openRecentDocument'>;
  /** Saves to this window's file (asking where the first time); null if the user cancelled. */
  saveDocument(text: string, suggestedName?: string): Answer<'saveDocument'>;
  saveDocumentAs(text: string, suggestedName?: string): Answer<'saveDocumentAs'>;
  /**
   * Call whenever the document changes: whether it is edited (the title marker, the prompt on close) and
   * its name as the page shows it (the title and prompt of a document with no file yet).
   */
  setDocumentEdited(edited: boolean, name?: string | null): Answer<'setDocumentEdited'>;
  importFile(kind: ImportKind): Answer<'importFile'>;
  /** Save dialog for an export (text, or a PNG's bytes), then an atomic write; null if the user cancelled. */
  exportFile(content: string | Uint8Array, format: ExportFormat, suggestedName: string): Answer<'exportFile'>;
  /**
   * One Save dialog for files that share a base name and differ by extension (tlearn's .cf, .data and
   * .teach), then an atomic write of each beside the name chosen; null if the user cancelled.
   */
  exportFileSet(baseName: string, files: Array<{ content: string | Uint8Array; format: ExportFormat }>): Answer<'exportFileSet'>;
  openHelp(topic: HelpTopic): Answer<'openHelp'>;
  /** Starts an experiment worker; its port arrives as a window message (see EXPERIMENT_PORT_MESSAGE) with this id. */
  requestExperimentWorker(): Answer<'experimentWorker'>;
  stopExperimentWorker(id: number): Answer<'stopExperimentWorker'>;
  /** `listener(id, reason)` when an experiment worker ended by itself (a crash); returns a function that stops listening. */
  onExperimentWorkerExit(listener: (id: number, reason: string) => void): () => void;
  /** The results folder of the experiment whose experiment.json text is `experiment`, named `key` from then on. */
  openExperimentResults(key: string, experiment: string): Answer<'openExperimentResults'>;
  putExperimentRun(key: string, run: RunResult): Answer<'putExperimentRun'>;
  putFailedExperimentRun(key: string, failed: FailedRun): Answer<'putFailedExperimentRun'>;
  mergeExperimentResults(key: string): Answer<'mergeExperimentResults'>;
  clearExperimentResults(key: string): Answer<'clearExperimentResults'>;
  /** Menu items that act on the document; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The ipc channel of an invoke channel, prefixed so it cannot collide with Electron's own. */
export function ipcChannelName(channel: InvokeChannel): string {
  return `backprop-lab:${channel}`;
}

/** Channels on which main pushes to the preload. Only those two use them; the page sees the verbs above. */
export const IPC_CHANNELS = {
  /** Main → preload: the page's end of a trainer channel as the only port; the message is a restart notice or null. */
  trainerPort: 'backprop-lab:trainer-port-delivery',
  /** Main → preload: an experiment worker's port as the only port; the message is its id. */
  experimentPort: 'backprop-lab:experiment-port-delivery',
  /** Main → preload: an experiment worker ended by itself; the message is its id and the reason. */
  experimentWorkerExit: 'backprop-lab:experiment-worker-exit',
  /** Main → preload: a MenuCommand. */
  menuCommand: 'backprop-lab:menu-command',
} as const;
