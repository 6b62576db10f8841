/**
 * New, Open (dialog, drop, recent), Import (a new document from other tools' files), Save, Save As,
 * Export (the model in the command line's export formats), and recovery: the document's way in and out of files, with a question before unsaved work is lost and a
 * clear message, naming the field, for a bad file.
 */
import type { ExampleInfo } from '../../src-shared/data/examples';
import type { ModelDocument } from '../../src-shared/model/schema';
import type { MenuCommand, OpenedFile, RecentFile, RecoveryDraft } from '../hosts/host';
import { Autosave } from './autosave';
import { blankModel } from '../network/blank-model';
import { withProvenance } from '../../src-shared/model/serialize';
import { APP_VERSION } from '../shared/app-version';
import { DocumentImport } from './import-document.svelte';
import { ModelExporting } from './model-export.svelte';
import { readModelText, suggestedFileName } from './model-text';
import { readDraft } from './recovery-draft';
import { draftText, modelFileText } from './save-text';
import type { Workspace } from '../shared/document/workspace.svelte';
import type { Notice } from '../shared/notice';

export class FileCommands {
  /** The latest file problem or confirmation, shown until dismissed or replaced. */
  notice = $state.raw<Notice | null>(null);
  recent = $state.raw<RecentFile[]>([]);
  /** Unsaved work left behind by a window that closed or crashed, offered at start-up. */
  drafts = $state.raw<RecoveryDraft[]>([]);
  /** File → Import's steps, and the column picker it may show. */
  readonly importing: DocumentImport;
  /** File → Export's dialog. */
  readonly exporting: ModelExporting;
  private readonly autosave: Autosave;
  /** The notice autosave last gave, taken down when drafts are kept again. */
  private autosaveNotice: Notice | null = null;

  constructor(private readonly workspace: Workspace) {
    this.importing = new DocumentImport(workspace, {
      confirmLeave: (action) => this.confirmLeave(action),
      say: (notice) => (this.notice = notice),
    });
    this.exporting = new ModelExporting(workspace, (text) => (this.notice = { tone: 'info', text }));
    const { document, host } = workspace;
    this.autosave = new Autosave(
      host.recovery,
      () => document.current !== null && document.dirty,
      () => {
        const model = document.current!;
        return { name: model.name, fileName: document.file?.name ?? null, text: draftText(model) };
      },
      // While a run goes on, a draft (the whole document) at most every 10 s, in an idle moment.
      { running: () => workspace.session.status === 'training' },
      (problem) => this.autosaveProblem(problem),
    );
    document.onChange(() => this.autosave.changed());
  }

  /** At start-up: the menus, the recent files, any work to recover, and a file the host was opened with. */
  async start(): Promise<void> {
    const { host } = this.workspace;
    host.onMenuCommand((command) => void this.menuCommand(command));
    const [recent, drafts, pending] = await Promise.all([
      host.recentDocuments().catch(() => []),
      host.recovery.leftBehind().catch(() => []),
      host.takePendingDocument().catch(() => null),
    ]);
    this.recent = recent;
    this.drafts = drafts;
    if (pending) this.openText(pending);
  }

  private async menuCommand(command: MenuCommand): Promise<void> {
    switch (command) {
      case 'save':
        return void (await this.save());
      case 'save-as':
        return void (await this.saveAs());
      case 'import':
        return this.importDocument();
      case 'export':
        return this.exportModel();
      case 'undo':
        return this.workspace.undo();
      case 'redo':
        return this.workspace.redo();
      case 'open-pending': {
        const pending = await this.workspace.host.takePendingDocument().catch(() => null);
        if (pending && (await this.confirmLeave(`open ${pending.name}`))) this.openText(pending);
        return;
      }
    }
  }

  async newModel(): Promise<void> {
    if (await this.confirmLeave('start a new model')) this.workspace.show(blankModel(), null, false, { tab: 'network' });
  }

  async openExample(example: ExampleInfo): Promise<void> {
    if (await this.confirmLeave(`open the ${example.title} example`)) this.workspace.show(example.build(), null, false, { displayPace: example.displayPace, tab: example.opensOn === 'dynamics' ? 'dynamics' : 'train' });
  }

  /** A model made from the open one (an experiment's single run), as a new unsaved document. */
  async openDerived(model: ModelDocument, what: string): Promise<void> {
    if (await this.confirmLeave(`open ${what}`)) this.workspace.show(model, null, true);
  }

  async open(): Promise<void> {
    if (!(await this.confirmLeave('open another model'))) return;
    await this.attempt('open the file', async () => {
      const opened = await this.workspace.host.openDocument();
      if (opened) this.openText(opened);
    });
  }

  /** Other tools' files (tlearn, CSV, .pat, .ex) as a new, unsaved document; the open one stays on any refusal. */
  importDocument(): Promise<void> {
    return this.importing.start();
  }

  /** File → Export: the open document's outputs, activations, weights, curve, or other tools' files. */
  async exportModel(): Promise<void> {
    if (!this.workspace.document.current) {
      this.notice = { tone: 'info', text: 'Export writes the open model: open an example or a model file first.' };
      return;
    }
    await this.exporting.open();
  }

