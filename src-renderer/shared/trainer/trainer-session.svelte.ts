/**
 * The renderer's view of one trainer: what it was asked to do and what it reports back. Every event is
 * validated against the trainer protocol before it touches the display. The model itself belongs to the
 * document (document-store.svelte.ts); the trainer's states flow back to it through onState.
 */
import {
  trainerEventSchema,
  type MessageEndpoint,
  type PatternInspection,
  type PatternResult,
  type Probe,
  type RunId,
  type StopReason,
  type TrainerCommand,
  type TrainerEvent,
  type TrainerEventOf,
  type TrainerStatus,
} from '../../../src-shared/ipc/trainer-protocol';
import { formatPath } from '../../../src-shared/model/parse';
import type { ModelDocument, NetworkState, TrainingSettings } from '../../../src-shared/model/schema';
import type { Host } from '../../hosts/host';
import { checkHotEvent } from '../../../src-shared/ipc/hot-events';
import { checkStateEvent } from '../../../src-shared/ipc/state-events';
import { RunCurves } from './run-curves.svelte';

export interface LiveWeights {
  epoch: number;
  /** W^j for j = 0 … D−1, each out × in. */
  weights: number[][][];
  biases: number[][];
}

/** An inspection with the epoch whose weights it was taken with (the Test tab says which). */
export type InspectionAt = PatternInspection & { epoch: number };

export interface TrainerProblem {
  id: number;
  message: string;
  /** The command the trainer refused or failed on, if any. */
  command: string | null;
}

export class TrainerSession {
  status = $state<TrainerStatus>('empty');
  stopReason = $state<StopReason | null>(null);
  /** The trainer's own words on why it stopped, e.g. "Stopped at epoch 244: tss … fell below …". */
  stopMessage = $state<string | null>(null);
  epoch = $state(0);
  /** While training: tss summed during the latest epoch. Once settled: the exact test-pass tss. */
  tss = $state<number | null>(null);
  tssFromTestPass = $state(false);
  fractionCorrect = $state<number | null>(null);
  /** Outputs of the latest test pass (or live view), one per training pattern. */
  patterns = $state.raw<PatternResult[]>([]);
  /** The same for the test patterns; null when the model has none. */
  testPatterns = $state.raw<PatternResult[] | null>(null);
  /** The weights as of the latest live view or result (W^j out × in, and biases), with their epoch. */
  weights = $state.raw<LiveWeights | null>(null);
  /** The latest pattern presented by Step pattern, looked inside just before its update. */
  lastStep = $state.raw<TrainerEventOf<'stepped'> | null>(null);
  /** What the latest Step did: a whole epoch, or one pattern (lastStep); null after Train. */
  stepKind = $state<'epoch' | 'pattern' | null>(null);
  /** Slow motion: epochs a second, or null for full speed. */
  epochsPerSecond = $state<number | null>(null);
  problems = $state<TrainerProblem[]>([]);
  /** The learning curves of this trainer's runs: the current one (`curves.current`) and earlier ones. */
  readonly curves = new RunCurves();

  readonly canTrain = $derived(this.status === 'ready' || this.status === 'paused' || this.status === 'stopped');
  readonly canPause = $derived(this.status === 'training');

  /** Every full state the trainer reports (with each result and checkpoint), for the document to keep. */
  onState: (state: NetworkState) => void = () => undefined;

  private endpoint: Promise<MessageEndpoint<TrainerCommand>> | null = null;
  private nextProblemId = 1;
  /** Waiting for the trainer to stop and report where it stopped (see quiesce). */
  private settling: Array<() => void> = [];
  /**
   * The trainer said where a run stands (a status other than training) and the result carrying that state
   * is still to come: it always follows such a status (serve-trainer.ts's settle), a few milliseconds later.
   */
  private awaitingResult = false;
  /** Answers to inspect(), in the order asked (the trainer answers in order). */
  private inspecting: Array<{ resolve: (inspection: InspectionAt) => void; reject: (error: Error) => void }> = [];
  /** Live views wanted, by interval: the trainer is asked for the shortest. */
  private watchers: number[] = [];
  /** The run each state the trainer reported belongs to: a model loaded with one continues that run. */
  private readonly stateRuns = new WeakMap<NetworkState, RunId>();
  /** The network of the model the trainer was given last (its layers as JSON), for the runs it begins. */
  private network = '';
  /** How many damage records the model the trainer was given last has (RunCurve.damageFrom). */
  private damageCount = 0;

