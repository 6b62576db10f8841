/**
 * The open document: the model, the file it came from, its undo history, and whether it holds anything
 * unsaved. Edits arrive whole (one committed edit, one step); trained states arrive from the trainer and
 * are kept without a step.
 */
import type { ModelProblem } from '../../../src-shared/model/consistency';
import { parseModel } from '../../../src-shared/model/parse';
import type { ModelDocument, NetworkState, Provenance } from '../../../src-shared/model/schema';
import type { FileTarget } from '../../hosts/host';
import { DocumentHistory, type HistoryEntry } from './document-history';

export interface DocumentFile {
  name: string;
  target: FileTarget | null;
}

/** Identifies a trained state for the unsaved marker: untrained (the seed's weights) or how far it got. */
function stateKey(state: NetworkState | null): string {
  if (!state || state.epoch === 0) return 'untrained';
  return `${state.epoch}:${state.tssHistory.at(-1)}:${state.weights[0]?.[0]?.[0]}`;
}

/**
 * The file loader's own validator (schema, then consistency) on the document as edited. The trained state
 * is left out: it comes from the trainer or a file already validated, and is large.
 */
function validate(model: ModelDocument): ModelProblem[] {
  const parsed = parseModel({ ...model, state: null });
  return parsed.ok ? [] : parsed.problems;
}

export class DocumentStore {
  current = $state.raw<ModelDocument | null>(null);
  file = $state.raw<DocumentFile | null>(null);
  private revision = $state(0);
  private saved = $state<{ revision: number; stateKey: string } | null>(null);
  undoLabel = $state<string | null>(null);
  redoLabel = $state<string | null>(null);

  /** What the shared validator refuses in the document as it stands, by field path. */
  readonly problems = $derived<ModelProblem[]>(this.current ? validate(this.current) : []);
  /** Something would be lost if the document closed now: an edit, or training, since it was opened or saved. */
  readonly dirty = $derived(
    this.current !== null && (this.saved === null || this.saved.revision !== this.revision || this.saved.stateKey !== stateKey(this.current.state)),
  );
  readonly canUndo = $derived(this.undoLabel !== null);
  readonly canRedo = $derived(this.redoLabel !== null);

  private history: DocumentHistory | null = null;
  private readonly listeners: Array<() => void> = [];

  /** Called after every change of the document, its trained state, or its saved marker. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** A document opened, created or recovered; `unsaved` when it holds work that is in no file yet. */
  open(model: ModelDocument, file: DocumentFile | null, unsaved = false): void {
    this.history = new DocumentHistory(model);
    this.file = file;
    this.show(this.history.present);
    this.saved = unsaved ? null : { revision: this.revision, stateKey: stateKey(model.state) };
    this.changed();
  }

  close(): void {
    this.history = null;
    this.current = null;
    this.file = null;
    this.saved = null;
    this.undoLabel = this.redoLabel = null;
    this.changed();
  }

  /** `discards`: the edit threw the trained weights away although they would still fit (see HistoryEntry). */
  commit(model: ModelDocument, label: string, discards = false): void {
    if (!this.history) return;
    this.show(this.history.commit(model, label, discards));
    this.changed();
  }

  undo(): boolean {
    const entry = this.history?.undo();
    if (!entry) return false;
    this.show(entry);
    this.changed();
    return true;
  }

  redo(): boolean {
    const entry = this.history?.redo();
    if (!entry) return false;
    this.show(entry);
    this.changed();
    return true;
  }

  /** The trainer's state for the document as it stands: training is not an edit, and is not undone. */
  adoptState(state: NetworkState | null): void {
    if (!this.history || this.current?.state === state) return;
    this.show(this.history.replaceState(state));
    this.changed();
  }

  /** Whether the weights changed since the document was opened or saved (the provenance's lastTrained). */
  get trainedSinceSave(): boolean {
    const state = this.current?.state ?? null;
    return stateKey(state) !== 'untrained' && stateKey(state) !== this.saved?.stateKey;
  }

  /**
   * `model` (as it was when the save began) is in `file` now, stamped with `provenance`. The document is
   * marked saved unless it changed while the file was written.
   */
  markSaved(file: DocumentFile, model: ModelDocument, provenance: Provenance | undefined): void {
    if (!this.history) return;
    const unchanged = this.current === model;
    this.file = file;
    this.show(this.history.replaceProvenance(provenance));
    if (unchanged) this.saved = { revision: this.revision, stateKey: stateKey(model.state) };
    this.changed();
  }

  private show(entry: HistoryEntry): void {
    this.current = entry.document;
    this.revision = entry.revision;
    this.undoLabel = this.history?.undoLabel ?? null;
    this.redoLabel = this.history?.redoLabel ?? null;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
