/**
 * One document per window: which file each window holds, whether it has unsaved changes, where a file
 * being opened goes (the focused window if it holds nothing yet, else a window of its own), and the
 * Save / Don't Save / Cancel prompt when an edited window is closed or the app quits.
 */
import type { BrowserWindow, MessageBoxOptions } from 'electron';
import type { OpenedDocument, SavedDocument } from '../../src-shared/ipc/channels';
import { IPC_CHANNELS, type MenuCommand } from '../../src-shared/ipc/preload-api';
import { answerFor, closeAfterAnswer, closeDecision, closePrompt } from './close-prompt';
import {
  chooseDocumentToOpen,
  chooseWhereToSave,
  readDocument,
  writeDocument,
  type DocumentDisk,
  type WindowDialogs,
} from './document-files';
import { documentName, windowTitle } from './document-title';
import { UserFacingError } from './ipc-handlers';
import { modelTextProblem } from '../../src-shared/model/save-check';

export type DocumentWindow = Pick<
  BrowserWindow,
  'on' | 'once' | 'close' | 'focus' | 'isDestroyed' | 'isFocused' | 'setTitle' | 'setDocumentEdited' | 'setRepresentedFilename'
> & { webContents: Pick<BrowserWindow['webContents'], 'id' | 'send'> };

export interface DocumentWindowsDeps<W extends DocumentWindow> {
  /** Creates, secures and loads a new app window. */
  createWindow(): W;
  platform: NodeJS.Platform;
  disk: DocumentDisk;
  /** Dialogs attached to `window`, or free-standing when there is none. */
  dialogs(window: W | null): WindowDialogs;
  showMessageBox(window: W, options: MessageBoxOptions): Promise<{ response: number }>;
  /** A file was opened or saved: the OS's recent documents, and the Open Recent menu. */
  noteRecent(path: string): void;
  /** app.quit, called again when a quit paused for a prompt may go on. */
  quit(): void;
}

interface Held<W extends DocumentWindow> {
  window: W;
  path: string | null;
  edited: boolean;
  /** The name the page shows for its document (an example's before it is saved), for the title and prompt. */
  pageName: string | null;
  /** A file to hand the page when it asks (takePendingDocument). */
  pendingPath: string | null;
  /** The user answered the prompt (Don't Save) or the save it asked for succeeded: closing goes ahead. */
  closeConfirmed: boolean;
  /** Save was chosen on close: close once the page's save succeeds. */
  closeAfterSave: boolean;
  prompting: boolean;
}

export class DocumentWindows<W extends DocumentWindow = DocumentWindow> {
  private readonly held = new Map<number, Held<W>>();
  private quitting = false;

  constructor(private readonly deps: DocumentWindowsDeps<W>) {}

  /** A new window, with a file to open in it or empty. */
  openWindow(path: string | null = null): W {
    const window = this.deps.createWindow();
    const held: Held<W> = { window, path: null, edited: false, pageName: null, pendingPath: path, closeConfirmed: false, closeAfterSave: false, prompting: false };
    const id = window.webContents.id;
    this.held.set(id, held);
    this.showTitle(held);
    window.on('close', (event) => this.onClose(held, event));
    window.once('closed', () => {
      this.held.delete(id);
      // A quit paused for this window's prompt goes on with the next window.
      if (this.quitting) this.deps.quit();
    });
    return window;
  }

  /** A file to open from outside the page: a double click, a second launch, Open Recent, the menu's Open. */
  openPath(path: string): void {
    const already = [...this.held.values()].find((held) => held.path === path);
    if (already) {
      already.window.focus();
      return;
    }
    const empty = this.focusedEmpty();
    if (empty) {
      empty.pendingPath = path;
      this.send(empty, 'open-pending');
    } else {
      this.openWindow(path);
    }
  }

  /** The page's own Open (`from`: its window): the document, for the page to show, or a new window for it. */
  async openWithDialog(from: W | null): Promise<OpenedDocument | 'opened-in-new-window' | null> {
    const path = await chooseDocumentToOpen(this.deps.dialogs(from));
    return path === null ? null : this.openFor(from, path);
  }

  /**
   * The page asked for `path` (Open, a recent file): if its window holds nothing yet the page gets the
   * document; otherwise the file goes to a window of its own and the page keeps what it has.
   */
  async openFor(from: W | null, path: string): Promise<OpenedDocument | 'opened-in-new-window'> {
    const caller = from ? this.heldBy(from.webContents.id) : null;
    if (caller && isEmpty(caller)) return this.load(caller, path);
    this.openPath(path);
    return 'opened-in-new-window';
  }

  /** The menu's Open… (`focused`: the window it was chosen in, if any): the file opens as openPath says. */
  async openFromMenu(focused: W | null): Promise<void> {
    const path = await chooseDocumentToOpen(this.deps.dialogs(focused));
    if (path !== null) this.openPath(path);
  }