  constructor(private readonly host: Host) {}

  /**
   * Gives the trainer a model; training continues from its state, in a new run whose curve (the state's
   * history, then what follows) the trainer streams. A state this session had from a run names that run
   * as the new one's parent.
   */
  load(model: ModelDocument): void {
    this.status = 'empty';
    this.stopReason = null;
    this.stopMessage = null;
    this.epoch = model.state?.epoch ?? 0;
    this.tss = null;
    this.fractionCorrect = null;
    this.patterns = [];
    this.testPatterns = null;
    this.weights = null;
    this.lastStep = null;
    this.problems = [];
    this.curves.leave();
    this.network = JSON.stringify(model.layers);
    this.damageCount = model.damage?.length ?? 0;
    const parentRunId = model.state ? (this.stateRuns.get(model.state) ?? null) : null;
    this.send({ type: 'load', model, parentRunId });
  }

  /** `state` (a snapshot of run `runId`, continued from: the timeline's "Continue from here") starts a run whose parent is that one. */
  continuesRun(state: NetworkState, runId: RunId): void {
    this.stateRuns.set(state, runId);
  }

  /** Leaves the model: a run in progress is paused so the trainer does not spin for nobody. */
  close(): void {
    if (this.status === 'training') this.pause();
  }

  train(): void {
    this.stepKind = null;
    this.send({ type: 'train' });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  step(): void {
    this.stepKind = 'epoch';
    this.send({ type: 'step', epochs: 1 });
  }

  /** Presents the next pattern alone; lastStep shows inside it. */
  stepPattern(): void {
    this.stepKind = 'pattern';
    this.send({ type: 'stepPattern' });
  }

  /**
   * Looks inside a pattern, or any input, with the current weights; rejects with the trainer's reason. The
   * inspection comes with the epoch whose weights it used.
   */
  inspect(probe: Probe): Promise<InspectionAt> {
    return new Promise((resolve, reject) => {
      this.inspecting.push({ resolve, reject });
      this.send({ type: 'inspect', probe });
    });
  }

  /** Asks for live views (outputs and weights) every `intervalMs` while training; call the result to stop. */
  watch(intervalMs = 100): () => void {
    this.watchers = [...this.watchers, intervalMs];
    this.sendWatch();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const at = this.watchers.indexOf(intervalMs);
      this.watchers = this.watchers.filter((_, i) => i !== at);
      this.sendWatch();
    };
  }

  /** Slow motion: at most this many epochs a second (null: full speed). */
  pace(epochsPerSecond: number | null): void {
    this.epochsPerSecond = epochsPerSecond;
    this.send({ type: 'pace', epochsPerSecond });
  }

  reset(): void {
    this.send({ type: 'reset' });
  }

  configure(changes: Partial<TrainingSettings>): void {
    this.send({ type: 'configure', training: changes });
  }

  /**
   * Resolves once the trainer is not training and its latest state has gone to onState: a run in progress
   * is paused first. Changes that reload the trainer wait for this, so no trained epoch is lost.
   */
  quiesce(): Promise<void> {
    if (this.status !== 'training' && !this.awaitingResult) return Promise.resolve();
    return new Promise((resolve) => {
      this.settling.push(resolve);
      // Paused or stopped already, its result on the way (a Save right after Step or Pause): wait for it.
      if (this.status === 'training') this.pause();
    });
  }

  /** The host replaced a crashed trainer: nothing the old one was doing will finish. */
  restarted(message: string): void {
    this.report(message, null);
    this.status = 'empty';
    this.settled(true);
    this.failInspections('The trainer restarted before it answered.');
    // The new trainer knows nothing of this page's wishes: tell it again (the model follows from the workspace).
    if (this.epochsPerSecond !== null) this.send({ type: 'pace', epochsPerSecond: this.epochsPerSecond });
    this.sendWatch();
  }

