/**
 * The page's one store of learning curves: every run the trainer announced (trainer-protocol.ts's `run`
 * event), keyed by its id, with the run it started from (its parent) and the epoch it started at, and its
 * per-epoch series as the trainer streamed them under that id — tss, fraction correct, test tss, each
 * pattern's error. Several are held at once: the current run (the one the trainer trains now) and the
 * earlier ones the tss chart draws faintly behind it.
 *
 * The series grow in place (typed arrays, no copy per batch); each run's `version` says its series grew, so
 * a chart of one run redraws when that run changes and no other.
 */
import type { RunId, RunStart, TrainerEventOf } from '../../../src-shared/ipc/trainer-protocol';
import type { NetworkState, SettingChange, TrainingSettings } from '../../../src-shared/model/schema';
import { EpochSeries } from './epoch-series';
import { PatternErrorSeries } from './pattern-error-series';
import { describeDifferences } from '../setting-labels';

/** Runs kept besides the current one (oldest dropped first); each holds at most HISTORY_CAPACITY entries a series. */
export const MAX_EARLIER_RUNS = 10;

/** How a run began: its settings, its network, and from what. */
export type RunBeginning = Pick<RunCurve, 'training' | 'network' | 'from' | 'startEpoch'>;

export class RunCurve {
  readonly id: RunId;
  /** The run whose state this one started from; null from the seed's weights or from a file. */
  readonly parentId: RunId | null;
  /** The epoch it started at: 0 from the seed's weights, the state's epoch otherwise. */
  readonly startEpoch: number;
  readonly from: RunStart['from'];
  /** The settings it started with. */
  readonly training: TrainingSettings;
  /** The network it trains (its layers as JSON): runs of another network are labelled so. */
  readonly network: string;
  /** tss per epoch (every stride-th of a long run), from epoch 1: a continued run's includes what it continued. */
  readonly tss = new EpochSeries();
  readonly fractionCorrect = new EpochSeries();
  readonly testTss = new EpochSeries();
  readonly patternErrors = new PatternErrorSeries();
  /** Counts the changes to the series above: read it to be told they grew. */
  version = $state(0);
  /** The changes of settings during the run, as its latest state records them. */
  settingChanges = $state.raw<readonly SettingChange[]>([]);
  /** Left out of the chart by the user (earlier runs only). */
  hidden = $state(false);
  /** How the run that replaced it began (what its label compares with); null while it is current. */
  next: RunBeginning | null = null;
  /**
   * How many of the document's damage records (model.damage, in the order done) were done to runs this one
   * does not continue: a run from the seed's weights (a Reset, a new seed) starts after all done so far; a
   * run continued from another's state (a lesion, Continue from here) shares its parent's. Its chart marks
   * the records from here on — those done to the weights it holds.
   */
  readonly damageFrom: number;

  constructor(start: RunStart, network: string, damageFrom = 0) {
    this.id = start.runId;
    this.damageFrom = damageFrom;
    this.parentId = start.parentRunId;
    this.startEpoch = start.startEpoch;
    this.from = start.from;
    this.training = start.training;
    this.network = network;
  }

  /** A metrics message of this run: the history entries it gained, and per-pattern errors. */
  append(metrics: TrainerEventOf<'metrics'>): void {
    const { firstEpoch, historyStride: stride } = metrics;
    if (metrics.tss.length > 0) {
      this.tss.append(firstEpoch, stride, metrics.tss);
      this.fractionCorrect.append(firstEpoch, stride, metrics.fractionCorrect);
      if (metrics.testTss) this.testTss.append(firstEpoch, stride, metrics.testTss);
    }
    if (metrics.patternErrors) this.patternErrors.append(metrics.patternErrors);
    if (metrics.tss.length > 0 || metrics.patternErrors) this.version++;
  }

  /** The last epoch its curve reaches (0 before any). */
  get lastEpoch(): number {
    return this.tss.lastEpoch() ?? 0;
  }
}

