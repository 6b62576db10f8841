/**
 * File → Import's steps: pick the files, ask about unsaved work, let the user pick a table's columns or a
 * .pat's split, then open the result as a new, unsaved document. Until that last step the open document
 * is untouched: a refusal or a Cancel anywhere leaves it as it was. A weight file (.safetensors, .npz)
 * instead loads into the open model, as one undoable edit.
 */
import type { Notice } from '../shared/notice';
import { readCsvColumns, readImportFiles, readPatSplit, splitQuestion, type ImportRead } from './import-model';
import type { ColumnChoice } from '../patterns/pattern-import';
import { readWeightImport, type WeightImport } from './weight-import';
import type { Workspace } from '../shared/document/workspace.svelte';

export type ColumnPicking = Extract<ImportRead, { kind: 'csv' }>;

export interface ImportHooks {
  /** Resolves true when nothing unsaved would be lost (File → Open's question). */
  confirmLeave(action: string): Promise<boolean>;
  say(notice: Notice | null): void;
}

export class DocumentImport {
  /** A table whose columns the user is picking; the picker shows while this is set. */
  picking = $state.raw<ColumnPicking | null>(null);
  /** The importer's refusal of the last pick (a bad cell, with its line and column). */
  pickerError = $state<string | null>(null);

  constructor(
    private readonly workspace: Workspace,
    private readonly hooks: ImportHooks,
  ) {}

  async start(): Promise<void> {
    let picked;
    try {
      picked = await this.workspace.host.importFile();
    } catch (error) {
      this.refuse(`The files could not be read: ${(error as Error).message}`);
      return;
    }
    if (!picked || picked.length === 0) return;
    // Weights are an edit of the open model, which Undo takes back; only a new model asks about unsaved work,
    // once the files say which it is.
    const weights = readWeightImport(picked, this.workspace.document.current);
    if (weights) return this.loadWeights(weights);
    if (!(await this.hooks.confirmLeave('import files as a new model'))) return;
    await this.follow(readImportFiles(picked.filter((file) => 'text' in file)));
  }

  /** The weights of one file into the open model; a file that does not fit is refused and the model kept. */
  private async loadWeights(weights: WeightImport): Promise<void> {
    if (weights.kind === 'refused') return this.refuse(weights.message);
    const done = await this.workspace.edit(weights.label, weights.change, { replacesWeights: true });
    if (done) this.hooks.say({ tone: 'info', text: `${weights.notes.join(' ')} Undo puts the weights back as they were.` });
  }

  pickColumns(choice: ColumnChoice): void {
    const picking = this.picking;
    if (!picking) return;
    const read = readCsvColumns(picking.file, picking.preview, choice);
    // A bad cell belongs beside the columns that were picked: the user may pick others.
    if (read.kind === 'refused') {
      this.pickerError = read.message;
      return;
    }
    this.picking = null;
    void this.follow(read);
  }

  cancelPicking(): void {
    this.picking = null;
    this.pickerError = null;
  }

  private async follow(read: ImportRead): Promise<void> {
    switch (read.kind) {
      case 'refused':
        return this.refuse(read.message);
      case 'csv':
        this.pickerError = null;
        this.picking = read;
        return;
      case 'split': {
        const answer = await this.workspace.questions.ask(splitQuestion(read.file, read.values));
        if (answer === 'cancel') return;
        return this.follow(readPatSplit(read.file, read.values, Number(answer)));
      }
      case 'model':
        // No file yet (Save asks for a name), and unsaved: it exists nowhere else. A new history, too, so
        // Undo cannot step back into the document that was open before.
        this.workspace.show(read.model, null, true);
        this.hooks.say({ tone: 'info', text: read.notes.join('\n') });
    }
  }

  private refuse(message: string): void {
    const kept = this.workspace.document.current ? '\nThe model you had open is unchanged.' : '';
    this.hooks.say({ tone: 'error', text: `${message}${kept}` });
  }
}