  dismissProblem(id: number): void {
    this.problems = this.problems.filter((problem) => problem.id !== id);
  }

  private send(command: TrainerCommand): void {
    this.endpoint ??= this.host.trainerPort().then((endpoint) => {
      endpoint.onMessage((data) => this.receive(data));
      return endpoint;
    });
    this.endpoint.then(
      (endpoint) => endpoint.postMessage(command),
      (error: unknown) => this.report(`The trainer could not be started: ${(error as Error).message}`, command.type),
    );
  }

  private receive(data: unknown): void {
    // The frequent events (metrics, views, status) are checked by hand: the same rules as the schema, at a
    // fraction of its cost on every number (hot-events.ts); so are the histories a state carries
    // (state-events.ts); the rest by the schema.
    const hot = checkHotEvent(data) ?? checkStateEvent(data);
    if (hot !== null) {
      if (hot.ok) this.apply(hot.event);
      else this.refuse(formatPath(hot.path), hot.message);
      return;
    }
    const parsed = trainerEventSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      this.refuse(formatPath(issue.path), issue.message);
      return;
    }
    this.apply(parsed.data);
  }

  private refuse(path: string, message: string): void {
    this.report(`The trainer sent a message this app does not understand (${path}: ${message}).`, null);
  }

  private apply(event: TrainerEvent): void {
    switch (event.type) {
      case 'status':
        this.status = event.status;
        this.awaitingResult = event.status !== 'training';
        this.stopReason = event.reason;
        this.stopMessage = event.message;
        this.epoch = event.epoch;
        return;
      case 'run':
        this.curves.begin(event, this.network, this.damageCount);
        return;
      case 'metrics': {
        const { latest } = event;
        this.curves.metrics(event);
        if (latest) {
          this.epoch = latest.epoch;
          this.tss = latest.tss;
          this.tssFromTestPass = false;
          this.fractionCorrect = latest.fractionCorrect;
        }
        return;
      }
      case 'result':
        this.awaitingResult = false;
        this.epoch = event.epoch;
        this.tss = event.tss;
        this.tssFromTestPass = true;
        this.fractionCorrect = event.fractionCorrect;
        this.patterns = event.patterns;
        this.testPatterns = event.testPatterns;
        this.weights = { epoch: event.epoch, weights: event.state.weights, biases: event.state.biases };
        this.adoptState(event.runId, event.state);
        this.settled();
        return;
      case 'checkpoint':
        this.adoptState(event.runId, event.state);
        return;
      case 'snapshot':
        return;
      case 'view':
        this.patterns = event.patterns;
        this.testPatterns = event.testPatterns;
        this.weights = { epoch: event.epoch, weights: event.weights, biases: event.biases };
        return;
      case 'stepped':
        this.lastStep = event;
        return;
      case 'inspection':
        this.inspecting.shift()?.resolve({ ...event.inspection, epoch: event.epoch });
        return;
      case 'error':
        if (event.command === 'inspect' && this.inspecting.length > 0) {
          this.inspecting.shift()!.reject(new Error(event.message));
          return;
        }
        this.report(event.message, event.command);
        // A trainer that failed on its own stops: nothing more will come to wait for.
        if (event.command === null) this.settled(true);
        return;
    }
  }

  /** A run's state: remembered as that run's, recorded in its curve (setting changes), and given to the document. */
  private adoptState(runId: RunId, state: NetworkState): void {
    this.stateRuns.set(state, runId);
    this.curves.state(runId, state);
    this.onState(state);
  }

  private sendWatch(): void {
    this.send({ type: 'watch', intervalMs: this.watchers.length > 0 ? Math.min(...this.watchers) : null });
  }

  private failInspections(message: string): void {
    const waiting = this.inspecting;
    this.inspecting = [];
    for (const { reject } of waiting) reject(new Error(message));
  }

  private settled(anyway = false): void {
    if (this.status === 'training' && !anyway) return;
    if (anyway) this.awaitingResult = false;
    const waiting = this.settling;
    this.settling = [];
    for (const resolve of waiting) resolve();
  }

  private report(message: string, command: string | null): void {
    this.problems = [...this.problems, { id: this.nextProblemId++, message, command }];
  }
}
