/**
 * What the renderer needs from wherever it runs. The app never asks which host it has: Electron (through
 * the preload) and the web build (a Web Worker, the File System Access API, IndexedDB) each implement it.
 */
import type { ExportFormat, ImportedFile } from '../../src-shared/ipc/channels';
import type { MessageEndpoint, TrainerCommand } from '../../src-shared/ipc/trainer-protocol';
import type { MenuCommand } from '../../src-shared/ipc/preload-api';
import type { RunWorker } from '../../src-shared/experiment/pool';
import type { RunExtras } from '../../src-shared/experiment/run-angles';
import type { ModelDocument } from '../../src-shared/model/schema';
import type { ExperimentStorage } from '../experiment/experiment-runner';

declare const fileTargetBrand: unique symbol;
/**
 * Where a document lives, as only the host understands it (a file handle on the web, a path in Electron).
 * The app keeps it with the document and hands it back to save there again.
 */
export type FileTarget = { readonly [fileTargetBrand]: true };

export interface OpenedFile {
  /** The file's name, shown in the title bar. */
  name: string;
  text: string;
  /** Where Save writes back to, or null when the host cannot write there (a download is offered instead). */
  target: FileTarget | null;
}

export interface SavedFile {
  name: string;
  target: FileTarget | null;
}

export interface SaveRequest {
  /** The file to write over; null asks the user where (Save As, or the first Save of a new document). */
  target: FileTarget | null;
  /** The name the save dialog proposes: a file name with its extension, never a path. */
  suggestedName: string;
}

export interface RecentFile {
  id: string;
  name: string;
  /** Milliseconds since 1970. */
  openedAt: number;
}

/** An unsaved document kept while it changes, so a crash or a closed window costs nothing. */
export interface RecoveryDraft {
  /** The window (or browser tab) that kept it. */
  id: string;
  /** The document's name and its file's name, if it had one. */
  name: string;
  fileName: string | null;
  text: string;
  savedAt: number;
}

export interface RecoveryStore {
  /** Keeps this window's unsaved document, replacing its previous draft. */
  keep(draft: Omit<RecoveryDraft, 'id' | 'savedAt'>): Promise<void>;
  /** This window's document was saved or closed on purpose: its draft is no longer needed. */
  clear(): Promise<void>;
  /** Drafts left behind by windows that closed with unsaved work (a crash, a closed tab), newest first. */
  leftBehind(): Promise<RecoveryDraft[]>;
  /** Forgets a left-behind draft once it has been recovered or declined. */
  discard(id: string): Promise<void>;
}

/** What an application menu asks of the page (Electron's menus; the web build has none): the preload's own list. */
export type { MenuCommand } from '../../src-shared/ipc/preload-api';

/** A file picked for File → Import, never written back: a weight file's bytes (isWeightFileName), any other's text. */
export type PickedFile = ImportedFile;

/** A file the app made for the user to keep: a chart (PNG, SVG), its data (CSV), a diagram (SVG). */
export interface ExportedFile {
  /** The name offered: a file name with its extension, never a path. */
  name: string;
  format: ExportFormat;
  /** Text (CSV, SVG), or an image's bytes (PNG). */
  content: string | Uint8Array;
}

/** Files that belong together and differ only by extension: tlearn's .cf, .data and .teach. */
export interface ExportedFileSet {
  /** The name the files share, offered without an extension (never a path). */
  baseName: string;
  /** One file per format; each is named `baseName.format`. */
  files: Array<{ format: ExportFormat; content: string | Uint8Array }>;
}

/** Where an experiment's runs are computed and kept. */
export interface ExperimentHost {
  /** How many runs at once: all cores but one, so the window stays smooth. */
  readonly jobs: number;
  /**
   * The pool's workers for `model`'s runs: Web Workers in the browser, utility processes in the desktop app;
   * `extras` what the runs record beyond the experiment's measures (Compare rules' angles).
   */
  startWorker(model: ModelDocument, extras?: RunExtras): () => RunWorker;
  /** The browser's IndexedDB (within a budget), or a results folder on disk through main. */
  readonly storage: ExperimentStorage;
}

export interface Host {
  readonly kind: 'electron' | 'web';
  readonly experiments: ExperimentHost;
  /**
   * Starts (or reaches) the trainer and returns a port to it. Events arrive as untrusted data: the caller
   * validates them with the trainer protocol's schema.
   */
  trainerPort(): Promise<MessageEndpoint<TrainerCommand>>;
  /**
   * `listener` runs when the host replaced a trainer that crashed, with the message to show; the endpoint
   * from trainerPort then leads to the new trainer, which holds no model yet. Returns a function that
   * stops listening.
   */
  onTrainerRestarted(listener: (message: string) => void): () => void;
  /** Asks the user for a model file to open; null if they cancelled. */
  openDocument(): Promise<OpenedFile | null>;
  /** Reads a file dropped onto the window; null when the drop held no file. */
  openDroppedFile(data: DataTransfer): Promise<OpenedFile | null>;
  /**
   * Asks the user for files to import (a tlearn .cf with its .data and .teach, or one pattern file); null
   * or an empty list if they cancelled. Rejects with a message to show.
   */
  importFile(): Promise<PickedFile[] | null>;
  /** Writes a model file; null if the user cancelled the save dialog. Rejects with a message to show. */
  saveDocument(text: string, request: SaveRequest): Promise<SavedFile | null>;
  /**
   * Hands the user an exported file: the desktop app asks where with its Save dialog and writes the file
   * atomically, the browser downloads it. False if the user cancelled. Rejects with a message to show.
   */
  exportFile(file: ExportedFile): Promise<boolean>;
  /**
   * Hands the user a set of files at once: the desktop app asks once, for the base name, and writes each
   * beside it; the browser downloads each. False if the user cancelled. Rejects with a message to show.
   */
  exportFileSet(set: ExportedFileSet): Promise<boolean>;
  /** Files opened or saved lately, newest first, that the host can open again. */
  recentDocuments(): Promise<RecentFile[]>;
  /** Opens a recent file again; null if the user declined. Rejects with a message to show. */
  openRecentDocument(id: string): Promise<OpenedFile | null>;
  readonly recovery: RecoveryStore;
  /**
   * The document changed: whether it has unsaved changes (closing the window must ask first), and its name
   * as the page shows it (null without a document), which a desktop window's title and prompt use.
   */
  setDocumentEdited(edited: boolean, name: string | null): void;
  /** A file the host opened this window for (a double-clicked file, a menu's Open Recent), taken once. */
  takePendingDocument(): Promise<OpenedFile | null>;
  /** Menu commands, as they come; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * True when the page must zoom itself on Ctrl/Cmd +, − and 0 (the web build, which has no menu); a host
   * whose menu zooms the window natively (Electron's View menu) leaves it out.
   */
  readonly zoomsPage?: boolean;
}
