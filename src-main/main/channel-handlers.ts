/** What main does for each invoke channel; registered through the one wrapper (ipc-handlers.ts). */
import { basename } from 'node:path';
import { isWeightFileName, type ImportKind, type ExportFormat, type HelpTopic, type ImportedFile } from '../../src-shared/ipc/channels';
import { chooseFilesToImport, chooseWhereToExport, chooseWhereToExportSet, mayReplace, readDocument, readWeightFile, writeDocument, type DocumentDisk, type WindowDialogs } from './document-files';
import type { DocumentWindow, DocumentWindows } from './document-windows';
import { UserFacingError, type ChannelHandlers } from './ipc-handlers';
import { ResultsFolderError } from '../experiment/results-folder';
import type { ExperimentResultsStore } from './experiment-results';
import type { RecentEntry } from './preferences';

export interface ChannelHandlerDeps<W extends DocumentWindow> {
  documents: Pick<DocumentWindows<W>, 'takePendingDocument' | 'openWithDialog' | 'openFor' | 'save' | 'setEdited' | 'windowOf'>;
  /** The recent files, newest first (preferences). */
  recent(): readonly RecentEntry[];
  /** Dialogs attached to the page's window. */
  dialogs(window: W | null): WindowDialogs;
  disk: DocumentDisk;
  /** The page asked for a trainer: its window's supervisor connects a fresh one. */
  connectTrainer(contentsId: number): void;
  openHelp(topic: HelpTopic): Promise<void>;
  /** The window's experiment workers (experiment-bridge.ts); null when the window is gone. */
  experimentWorkers(contentsId: number): { start(): number; stop(id: number): void } | null;
  experimentResults: ExperimentResultsStore;
}

/** A results folder's own messages (a full disk, another experiment's folder) go to the user as they are. */
async function results<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ResultsFolderError) throw new UserFacingError(error.message);
    throw error;
  }
}

export function createChannelHandlers<W extends DocumentWindow>(deps: ChannelHandlerDeps<W>): ChannelHandlers {
  const dialogsOf = (contentsId: number) => deps.dialogs(deps.documents.windowOf(contentsId));
  return {
    trainerPort: (_payload, event) => {
      deps.connectTrainer(event.sender.id);
      return null;
    },
    takePendingDocument: (_payload, event) => deps.documents.takePendingDocument(event.sender.id),
    openDocument: (_payload, event) => deps.documents.openWithDialog(deps.documents.windowOf(event.sender.id)),
    recentDocuments: () => deps.recent().map(({ path, openedAt }) => ({ path, name: basename(path), openedAt })),
    openRecentDocument: ({ path }, event) => {
      // Only a file the user opened or saved before: a page cannot read arbitrary files by naming them.
      if (!deps.recent().some((entry) => entry.path === path)) throw new UserFacingError(`${path} is not among the recent files.`);
      return deps.documents.openFor(deps.documents.windowOf(event.sender.id), path);
    },
    saveDocument: ({ text, suggestedName }, event) => deps.documents.save(event.sender.id, text, suggestedName, false),
    saveDocumentAs: ({ text, suggestedName }, event) => deps.documents.save(event.sender.id, text, suggestedName, true),
    setDocumentEdited: ({ edited, name }, event) => {
      deps.documents.setEdited(event.sender.id, edited, name);
      return null;
    },
    importFile: async ({ kind }, event) => importFile(deps.disk, dialogsOf(event.sender.id), kind),
    exportFile: async ({ content, format, suggestedName }, event) => exportFile(deps.disk, dialogsOf(event.sender.id), content, format, suggestedName),
    exportFileSet: async ({ baseName, files }, event) => exportFileSet(deps.disk, dialogsOf(event.sender.id), baseName, files),
    openHelp: async ({ topic }) => {
      await deps.openHelp(topic);
      return null;
    },
    experimentWorker: (_payload, event) => {
      const workers = deps.experimentWorkers(event.sender.id);
      if (!workers) throw new UserFacingError('This window can no longer start experiment workers.');
      return { id: workers.start() };
    },
    stopExperimentWorker: ({ id }, event) => {
      deps.experimentWorkers(event.sender.id)?.stop(id);
      return null;
    },
    openExperimentResults: ({ key, experiment }, event) => results(() => deps.experimentResults.open(event.sender.id, key, experiment)),
    putExperimentRun: ({ key, run }, event) => results(async () => (await deps.experimentResults.put(event.sender.id, key, run), null)),
    putFailedExperimentRun: ({ key, failed }, event) => results(async () => (await deps.experimentResults.putFailed(event.sender.id, key, failed), null)),
    mergeExperimentResults: ({ key }, event) => results(async () => (await deps.experimentResults.merge(event.sender.id, key), null)),
    clearExperimentResults: ({ key }, event) => results(async () => (await deps.experimentResults.clear(event.sender.id, key), null)),
  };
}

async function importFile(disk: DocumentDisk, dialogs: WindowDialogs, kind: ImportKind) {
  const paths = await chooseFilesToImport(dialogs, kind);
  if (paths === null) return null;
  const files: ImportedFile[] = [];
  for (const path of paths) {
    if (isWeightFileName(path)) {
      files.push(await readWeightFile(disk, path));
      continue;
    }
    const { name, text } = await readDocument(disk, path);
    files.push({ name, text });
  }
  return files;
}

async function exportFile(disk: DocumentDisk, dialogs: WindowDialogs, content: string | Uint8Array, format: ExportFormat, suggestedName: string) {
  const path = await chooseWhereToExport(dialogs, format, suggestedName);
  if (path === null) return null;
  return { path: (await writeDocument(disk, path, content)).path };
}

/** One dialog for the base name, then each file beside it, in the order sent; a failed write names its file. */
async function exportFileSet(disk: DocumentDisk, dialogs: WindowDialogs, baseName: string, files: Array<{ content: string | Uint8Array; format: ExportFormat }>) {
  const chosen = await chooseWhereToExportSet(dialogs, files.map((file) => file.format), baseName);
  if (chosen === null) return null;
  const targets = files.map(({ format }) => `${chosen.base}.${format}`);
  // The Save dialog asked about the name chosen; the files beside it that would be replaced are asked here.
  const existing: string[] = [];
  for (const path of targets) if (path !== chosen.confirmed && (await exists(disk, path))) existing.push(path);
  if (!(await mayReplace(dialogs, existing))) return null;
  const paths: string[] = [];
  for (const [i, { content }] of files.entries()) paths.push((await writeDocument(disk, targets[i], content)).path);
  return { paths };
}

async function exists(disk: DocumentDisk, path: string): Promise<boolean> {
  try {
    await disk.size(path);
    return true;
  } catch {
    return false;
  }
}
