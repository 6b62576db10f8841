/**
 * The document's undo history: each committed edit is one step. Training is not a step: the trained state
 * follows the trainer, and undoing an edit keeps it wherever it still fits the older document. Where the
 * edit had discarded the weights (a new architecture, seed or initialization), undoing brings back the
 * weights the document held at that moment.
 */
import type { ModelDocument, NetworkState, Provenance } from '../../../src-shared/model/schema';
import { fitState, weightsCarryOver } from '../trainer/weights-fit';

export interface HistoryEntry {
  readonly document: ModelDocument;
  /** Identifies the edit, not the trained state: undoing back to a saved edit finds the same revision. */
  readonly revision: number;
  /** What the edit did, for "Undo …". */
  readonly label: string;
  /**
   * The edit discarded the trained weights even where their shapes would still fit (layers reordered):
   * crossing it, in either direction, never carries weights over.
   */
  readonly discards?: boolean;
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

  commit(document: ModelDocument, label: string, discards = false): HistoryEntry {
    this.past.push(this.present);
    if (this.past.length > MAX_STEPS) this.past.shift();
    this.future = [];
    this.present = { document, revision: this.nextRevision++, label, ...(discards ? { discards } : {}) };
    return this.present;
  }

  /** The trainer's newer state for the present document: not a step. */
  replaceState(state: NetworkState | null): HistoryEntry {
    this.present = { ...this.present, document: { ...this.present.document, state } };
    return this.present;
  }

  /** The provenance a save stamped on the file: not a step either. */
  replaceProvenance(provenance: Provenance | undefined): HistoryEntry {
    this.present = { ...this.present, document: carryProvenance(this.present.document, provenance) };
    return this.present;
  }

  undo(): HistoryEntry | null {
    const target = this.past.pop();
    if (!target) return null;
    this.future.push(this.present);
    this.present = arrive(target, this.present, this.present.discards === true);
    return this.present;
  }

  redo(): HistoryEntry | null {
    const target = this.future.pop();
    if (!target) return null;
    this.past.push(this.present);
    this.present = arrive(target, this.present, target.discards === true);
    return this.present;
  }
}

/**
 * The entry moved to, carrying the weights trained since where they still fit (`across` an edit that
 * discarded them, never), and always the file's provenance: when the file was made is not an edit.
 */
function arrive(target: HistoryEntry, from: HistoryEntry, acrossDiscard: boolean): HistoryEntry {
  const carried = carryProvenance(target.document, from.document.provenance);
  const state = acrossDiscard || !weightsCarryOver(from.document, carried) ? carried.state : fitState(carried, from.document.state);
  if (carried === target.document && state === carried.state) return target;
  return { ...target, document: { ...carried, state } };
}

export function carryProvenance(document: ModelDocument, provenance: Provenance | undefined): ModelDocument {
  if (document.provenance === provenance) return document;
  if (provenance === undefined) {
    const { provenance: _none, ...rest } = document;
    return rest;
  }
  return { ...document, provenance };
}
