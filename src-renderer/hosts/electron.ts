/**
 * The Electron host: the page's side of the preload's verbs. The trainer runs in a utility process, and
 * the preload hands the page a MessagePort to it as a window message (ports cannot cross contextBridge).
 * When main replaces a trainer that died, a new port arrives the same way: the endpoint the page holds
 * moves over to it by itself, and the page is told (onTrainerRestarted) so it can load its last snapshot.
 * Files go through main's dialogs; recovery drafts live in the page's own IndexedDB (app:// is a standard
 * origin with storage), exactly as in the web build. Loaded only when the preload's API exists.
 */
import type { OpenedDocument } from '../../src-shared/ipc/channels';
import { MENU_COMMANDS, TRAINER_PORT_MESSAGE, type PreloadApi, type TrainerPortMessage } from '../../src-shared/ipc/preload-api';
import type { MessageEndpoint, TrainerCommand, TrainerEvent } from '../../src-shared/ipc/trainer-protocol';
import { SILENCE_MS, SilenceWatch } from '../../src-shared/trainer/silence-watch';
import { restartMessage } from '../../src-shared/trainer/trainer-supervisor';
import type { FileTarget, Host, OpenedFile } from './host';
import { fileText } from './file-text';
import { isTextEntry } from '../shared/focus-kinds';
import { pickFilesToImport as pickFilesWithInput } from './web-import-files';
import { createRecoveryStore } from './web-recovery';
import { electronExperiments } from './experiments/electron-experiments';

export interface ElectronHost extends Host {
  readonly kind: 'electron';
  /** The preload's verbs, for what Host does not cover yet (help). */
  readonly api: PreloadApi;
  /**
   * `listener` runs after main replaced a crashed trainer, with the one message to show the user. The
   * endpoint from trainerPort already talks to the new trainer, which holds no model: send it `load`
   * with the last snapshot (model and state). Returns a function that stops listening.
   */
  onTrainerRestarted(listener: (message: string) => void): () => void;
}

/** How often a training trainer's silence is checked. */
const SILENCE_CHECK_MS = 1000;

/** In Electron a file target is the file's path; main writes only to the path the window holds. */
const asTarget = (path: string) => path as unknown as FileTarget;