  async openDropped(data: DataTransfer): Promise<void> {
    // Read first: the drop's data is gone once the question below has been answered.
    let opened: OpenedFile | null = null;
    await this.attempt('open the dropped file', async () => {
      opened = await this.workspace.host.openDroppedFile(data);
    });
    if (opened && (await this.confirmLeave('open the dropped file'))) this.openText(opened);
  }

  async openRecent(file: RecentFile): Promise<void> {
    if (!(await this.confirmLeave(`open ${file.name}`))) return;
    await this.attempt(`open ${file.name}`, async () => {
      const opened = await this.workspace.host.openRecentDocument(file.id);
      if (opened) this.openText(opened);
    });
    this.recent = await this.workspace.host.recentDocuments().catch(() => this.recent);
  }

  /** Saves to the document's file, or asks where; resolves false if nothing was saved. */
  save(): Promise<boolean> {
    return this.write(this.workspace.document.file?.target ?? null);
  }

  saveAs(): Promise<boolean> {
    return this.write(null);
  }

  async recover(draft: RecoveryDraft): Promise<void> {
    const reading = readDraft(draft);
    if (!reading.ok) {
      this.notice = { tone: 'error', text: reading.message };
      return;
    }
    if (!(await this.confirmLeave('recover the unsaved work'))) return;
    this.workspace.show(reading.model, draft.fileName ? { name: draft.fileName, target: null } : null, true);
    await this.discardDraft(draft);
    // Kept again at once under this window, so a second crash still finds it.
    await this.autosave.flush();
  }

  async discardDraft(draft: RecoveryDraft): Promise<void> {
    this.drafts = this.drafts.filter((d) => d.id !== draft.id);
    await this.workspace.host.recovery.discard(draft.id).catch(() => undefined);
  }

  /** Back to the gallery, after asking about unsaved work. */
  async close(): Promise<void> {
    if (!(await this.confirmLeave('close this model'))) return;
    this.workspace.close();
    await this.autosave.flush();
  }

  /** True when nothing unsaved would be lost: saved, declined, or there was nothing to save. */
  async confirmLeave(action: string): Promise<boolean> {
    const { document, questions } = this.workspace;
    const model = document.current;
    if (!model || !document.dirty) return true;
    const answer = await questions.ask({
      title: 'Save your changes?',
      message: `“${document.file?.name ?? model.name}” has changes that are not saved. Save them before you ${action}?`,
      choices: [
        { id: 'cancel', label: 'Cancel' },
        { id: 'discard', label: 'Don’t save', tone: 'danger' },
        { id: 'save', label: 'Save', tone: 'primary' },
      ],
      cancelId: 'cancel',
    });
    if (answer === 'save') return this.save();
    return answer === 'discard';
  }

  private async write(target: Parameters<Workspace['host']['saveDocument']>[1]['target']): Promise<boolean> {
    const { document, host, session } = this.workspace;
    if (!document.current) return false;
    if (document.problems.length > 0) {
      this.notice = { tone: 'error', text: 'This model cannot be saved until the problems marked in red are fixed: a file with them could not be opened again.' };
      return false;
    }
    // The weights as they are this moment, not as of the last checkpoint.
    await session.quiesce();
    const model: ModelDocument | null = document.current;
    if (!model) return false;
    // A timestamp for the file, read once: nothing reactive depends on it.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const stamped = withProvenance(model, APP_VERSION, new Date(), document.trainedSinceSave);
    const text = modelFileText(stamped);
    if (!text.ok) {
      this.notice = { tone: 'error', text: `Could not save the model: ${text.message}\nNothing was written.` };
      return false;
    }
    let saved = false;
    await this.attempt('save the model', async () => {
      const file = await host.saveDocument(text.text, { target, suggestedName: document.file?.name ?? suggestedFileName(model) });
      if (!file) return;
      document.markSaved(file, model, stamped.provenance);
      this.notice = { tone: 'info', text: file.target ? `Saved to ${file.name}.` : `Saved ${file.name} to your downloads.` };
      saved = true;
    });
    if (saved) this.recent = await host.recentDocuments().catch(() => this.recent);
    return saved;
  }

  private autosaveProblem(problem: string | null): void {
    if (problem === null) {
      if (this.notice === this.autosaveNotice) this.notice = null;
      this.autosaveNotice = null;
      return;
    }
    this.autosaveNotice = { tone: 'error', text: problem };
    this.notice = this.autosaveNotice;
  }

  /** A file's text as the document, or a message naming the field that is wrong; the open document stays. */
  private openText(opened: OpenedFile): void {
    const reading = readModelText(opened.text, opened.name);
    if (!reading.ok) {
      this.notice = { tone: 'error', text: `${reading.message}\nThe model you had open is unchanged.` };
      return;
    }
    this.notice = null;
    this.workspace.show(reading.model, { name: opened.name, target: opened.target });
  }

  private async attempt(what: string, action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.notice = { tone: 'error', text: `Could not ${what}: ${(error as Error).message}` };
    }
  }
}
