/**
 * The document's undo history: each committed edit is one step. Training is not a step: the trained state
 * follows the trainer, and undoing an edit keeps it wherever it still fits the older document. Where the
 * edit had discarded the weights (a new architecture, seed or initialization), undoing brings back the
 * weights the document held at that moment.
 */
import type { ModelDocument, NetworkState } from '../../src-shared/model/schema';
import { fitState, weightsCarryOver } from './weights-fit';

export interface HistoryEntry {
  readonly document: ModelDocument;
  /** Identifies the edit, not the trained state: undoing back to a saved edit finds the same revision. */
  readonly revision: number;
  /** What the edit did, for "Undo …". */
  readonly label: string;
}

/** Enough for a lesson's worth of edits; each step shares every unchanged array with its neighbours. */
const MAX_STEPS = 200;

export class DocumentHistory {
  private past: HistoryEntry[] = [];
  private future: HistoryEntry[] = [];
  private nextRevision: number;
  present: HistoryEntry;

  constructor(document: ModelDocument, firstRevision = 0) {
    this.present = { document, revision: firstRevision, label: '' };
    this.nextRevision = firstRevision + 1;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** The edit Undo would take back, or null. */
  get undoLabel(): string | null {
    return this.canUndo ? this.present.label : null;
  }

  get redoLabel(): string | null {
    return this.future.at(-1)?.label ?? null;
  }

  commit(document: ModelDocument, label: string): HistoryEntry {
    this.past.push(this.present);
    if (this.past.length > MAX_STEPS) this.past.shift();
    this.future = [];
    this.present = { document, revision: this.nextRevision++, label };
    return this.present;
  }

  /** The trainer's newer state for the present document: not a step. */
  replaceState(state: NetworkState | null): HistoryEntry {
    this.present = { ...this.present, document: { ...this.present.document, state } };
    return this.present;
  }

  undo(): HistoryEntry | null {
    const target = this.past.pop();
    if (!target) return null;
    this.future.push(this.present);
    this.present = arrive(target, this.present);
    return this.present;
  }

  redo(): HistoryEntry | null {
    const target = this.future.pop();
    if (!target) return null;
    this.past.push(this.present);
    this.present = arrive(target, this.present);
    return this.present;
  }
}

/** The entry moved to, carrying the weights trained since where they still fit. */
function arrive(target: HistoryEntry, from: HistoryEntry): HistoryEntry {
  if (!weightsCarryOver(from.document, target.document)) return target;
  const state = fitState(target.document, from.document.state);
  return state === target.document.state ? target : { ...target, document: { ...target.document, state } };
}