/** An earlier run as the tss chart shows it: the run and its legend label. */
export interface EarlierRun {
  run: RunCurve;
  /** "seed 3 · λ 0.5 → 0.3": its seed and what differs from it in the run that followed it. */
  label: string;
}

export class RunCurves {
  /** Every run held, oldest first. */
  runs = $state.raw<RunCurve[]>([]);
  /** The run the trainer trains now; null between a load and the trainer's answer, or before any. */
  currentId = $state<RunId | null>(null);
  readonly current = $derived.by(() => this.runs.find((run) => run.id === this.currentId) ?? null);
  /** The runs the tss chart draws behind the current one, oldest first. */
  readonly earlier = $derived.by(() => earlierRuns(this.runs, this.current));
  /** The run current before leave(): the next run begun follows it. */
  private left: RunCurve | null = null;

  /**
   * A run the trainer just announced: the current one from now on. `network` is its layers as JSON;
   * `damageCount` the number of damage records of the model the trainer holds (see RunCurve.damageFrom).
   */
  begin(start: RunStart, network: string, damageCount = 0): RunCurve {
    const parent = start.parentRunId === null ? undefined : this.get(start.parentRunId);
    const damageFrom = start.from === 'initial' ? damageCount : Math.min(damageCount, parent?.damageFrom ?? 0);
    const run = new RunCurve(start, network, damageFrom);
    const ended = this.current ?? this.left;
    if (ended) ended.next = { training: run.training, network: run.network, from: run.from, startEpoch: run.startEpoch };
    this.left = null;
    const kept = this.runs.filter((other) => other.id !== run.id && other.lastEpoch > 0);
    this.runs = [...kept.slice(-MAX_EARLIER_RUNS), run];
    this.currentId = run.id;
    return run;
  }

  /** No run is current (a model sent to the trainer, not yet answered): the last one becomes an earlier run. */
  leave(): void {
    this.left = this.current ?? this.left;
    this.currentId = null;
  }

  get(id: RunId): RunCurve | undefined {
    return this.runs.find((run) => run.id === id);
  }

  /** A metrics message: it grows the curve of the run it names (one not held, e.g. cleared, is ignored). */
  metrics(event: TrainerEventOf<'metrics'>): void {
    this.get(event.runId)?.append(event);
  }

  /** A state the trainer reported for a run (with a result or checkpoint): its record of setting changes. */
  state(id: RunId, state: NetworkState): void {
    const run = this.get(id);
    if (run) run.settingChanges = state.settingChanges ?? [];
  }

  setHidden(id: RunId, hidden: boolean): void {
    const run = this.get(id);
    if (run) run.hidden = hidden;
  }

  /** Forgets every run but the current one. */
  clear(): void {
    this.runs = this.runs.filter((run) => run.id === this.currentId);
  }
}

/**
 * The runs other than the current one that have a curve, except a run the current one continues from
 * where that run stood: its curve is the start of the current one's, drawn already.
 */
export function earlierRuns(runs: readonly RunCurve[], current: RunCurve | null): EarlierRun[] {
  const within: RunId[] = [];
  for (let child = current; child?.parentId; ) {
    const parent = runs.find((run) => run.id === child!.parentId);
    if (!parent) break;
    if (parent.lastEpoch <= child.startEpoch) within.push(parent.id);
    child = parent;
  }
  return runs
    .filter((run) => run !== current && run.lastEpoch > 0 && !within.includes(run.id))
    .map((run) => ({ run, label: label(run, run.next) }));
}

/** Its seed, and what the run that replaced it changed (its settings, its network), or that it was reset. */
function label(run: RunCurve, next: RunBeginning | null): string {
  const what = next ? describeDifferences(run.training, next.training, ['seed']) : [];
  if (next && next.network !== run.network) what.push('network changed');
  if (next && what.length === 0 && next.training.seed === run.training.seed) what.push(next.from === 'initial' ? 'reset' : `continued from epoch ${next.startEpoch}`);
  return [`seed ${run.training.seed}`, ...what].join(' · ');
}