  /** The file this window was opened for, read now; once. */
  async takePendingDocument(contentsId: number): Promise<OpenedDocument | null> {
    const held = this.heldBy(contentsId);
    const path = held?.pendingPath ?? null;
    if (!held || path === null) return null;
    held.pendingPath = null;
    return this.load(held, path);
  }

  async save(contentsId: number, text: string, suggestedName: string | undefined, askWhere: boolean): Promise<SavedDocument | null> {
    const held = this.heldBy(contentsId);
    if (!held) return null;
    let saved: SavedDocument | null = null;
    try {
      // The page checks too, but a file main writes over must open again whatever the page sent.
      const problem = modelTextProblem(text);
      if (problem !== null) throw new UserFacingError(`The model was not saved: ${problem}\nThe file that was there is unchanged.`);
      const path = !askWhere && held.path !== null ? held.path : await chooseWhereToSave(this.deps.dialogs(held.window), suggestedName ?? documentName(held.path, held.pageName));
      if (path !== null) saved = await writeDocument(this.deps.disk, path, text);
    } finally {
      this.afterSave(held, saved);
    }
    return saved;
  }

  /** The page's document changed: whether it has unsaved changes, and (when the page says) its name. */
  setEdited(contentsId: number, edited: boolean, pageName?: string | null): void {
    const held = this.heldBy(contentsId);
    if (!held) return;
    held.edited = edited;
    if (pageName !== undefined) held.pageName = pageName;
    this.showTitle(held);
  }

  /** app 'before-quit': each edited window asks as it is closed. */
  beginQuit(): void {
    this.quitting = true;
  }

  /** Sends a menu command to the focused window's page. */
  sendToFocused(command: MenuCommand): void {
    const held = this.focused();
    if (held) this.send(held, command);
  }

  focusedWindow(): W | null {
    return this.focused()?.window ?? null;
  }

  /** The file the window's document was opened from or saved to; null while it has none. */
  pathOf(contentsId: number): string | null {
    return this.heldBy(contentsId)?.path ?? null;
  }

  windowOf(contentsId: number): W | null {
    return this.heldBy(contentsId)?.window ?? null;
  }

  private focused(): Held<W> | null {
    return [...this.held.values()].find((h) => !h.window.isDestroyed() && h.window.isFocused()) ?? null;
  }

  private async load(held: Held<W>, path: string): Promise<OpenedDocument> {
    const document = await readDocument(this.deps.disk, path);
    held.path = path;
    held.edited = false;
    this.showTitle(held);
    this.deps.noteRecent(path);
    return document;
  }

  private afterSave(held: Held<W>, saved: SavedDocument | null): void {
    const closing = held.closeAfterSave;
    held.closeAfterSave = false;
    if (saved) {
      held.path = saved.path;
      held.edited = false;
      this.showTitle(held);
      this.deps.noteRecent(saved.path);
      if (closing) {
        held.closeConfirmed = true;
        // After this save's answer has gone back to the page.
        setImmediate(() => held.window.isDestroyed() || held.window.close());
      }
    } else if (closing) {
      // The user cancelled the Save dialog: the window stays, and so does the app.
      this.quitting = false;
    }
  }

  private onClose(held: Held<W>, event: { preventDefault(): void }): void {
    if (closeDecision({ edited: held.edited, confirmed: held.closeConfirmed }) === 'close') return;
    event.preventDefault();
    if (held.prompting) return;
    held.prompting = true;
    const { options, answers } = closePrompt(documentName(held.path, held.pageName), this.deps.platform);
    void this.deps
      .showMessageBox(held.window, options)
      .then(({ response }) => {
        const { action, stopQuitting } = closeAfterAnswer(answerFor(response, answers));
        if (stopQuitting) this.quitting = false;
        if (action === 'close') {
          held.closeConfirmed = true;
          held.window.close();
        } else if (action === 'save-then-close') {
          held.closeAfterSave = true;
          this.send(held, 'save');
        }
      })
      .finally(() => (held.prompting = false));
  }

  private showTitle(held: Held<W>): void {
    if (held.window.isDestroyed()) return;
    held.window.setTitle(windowTitle(held.path, held.edited, this.deps.platform, held.pageName));
    if (this.deps.platform === 'darwin') {
      held.window.setDocumentEdited(held.edited);
      held.window.setRepresentedFilename(held.path ?? '');
    }
  }

  private focusedEmpty(): Held<W> | null {
    const focused = this.focused();
    return focused && isEmpty(focused) ? focused : null;
  }

  private heldBy(contentsId: number): Held<W> | null {
    return this.held.get(contentsId) ?? null;
  }

  private send(held: Held<W>, command: MenuCommand): void {
    if (!held.window.isDestroyed()) held.window.webContents.send(IPC_CHANNELS.menuCommand, command);
  }
}

/** A window that holds no file and no changes: opening a file there loses nothing. */
function isEmpty(held: Held<DocumentWindow>): boolean {
  return held.path === null && !held.edited && held.pendingPath === null;
}
