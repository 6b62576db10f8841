/**
 * The timeline: looking back at one of the run's snapshots (model/snapshots.ts) instead of the network as it
 * is now. While an epoch is chosen, Weights, Test and Representations show the network as it was then — the
 * document continued from that snapshot, computed here on the page by the engine, without asking the trainer
 * (which goes on holding, and perhaps training, the run as it is now). "Continue from here" makes that
 * snapshot the document's state: a new run whose parent is the current one, from that epoch; Undo takes it back.
 */
import type { PatternResult, Probe } from '../../../src-shared/ipc/trainer-protocol';
import { createRun, type TrainingRun } from '../../../src-shared/engine/training-run';
import type { ModelDocument, Snapshot } from '../../../src-shared/model/schema';
import { modelAtSnapshot } from '../../../src-shared/model/snapshots';
import { inspectProbe, patternWidths } from '../../../src-shared/trainer/probe-inspection';
import type { InspectionAt, LiveWeights, TrainerSession } from '../trainer/trainer-session.svelte';
import type { DocumentStore } from './document-store.svelte';

/** What the timeline needs of the workspace that holds it. */
export interface TimelineHost {
  readonly document: Pick<DocumentStore, 'current'>;
  readonly session: Pick<TrainerSession, 'curves' | 'continuesRun'>;
  edit(label: string, change: (model: ModelDocument) => ModelDocument, options: { replacesWeights: true }): Promise<boolean>;
}

/** The network as it was at one snapshot, ready to be looked inside. */
export interface LookedBack {
  epoch: number;
  /** The epoch the run stands at now. */
  now: number;
  model: ModelDocument;
  weights: LiveWeights;
  patterns: PatternResult[];
  testPatterns: PatternResult[] | null;
  run: TrainingRun;
}

export class Timeline {
  /** The epoch looked back at; null: the network as it is now. */
  chosen = $state<number | null>(null);

  constructor(private readonly host: TimelineHost) {}

  /** The run's snapshots, oldest first (the document's state as the trainer last reported it). */
  readonly snapshots = $derived.by((): readonly Snapshot[] => this.host.document.current?.state?.snapshots ?? []);

  /**
   * The network at the chosen snapshot; null when looking at now, or when that snapshot is gone (thinned,
   * or a reset started the run over).
   */
  readonly lookedBack = $derived.by((): LookedBack | null => {
    const document = this.host.document.current;
    const epoch = this.chosen;
    if (epoch === null || !document?.state || !this.snapshots.some((snapshot) => snapshot.epoch === epoch)) return null;
    const model = modelAtSnapshot(document, epoch);
    const run = createRun(model);
    const state = model.state!;
    return {
      epoch, now: document.state.epoch, model, run,
      weights: { epoch, weights: state.weights, biases: state.biases },
      patterns: run.testPass().patterns,
      testPatterns: run.testData ? run.testPass('test')!.patterns : null,
    };
  });

  lookAt(epoch: number): void {
    this.chosen = epoch;
  }

  /** Back to the network as it is now. */
  back(): void {
    this.chosen = null;
  }

  /** Looks inside a pattern or any input with the weights of the snapshot looked at, as the trainer would now. */
  inspect(probe: Probe): Promise<InspectionAt> {
    const looked = this.lookedBack;
    if (!looked) return Promise.reject(new Error('no snapshot is looked at'));
    const inspection = inspectProbe(looked.run, patternWidths(looked.model), probe, looked.model);
    return typeof inspection === 'string' ? Promise.reject(new Error(inspection)) : Promise.resolve({ ...inspection, epoch: looked.epoch });
  }

  /**
   * "Continue from here": the document continues from the snapshot looked at — its weights, the random
   * streams' states and the settings of then — as a new run beside the current one. One undo step.
   */
  async continueFromHere(): Promise<boolean> {
    const looked = this.lookedBack;
    if (!looked) return false;
    const { model: continued, epoch } = looked;
    const parent = this.host.session.curves.current?.id;
    if (parent) this.host.session.continuesRun(continued.state!, parent);
    const done = await this.host.edit(`Continue from epoch ${epoch.toLocaleString('en')}`, (model) => ({ ...model, training: continued.training, state: continued.state }), { replacesWeights: true });
    if (done) this.chosen = null;
    return done;
  }
}