export async function createElectronHost(api: PreloadApi): Promise<ElectronHost> {
  let endpoint: Promise<MessageEndpoint<TrainerCommand>> | null = null;
  const restartListeners = new Set<(message: string) => void>();
  const opened = (document: OpenedDocument | 'opened-in-new-window' | null): OpenedFile | null =>
    document === null || document === 'opened-in-new-window' ? null : { name: document.name, text: document.text, target: asTarget(document.path) };
  return {
    kind: 'electron',
    api,
    experiments: electronExperiments(api),
    trainerPort() {
      endpoint ??= new Promise((resolve) => {
        const trainer = new SwappableTrainerPort();
        let first = true;
        // Main sees no training traffic, so the page finds a hung trainer (SilenceWatch) and asks main for a
        // fresh one, which ends the hung process; the port that comes back is then a restart like a crash's.
        let silenced: string | null = null;
        window.addEventListener('message', (event: MessageEvent) => {
          // Only the preload posts from this window itself; anything else (a frame, another origin) is not it.
          if (event.source !== window || !isTrainerPortMessage(event.data) || event.ports.length === 0) return;
          trainer.attach(event.ports[0]);
          const restarted = event.data.restarted ?? silenced;
          silenced = null;
          if (first) resolve(trainer.endpoint);
          else if (restarted !== null) for (const listener of restartListeners) listener(restarted);
          first = false;
        });
        setInterval(() => {
          if (silenced !== null || !trainer.silent()) return;
          silenced = restartMessage(`it stopped answering for ${SILENCE_MS / 1000} seconds`);
          api.requestTrainerPort();
        }, SILENCE_CHECK_MS);
        api.requestTrainerPort();
      });
      return endpoint;
    },
    onTrainerRestarted(listener) {
      restartListeners.add(listener);
      return () => void restartListeners.delete(listener);
    },
    // A file that goes to a window of its own leaves this page as it is: null, as if nothing was chosen.
    openDocument: async () => opened(await api.openDocument()),
    // A dropped file is read here; it has no target, so its first Save asks where.
    async openDroppedFile(data) {
      const file = data.files[0];
      return file ? { name: file.name, text: await fileText(file), target: null } : null;
    },
    // From a click in the page, the page's file input (several files: a tlearn .cf with its .data and
    // .teach). From the menu there is no user activation, so a file input would not open: main's dialog
    // then, which takes several files too.
    async importFile() {
      if (navigator.userActivation?.isActive) return pickFilesWithInput();
      return await api.importFile('patterns');
    },
    async saveDocument(text, { target, suggestedName }) {
      const saved = target === null ? await api.saveDocumentAs(text, suggestedName) : await api.saveDocument(text, suggestedName);
      return saved && { name: saved.name, target: asTarget(saved.path) };
    },
    exportFile: async ({ name, format, content }) => (await api.exportFile(content, format, name)) !== null,
    exportFileSet: async ({ baseName, files }) => (await api.exportFileSet(baseName, files)) !== null,
    recentDocuments: async () => (await api.recentDocuments()).map(({ path, name, openedAt }) => ({ id: path, name, openedAt })),
    openRecentDocument: async (id) => opened(await api.openRecentDocument(id)),
    recovery: await createRecoveryStore(),
    setDocumentEdited: (edited, name) => void api.setDocumentEdited(edited, name).catch((error: Error) => console.error(error.message)),
    takePendingDocument: async () => opened(await api.takePendingDocument()),
    onMenuCommand: (listener) =>
      api.onMenuCommand((command) => {
        // Edit → Undo/Redo while the user types in a field undoes the typing, as Ctrl/Cmd+Z does there in
        // the page (ShortcutKeys.svelte): on macOS that key reaches the page only as this menu item, and a
        // click on the menu leaves the focus in the field.
        if ((command === 'undo' || command === 'redo') && isTextEntry(document.activeElement)) {
          document.execCommand(command);
          return;
        }
        if (MENU_COMMANDS.includes(command)) listener(command);
      }),
  };
}

function isTrainerPortMessage(data: unknown): data is TrainerPortMessage {
  return typeof data === 'object' && data !== null && (data as TrainerPortMessage).type === TRAINER_PORT_MESSAGE;
}

/** One endpoint for the page, whichever port currently leads to the trainer. */
class SwappableTrainerPort {
  private port: MessagePort | null = null;
  private handlers: ((data: unknown) => void)[] = [];
  private watch = new SilenceWatch(() => performance.now());

  readonly endpoint: MessageEndpoint<TrainerCommand> = {
    postMessage: (command) => {
      this.watch.sent(command);
      this.port?.postMessage(command);
    },
    onMessage: (handler) => {
      this.handlers.push(handler);
      this.listen();
    },
  };

  /** Whether the trainer should be talking (it trains) and has been silent too long. */
  silent(): boolean {
    return this.watch.silent();
  }

  attach(port: MessagePort): void {
    this.port?.close();
    this.port = port;
    // A new trainer holds no model and trains nothing until the page loads one.
    const watch = (this.watch = new SilenceWatch(() => performance.now()));
    port.addEventListener('message', (event) => {
      watch.heard(event.data);
      this.handlers.forEach((handler) => handler(event.data));
    });
    port.addEventListener('messageerror', () => this.handlers.forEach((handler) => handler(failure('A message from the trainer could not be read.'))));
    if (this.handlers.length > 0) this.listen();
  }

  /** Started only once someone listens: until then the port holds the trainer's messages, none is lost. */
  private listen(): void {
    this.port?.start();
  }
}

function failure(message: string): TrainerEvent {
  return { type: 'error', message, command: null };
}
