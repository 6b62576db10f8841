/**
 * The trainer loop: one implementation for every host (Electron utility process, Web Worker, Node child
 * process). It trains in time slices, yielding between them so a pause is answered within a slice, and
 * batches every finished epoch's figures into metrics messages posted at a steady rate.
 */
import { describeStop } from '../engine/stopping';
import { createRun, type TrainingRun } from '../engine/training-run';
import { RecurrentRun } from '../engine/recurrent/recurrent-run';
import { describeProblems, parseModel } from '../model/parse';
import {
  trainerCommandSchema,
  type MessageEndpoint,
  type Probe,
  type RunId,
  type StopReason,
  type TrainerCommand,
  type TrainerEvent,
  type TrainerStatus,
} from '../ipc/trainer-protocol';
import { formatPath } from '../model/parse';
import type { ModelDocument } from '../model/schema';
import { historyEpoch, historyLength } from '../model/epoch-history';
import { PatternErrorSampler } from './pattern-error-sampler';
import { inspectProbe, patternWidths, type PatternWidths } from './probe-inspection';
import { inspectNextEvent } from './recurrent-inspection';

export interface TrainerTiming {
  /** Milliseconds, monotonic. */
  now: () => number;
  /** Runs `fn` after messages already queued: setImmediate in Node, a MessageChannel post in a worker. */
  defer: (fn: () => void) => void;
  /** Longest stretch of training between two looks at incoming messages. */
  sliceMs: number;
  /** Time between two metrics messages while training (50 ms: 20 a second). */
  metricsIntervalMs: number;
  /**
   * Time between two checkpoints (the full state) while training, plus `checkpointMsPerEntry` for each
   * entry of history the state carries (at most HISTORY_CAPACITY): a checkpoint with a long history is
   * cloned and checked by the page as a whole, so it comes less often, and the page spends about the same
   * small share of its time on it.
   */
  checkpointIntervalMs: number;
  checkpointMsPerEntry: number;
  /** Runs `fn` after `ms` milliseconds (slow motion waits between epochs without spinning). */
  later: (fn: () => void, ms: number) => void;
}

const defaultTiming: TrainerTiming = {
  now: () => performance.now(),
  defer: (fn) => setTimeout(fn, 0),
  sliceMs: 20,
  metricsIntervalMs: 50,
  checkpointIntervalMs: 3000,
  // A full history (65,536 entries): a checkpoint every 3.7 s.
  checkpointMsPerEntry: 0.01,
  later: (fn, ms) => setTimeout(fn, ms),
};

/** Time between two looks at the clock inside a slice. */
const CHUNK_MS = 1;

/** The events this loop posts: all but `error` are about the current run, and get its id (see post). */
type Unstamped<E = TrainerEvent> = E extends { type: 'run' } ? never : E extends { runId: RunId } ? Omit<E, 'runId'> : E;

export function serveTrainer(endpoint: MessageEndpoint<TrainerEvent>, timing: Partial<TrainerTiming> = {}): void {
  const loop = new TrainerLoop(endpoint, { ...defaultTiming, ...timing });
  endpoint.onMessage((data) => loop.receive(data));
}

