/**
 * The web build's host: the trainer in a Web Worker, files through the File System Access API or a file
 * input and a download, recent files and recovery drafts in IndexedDB, the browser's own prompt before
 * a tab with unsaved work closes; with no menu to zoom with, the page zooms itself.
 */
import { downloadExport, downloadExportSet } from '../files/download';
import type { Host } from './host';
import { openDroppedFile, openModelFile, openRecentFile, recentFiles, saveModelFile } from './web-files';
import { pickFilesToImport } from './web-import-files';
import { createRecoveryStore } from './web-recovery';
import { startWorkerTrainer, type WorkerTrainer } from './web-trainer';
import { webExperiments } from './experiments/web-experiments';

export async function createWebHost(): Promise<Host> {
  let trainer: WorkerTrainer | null = null;
  const restartListeners = new Set<(message: string) => void>();
  return {
    kind: 'web',
    experiments: webExperiments(),
    async trainerPort() {
      if (!trainer) {
        trainer = startWorkerTrainer();
        trainer.onRestarted((message) => restartListeners.forEach((listener) => listener(message)));
      }
      return trainer.endpoint;
    },
    // A crashed worker is replaced (web-trainer.ts); the page then reloads its model into the new one.
    onTrainerRestarted(listener) {
      restartListeners.add(listener);
      return () => restartListeners.delete(listener);
    },
    openDocument: openModelFile,
    openDroppedFile,
    importFile: pickFilesToImport,
    saveDocument: saveModelFile,
    // The browser's download: its own folder, or its own dialog if the user set one.
    async exportFile(file) {
      downloadExport(file);
      return true;
    },
    exportFileSet: downloadExportSet,
    recentDocuments: recentFiles,
    openRecentDocument: openRecentFile,
    recovery: await createRecoveryStore(),
    setDocumentEdited,
    takePendingDocument: async () => null,
    onMenuCommand: () => () => undefined,
    // No menu to zoom with: the page zooms itself for a projector.
    zoomsPage: true,
  };
}

function askBeforeLeaving(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older Chromium needs returnValue set; the text itself is never shown.
  event.returnValue = '';
}

function setDocumentEdited(edited: boolean): void {
  if (edited) addEventListener('beforeunload', askBeforeLeaving);
  else removeEventListener('beforeunload', askBeforeLeaving);
}
