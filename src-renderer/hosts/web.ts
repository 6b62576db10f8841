/**
 * The web build's host: the trainer in a Web Worker, files through the File System Access API or a file
 * input and a download, recent files and recovery drafts in IndexedDB, and the browser's own prompt before
 * a tab with unsaved work closes.
 */
import type { MessageEndpoint, TrainerCommand } from '../../src-shared/ipc/trainer-protocol';
import type { Host } from './host';
import { openDroppedFile, openModelFile, openRecentFile, recentFiles, saveModelFile } from './web-files';
import { createRecoveryStore } from './web-recovery';
import { startWorkerTrainer } from './web-trainer';

export async function createWebHost(): Promise<Host> {
  let endpoint: MessageEndpoint<TrainerCommand> | null = null;
  return {
    kind: 'web',
    async connectTrainer() {
      endpoint ??= startWorkerTrainer();
      return endpoint;
    },
    // A worker that dies says so through the trainer's own error event; it is not restarted.
    onTrainerRestarted: () => () => undefined,
    openModelFile,
    openDroppedFile,
    saveModelFile,
    recentFiles,
    openRecentFile,
    recovery: await createRecoveryStore(),
    setDocumentEdited,
    takePendingFile: async () => null,
    onMenuCommand: () => () => undefined,
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