class TrainerLoop {
  /** The run: the chain engine for a chain, the graph path for any other network, with time for a recurrent one (training-run.ts). */
  private simulation: TrainingRun | null = null;
  private widths: PatternWidths = { inUnits: 0, outUnits: 0, inWords: '', outWords: '' };
  /** The loaded model's patterns: a recurrent network's reset marks, and the test patterns a probe names. */
  private sets: Pick<ModelDocument, 'patterns' | 'testPatterns'> = { patterns: [] };
  private running = false;
  private targetEpoch = Number.POSITIVE_INFINITY;
  /** The last epoch whose figures went out in a metrics message. */
  private flushedEpoch = 0;
  private lastFlush = 0;
  private lastCheckpoint = 0;
  /** The wait before the next checkpoint: longer the more history the last one carried. */
  private checkpointWaitMs = 0;
  private chunk = 1;
  /** While watched: the interval between two views, and when the last went out. */
  private viewIntervalMs: number | null = null;
  private lastView = 0;
  /** Slow motion: at most this many epochs a second, counted from where the run (re)started. */
  private epochsPerSecond: number | null = null;
  private paceFrom = { time: 0, epoch: 0 };
  /** Each pattern's error at chosen epochs, for the per-pattern curves. */
  private sampler = new PatternErrorSampler(0);
  /** The epoch the engine's epochPatternErrors belong to: one this trainer saw end, or -1 (loaded, reset). */
  private errorsEpoch = -1;
  /** The run the simulation is on; runs are named `<this trainer's tag>-<count>`, unique across trainers. */
  private runId: RunId = '';
  private runCount = 0;
  private readonly tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    private readonly endpoint: MessageEndpoint<TrainerEvent>,
    private readonly timing: TrainerTiming,
  ) {}

  receive(data: unknown): void {
    const parsed = trainerCommandSchema.safeParse(data);
    if (!parsed.success) {
      const type = typeof data === 'object' && data !== null ? String((data as { type?: unknown }).type) : null;
      const detail = parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).slice(0, 5).join('; ');
      this.post({ type: 'error', message: `The trainer refused a malformed command: ${detail}`, command: type });
      return;
    }
    try {
      this.handle(parsed.data);
    } catch (error) {
      this.running = false;
      this.post({ type: 'error', message: `The trainer failed: ${(error as Error).message}`, command: parsed.data.type });
    }
  }

  private handle(command: TrainerCommand): void {
    if (command.type === 'load') return this.load(command.model, command.parentRunId ?? null);
    if (command.type === 'watch') return this.watch(command.intervalMs);
    if (command.type === 'pace') return this.pace(command.epochsPerSecond);
    const simulation = this.simulation;
    if (!simulation) {
      this.post({ type: 'error', message: 'No model is loaded: load one before training.', command: command.type });
      return;
    }
    switch (command.type) {
      case 'train':
        return this.start(simulation, Number.POSITIVE_INFINITY);
      case 'step':
        return this.start(simulation, simulation.epoch + command.epochs);
      case 'pause':
        if (this.running) this.finish(simulation, 'paused', null);
        return;
      case 'reset':
        this.running = false;
        // The run that ends keeps its curve to the epoch it reached.
        this.flushMetrics(simulation, this.timing.now());
        simulation.reset();
        this.flushedEpoch = 0;
        this.forgetPatternErrors();
        this.beginRun(simulation, null);
        return this.settle(simulation, 'ready', null, null);
      case 'configure': {
        const problems = parseModel({ ...simulation.toModel(), training: { ...simulation.settings, ...command.training } });
        if (!problems.ok) {
          this.post({ type: 'error', message: `Settings refused: ${describeProblems(problems.problems)}`, command: 'configure' });
          return;
        }
        // A new seed or initialization ends the run (configure resets): its curve first reaches where it stood.
        this.flushMetrics(simulation, this.timing.now());
        if (simulation.configure(command.training)) {
          this.running = false;
          this.flushedEpoch = 0;
          this.forgetPatternErrors();
          this.beginRun(simulation, null);
          this.settle(simulation, 'ready', null, null);
        }
        return;
      }
      case 'snapshot':
        this.post({ type: 'snapshot', model: simulation.toModel() });
        return;
      case 'stepPattern':
        return this.stepPattern(simulation);
      case 'inspect':
        return this.inspect(simulation, command.probe);
    }
  }

  private watch(intervalMs: number | null): void {
    this.viewIntervalMs = intervalMs;
    this.lastView = Number.NEGATIVE_INFINITY;
    if (intervalMs !== null && this.simulation) this.postView(this.simulation, this.timing.now());
  }

  private pace(epochsPerSecond: number | null): void {
    this.epochsPerSecond = epochsPerSecond;
    if (this.simulation) this.paceFrom = { time: this.timing.now(), epoch: this.simulation.epoch };
  }

  /** One pattern, the next in the epoch's order, looked inside just before it is presented. */
  private stepPattern(simulation: TrainingRun): void {
    if (this.running) return;
    const blocked = simulation.stopBeforeTraining();
    if (blocked) {
      this.settle(simulation, 'stopped', blocked, `The model has already trained its maximum of ${simulation.settings.maxEpochs} epochs.`);
      return;
    }
    const pattern = simulation.nextPattern();
    const position = simulation.patternsIntoEpoch;
    const epoch = simulation.epoch;
    // A recurrent network's event is seen with the context it is about to be presented with.
    const inspection = simulation instanceof RecurrentRun ? inspectNextEvent(simulation, this.sets.patterns, pattern) : simulation.inspect(pattern);
    this.post({ type: 'stepped', epoch, position, pattern, inspection });
    const outcome = simulation.advance(1);
    // Stepping records every epoch it completes.
    if (simulation.epoch > epoch) this.epochEnded(simulation, true);
    if (outcome.stop) return this.finish(simulation, outcome.stop, outcome.message);
    this.settle(simulation, 'paused', 'step-done', null);
  }

  private inspect(simulation: TrainingRun, probe: Probe): void {
    const inspection = inspectProbe(simulation, this.widths, probe, this.sets);
    if (typeof inspection === 'string') {
      this.post({ type: 'error', message: inspection, command: 'inspect' });
      return;
    }
    this.post({ type: 'inspection', probe, epoch: simulation.epoch, inspection });
  }

  private load(model: ModelDocument, parentRunId: RunId | null): void {
    const parsed = parseModel(model);
    if (!parsed.ok) {
      this.post({ type: 'error', message: `The model was refused:\n${describeProblems(parsed.problems)}`, command: 'load' });
      return;
    }
    this.running = false;
    if (this.simulation) this.flushMetrics(this.simulation, this.timing.now());
    const simulation = createRun(parsed.model);
    this.simulation = simulation;
    this.widths = patternWidths(parsed.model);
    this.sets = { patterns: parsed.model.patterns, testPatterns: parsed.model.testPatterns };
    // The new run's first metrics carry the history the model brought (nothing for an untrained one).
    this.flushedEpoch = 0;
    this.sampler = new PatternErrorSampler(simulation.patternCount);
    this.errorsEpoch = -1;
    this.beginRun(simulation, parsed.model.state === null ? null : { parentRunId });
    this.settle(simulation, simulation.epoch === 0 ? 'ready' : 'paused', null, null);
  }

  private start(simulation: TrainingRun, targetEpoch: number): void {
    if (this.running) {
      this.targetEpoch = targetEpoch;
      return;
    }
    const blocked = simulation.stopBeforeTraining();
    if (blocked) {
      this.settle(simulation, 'stopped', blocked, `The model has already trained its maximum of ${simulation.settings.maxEpochs} epochs.`);
      return;
    }
    this.running = true;
    this.targetEpoch = targetEpoch;
    this.lastFlush = this.timing.now();
    this.lastCheckpoint = this.lastFlush;
    this.checkpointWaitMs = this.checkpointWait(simulation);
    this.paceFrom = { time: this.lastFlush, epoch: simulation.epoch };
    this.sampler.restart();
    this.setStatus('training', simulation.epoch, null, null);
    this.timing.defer(() => this.tick());
  }

  private tick(): void {
    const simulation = this.simulation;
    if (!this.running || !simulation) return;
    try {
      this.trainSlice(simulation);
    } catch (error) {
      this.running = false;
      // The status first: no result follows it, and the error (for no command) tells the page so.
      this.setStatus('stopped', simulation.epoch, null, 'Training stopped because of an internal error.');
      this.post({ type: 'error', message: `Training failed at epoch ${simulation.epoch + 1}: ${(error as Error).message}`, command: null });
    }
  }

  private trainSlice(simulation: TrainingRun): void {
    const { now, sliceMs } = this.timing;
    const deadline = now() + sliceMs;
    let time = now();
    let waitMs = 0;
    while (time < deadline) {
      const allowed = this.pacedEpoch(time);
      if (simulation.epoch >= allowed) {
        waitMs = this.msUntilEpoch(allowed + 1) - time;
        break;
      }
      const before = simulation.epoch;
      // Training pauses at the next sampled epoch, the only moment its per-pattern errors can be read.
      const outcome = simulation.advance(this.chunk, Math.min(this.targetEpoch, allowed, this.sampler.nextEpoch(before)));
      if (simulation.epoch > before) this.epochEnded(simulation, false);
      const after = now();
      this.adaptChunk(after - time, outcome.presented, simulation.updateSize);
      time = after;
      if (outcome.stop) return this.finish(simulation, outcome.stop, outcome.message);
      if (simulation.epoch >= this.targetEpoch) return this.finish(simulation, 'step-done', null);
    }
    // In slow motion every epoch is shown as it finishes; at full speed, at the metrics rate.
    const paced = this.epochsPerSecond !== null;
    if (paced || time - this.lastFlush >= this.timing.metricsIntervalMs) this.flushMetrics(simulation, time);
    if (this.viewIntervalMs !== null && (paced || time - this.lastView >= this.viewIntervalMs)) this.postView(simulation, time);
    if (time - this.lastCheckpoint >= this.checkpointWaitMs) {
      this.lastCheckpoint = time;
      // Measured from the history this one carries, not the history as it grows: the wait is fixed now.
      this.checkpointWaitMs = this.checkpointWait(simulation);
      this.post({ type: 'checkpoint', epoch: simulation.epoch, state: simulation.state() });
    }
    if (waitMs > 0) this.timing.later(() => this.tick(), waitMs);
    else this.timing.defer(() => this.tick());
  }

  private checkpointWait(simulation: TrainingRun): number {
    return this.timing.checkpointIntervalMs + simulation.tssHistory.length * this.timing.checkpointMsPerEntry;
  }

  /** The last epoch slow motion lets finish by `time` (unbounded at full speed). */
  private pacedEpoch(time: number): number {
    if (this.epochsPerSecond === null) return Number.POSITIVE_INFINITY;
    return this.paceFrom.epoch + 1 + Math.floor(((time - this.paceFrom.time) * this.epochsPerSecond) / 1000);
  }

  private msUntilEpoch(epoch: number): number {
    return this.paceFrom.time + ((epoch - 1 - this.paceFrom.epoch) * 1000) / this.epochsPerSecond!;
  }

  private postView(simulation: TrainingRun, time: number): void {
    this.lastView = time;
    this.post({
      type: 'view',
      epoch: simulation.epoch,
      patterns: simulation.testPass().patterns,
      testPatterns: simulation.testData ? simulation.testPass('test')!.patterns : null,
      ...simulation.weightRows(),
    });
  }

  /**
   * Sizes the next chunk of patterns to take about CHUNK_MS, so the clock is read rarely on small nets, and
   * to whole updates (a minibatch or a batch), which the engine computes fastest unsplit. The results are
   * the same bits however the work is chunked.
   */
  private adaptChunk(elapsed: number, presented: number, updateSize: number): void {
    if (presented === 0) return;
    const perPattern = Math.max(elapsed, 1e-3) / presented;
    const patterns = Math.min(1_000_000, Math.floor(CHUNK_MS / perPattern));
    this.chunk = Math.max(1, Math.round(patterns / updateSize)) * updateSize;
  }

  private finish(simulation: TrainingRun, reason: StopReason, message: string | null): void {
    this.running = false;
    const paused = reason === 'paused' || reason === 'step-done';
    // A pause or a step the renderer words itself, with what it knows of the step (the pattern presented).
    // A run already at its maximum when asked to train: the engine counts the patterns it left wrong.
    const said = paused ? null
      : (message ?? (reason === 'max-epochs' ? simulation.maximumMessage() : describeStop(reason, { epoch: simulation.epoch, tss: simulation.lastEpochTss, settings: simulation.settings })));
    this.settle(simulation, paused ? 'paused' : 'stopped', reason, said);
  }

  /** Flushes what is pending, then says where the run stands and sends the test pass with the state. */
  private settle(simulation: TrainingRun, status: TrainerStatus, reason: StopReason | null, message: string | null): void {
    this.flushMetrics(simulation, this.timing.now());
    this.setStatus(status, simulation.epoch, reason, message);
    const pass = simulation.testPass();
    this.post({
      type: 'result',
      epoch: simulation.epoch,
      tss: pass.tss,
      fractionCorrect: pass.fractionCorrect,
      patterns: pass.patterns,
      testPatterns: simulation.testData ? simulation.testPass('test')!.patterns : null,
      state: simulation.state(),
    });
  }

  private flushMetrics(simulation: TrainingRun, time: number): void {
    this.lastFlush = time;
    const { epoch, historyStride: stride } = simulation;
    const since = this.flushedEpoch;
    if (epoch === since && !this.running) return;
    this.flushedEpoch = epoch;
    // The history's entries past the last epoch sent (the receiver thins what it holds to this stride).
    const from = historyLength(since, stride);
    const to = simulation.tssHistory.length;
    // Each message's last epoch is recorded too: the per-pattern curves end where the run stands (a pause,
    // a stop), whatever the stride.
    if (epoch > since && this.errorsEpoch === epoch) this.sampler.record(epoch, simulation.epochPatternErrors, true);
    const patternErrors = this.sampler.take(epoch - since);
    const latest = epoch > since && simulation.lastEpochTss !== null
      ? { epoch, tss: simulation.lastEpochTss, fractionCorrect: simulation.lastEpochCorrect! }
      : null;
    this.post({
      type: 'metrics',
      latest,
      historyStride: stride,
      firstEpoch: historyEpoch(from, stride),
      tss: simulation.tssHistory.slice(from, to),
      fractionCorrect: simulation.correctHistory.slice(from, to),
      testTss: simulation.testData ? simulation.testTssHistory.slice(from, to) : null,
      patternsIntoEpoch: simulation.patternsIntoEpoch,
      ...(patternErrors && { patternErrors }),
    });
  }

  /** An epoch just ended in this trainer: its per-pattern errors are readable until the next one ends. */
  private epochEnded(simulation: TrainingRun, always: boolean): void {
    this.errorsEpoch = simulation.epoch;
    this.sampler.record(simulation.epoch, simulation.epochPatternErrors, always);
  }

  /** After a reset the recorded epochs are gone, and the engine's per-pattern errors are zeros. */
  private forgetPatternErrors(): void {
    this.sampler.clear();
    this.errorsEpoch = -1;
  }

  /**
   * A new run: from the seed's initial weights (`from` null), or from a state the model brought, taken from
   * run `parentRunId` if the sender knows it (null: a file's, unknown). Posted before its first status.
   */
  private beginRun(simulation: TrainingRun, from: { parentRunId: RunId | null } | null): void {
    this.runId = `${this.tag}-${++this.runCount}`;
    this.endpoint.postMessage({
      type: 'run',
      runId: this.runId,
      parentRunId: from?.parentRunId ?? null,
      startEpoch: from ? simulation.epoch : 0,
      from: from ? 'state' : 'initial',
      training: simulation.settings,
    });
  }

  private setStatus(status: TrainerStatus, epoch: number, reason: StopReason | null, message: string | null): void {
    this.post({ type: 'status', status, epoch, reason, message });
  }

  /** Posts an event, with the current run's id on every one but an error. */
  private post(event: Unstamped): void {
    this.endpoint.postMessage(event.type === 'error' ? event : ({ ...event, runId: this.runId } as TrainerEvent));
  }
}
