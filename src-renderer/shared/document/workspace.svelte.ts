/**
 * One open document and the trainer that runs it. Every change of the document — an edit, undo, redo,
 * opening another — goes through here, and the trainer is told what the change needs: nothing, new
 * settings, or the model again. The trainer's states come back into the document.
 */
import type { ModelDocument, NetworkState } from '../../../src-shared/model/schema';
import type { Host } from '../../hosts/host';
import { DocumentStore, type DocumentFile } from './document-store.svelte';
import { displayFor } from '../trainer/display-rate.svelte';
import { Questions } from './questions.svelte';
import { Timeline } from './timeline.svelte';
import { TrainerSession } from '../trainer/trainer-session.svelte';
import { planTrainerUpdate } from '../trainer/trainer-plan';
import { fitState, hasTrainedWeights, settleEdit, stateFitsLayers, weightsCarryOver } from '../trainer/weights-fit';

export type Change = (model: ModelDocument) => ModelDocument;

export interface EditOptions {
  /**
   * Asked first when the edit would discard trained weights; resolves true to go ahead. The default asks
   * the standard question; the builder asks its own when it has more to say (resizing the patterns).
   */
  confirmDiscard?: (model: ModelDocument) => Promise<boolean>;
  /** The edit changes the architecture although every weight matrix keeps its shape (layers reordered). */
  discardsWeights?: boolean;
  /**
   * The edit puts other weights in place (loaded from a file, or damaged: a lesion, which may split a layer):
   * nothing is asked, and the state the change gives is kept even where the network's layout changed, since
   * Undo brings back the weights it replaced rather than carrying the new ones back with it, as it would
   * trained weights.
   */
  replacesWeights?: boolean;
  /**
   * The edit damages the run's weights (a lesion, scaling, noise): the run goes on from them, so the run
   * training them next continues the current one (its curve, and the damage marked on it, go on).
   */
  damagesRun?: boolean;
}

/** Where the workbench opens a document: 'dynamics' is the Representations tab's learning dynamics. */
export type OpeningTab = 'network' | 'train' | 'dynamics';

export class Workspace {
  readonly document = new DocumentStore();
  readonly questions = new Questions();
  readonly session: TrainerSession;
  /** Looking back at the run's snapshots, and continuing from one. */
  readonly timeline: Timeline = new Timeline(this);
  /** The trainer may run: it holds the document as it stands, and the validator has nothing against it. */
  readonly canTrain = $derived.by(() => this.document.problems.length === 0 && this.session.canTrain);
  /** The document as the trainer holds it (its settings, and the state it last reported). */
  private held: ModelDocument | null = null;
  /** The tab the workbench turns to for the document shown last: a new object at every show(). */
  opened = $state.raw<{ tab: OpeningTab }>({ tab: 'train' });

  constructor(readonly host: Host) {
    this.session = new TrainerSession(host);
    this.session.onState = (state) => this.adopt(state);
    this.document.onChange(() => host.setDocumentEdited(this.document.dirty, this.document.file?.name ?? this.document.current?.name ?? null));
    host.onTrainerRestarted((message) => this.trainerRestarted(message));
  }

  /**
   * Shows a model (opened, new, recovered); the caller has already asked about unsaved work. `displayPace`:
   * the slow motion an example opens at (examples.ts); any other model opens at the Display choice
   * remembered on this machine. `tab`: where the workbench opens it — the builder for a new model, which
   * has nothing to train yet; the learning dynamics for the examples made to show them; the run otherwise.
   */
  show(
    model: ModelDocument, file: DocumentFile | null, unsaved = false,
    { displayPace = null, tab = 'train' }: { displayPace?: number | null; tab?: OpeningTab } = {},
  ): void {
    this.session.close();
    this.held = null;
    this.timeline.back();
    this.opened = { tab };
    this.document.open(model, file, unsaved);
    displayFor(this.session).forDocument(displayPace);
    this.sync();
  }

  close(): void {
    this.session.close();
    this.document.close();
  }

  /** One committed edit: one undo step. Resolves false when the user declined. */
  async edit(label: string, change: Change, options: EditOptions = {}): Promise<boolean> {
    const before = this.document.current;
    if (!before) return false;
    const forced = options.discardsWeights === true;
    const replaces = options.replacesWeights === true;
    // Weights put in place are the change's own, whatever the layout: only made to fit the patterns.
    const settle = (from: ModelDocument, to: ModelDocument) => (replaces ? { ...to, state: fitState(to, to.state) } : settleEdit(from, to));
    const next = settle(before, change(before));
    const discards = forced || (!replaces && !weightsCarryOver(before, next));
    if (discards && hasTrainedWeights(before)) {
      const go = await (options.confirmDiscard ?? ((model) => this.confirmDiscard(model)))(before);
      if (!go) return false;
    }
    if (discards || replaces || planTrainerUpdate(this.held, next).kind === 'load') {
      // Stop a run first and take its last state, so the history keeps the weights exactly as they were.
      await this.session.quiesce();
    }
    const now = this.document.current;
    if (!now) return false;
    const settled = settle(now, change(now));
    this.document.commit(forced ? { ...settled, state: null } : settled, label, forced || replaces);
    const damaged = this.document.current?.state;
    const runId = this.session.curves.currentId;
    if (options.damagesRun && damaged && runId) this.session.continuesRun(damaged, runId);
    this.sync();
    return true;
  }

  async undo(): Promise<void> {
    if (!this.document.canUndo) return;
    await this.session.quiesce();
    if (this.document.undo()) this.sync();
  }

  async redo(): Promise<void> {
    if (!this.document.canRedo) return;
    await this.session.quiesce();
    if (this.document.redo()) this.sync();
  }

  private confirmDiscard(model: ModelDocument): Promise<boolean> {
    return this.questions
      .ask({
        title: 'Discard the trained weights?',
        message: `This change needs new initial weights, so the weights trained for ${model.state?.epoch ?? 0} epochs are discarded. Undo brings them back.`,
        choices: [
          { id: 'cancel', label: 'Cancel' },
          { id: 'discard', label: 'Discard weights and change', tone: 'danger' },
        ],
        cancelId: 'cancel',
      })
      .then((answer) => answer === 'discard');
  }

  /** Tells the trainer what the document's change needs; a document the validator refuses waits. */
  private sync(): void {
    const next = this.document.current;
    if (!next || this.document.problems.length > 0) return;
    const plan = planTrainerUpdate(this.held, next);
    if (plan.kind === 'load') this.session.load(next);
    else if (plan.kind === 'configure') this.session.configure(plan.changes);
    this.held = next;
  }

  /** A new trainer holds nothing: give it the document with the last state it reported. */
  private trainerRestarted(message: string): void {
    this.held = null;
    this.sync();
    // After the load, which clears the old trainer's problems: this one message is what the user sees.
    this.session.restarted(message);
  }

  private adopt(state: NetworkState): void {
    const held = this.held;
    const current = this.document.current;
    // A state from a model the trainer no longer holds (events cross a reload in flight) is dropped.
    if (!held || !current || !stateFitsLayers(state, held.layers, held.projections)) return;
    if (!weightsCarryOver(held, current)) return;
    // The seed's initial weights are what an untrained document already means: it stays untrained.
    const kept = current.state === null && state.epoch === 0 ? null : state;
    this.held = { ...held, state: kept };
    this.document.adoptState(kept);
  }
}
