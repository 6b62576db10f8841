/**
 * Earlier runs of this session, kept as overlays on the tss chart. The session drops its curve when a run
 * starts again at epoch 0 (Reset, a new seed or initialization, a new network); this keeps a copy of the
 * curve as it grows, so the run that was dropped can still be shown, labelled by its seed and by what
 * changed. Plain TypeScript (no runes) so it is unit-tested as it is; the Train view observes the session
 * and calls observe(), and is told of changes through subscribe().
 */
import type { LayerSpec, SettingChange, TrainingSettings } from '../../src-shared/model/schema';
import { countUpTo } from './display-gate';
import { EpochSeries } from './epoch-series';
import { describeDifferences } from './setting-labels';

/** Enough for a session's comparisons; each run holds at most HISTORY_CAPACITY entries (1 MB). */
export const MAX_EARLIER_RUNS = 10;

export interface EarlierRun {
  id: number;
  /** "seed 3 · λ 0.5 → 0.3": the run's seed and what differs from it in the run that replaced it. */
  label: string;
  seed: number;
  epochs: Float64Array;
  tss: Float64Array;
  /** Settings the run started with, and the changes it went through (the engine's record). */
  training: TrainingSettings;
  settingChanges: SettingChange[];
  hidden: boolean;
}

/** What the Train view sees of the run now: the session's tss series and the document's settings. */
export interface RunObservation {
  /** Epochs s, 2s, 3s, … for the curve's stride s (1 until a long run thins it: model/epoch-history.ts). */
  epochs: ArrayLike<number>;
  tss: ArrayLike<number>;
  stride: number;
  training: TrainingSettings;
  layers: readonly LayerSpec[];
  /** The document's record of mid-run changes; null while it has no state (it keeps the last one seen). */
  settingChanges: readonly SettingChange[] | null;
}

export class RunHistory {
  runs: EarlierRun[] = [];
  /** The current run's curve as seen so far (the session truncates its own in place). */
  private readonly mirror = new EpochSeries();
  private started: { training: TrainingSettings; layers: string } | null = null;
  private settingChanges: SettingChange[] = [];
  private nextId = 1;
  private listeners: Array<() => void> = [];

  observe(now: RunObservation): void {
    const count = now.tss.length;
    if (this.mirror.length > 0 && !this.continues(now)) this.archive(now);
    if (this.mirror.length === 0 || !this.started) this.started = { training: now.training, layers: JSON.stringify(now.layers) };
    const fresh = countUpTo(now.epochs, this.mirror.lastEpoch() ?? 0);
    if (fresh < count) this.mirror.append(now.epochs[fresh], now.stride, tail(now.tss, fresh));
    if (count > 0 && now.settingChanges) this.settingChanges = [...now.settingChanges];
  }

  setHidden(id: number, hidden: boolean): void {
    this.runs = this.runs.map((run) => (run.id === id ? { ...run, hidden } : run));
    this.changed();
  }

  clear(): void {
    this.runs = [];
    this.changed();
  }

  /** Calls `listener` whenever the earlier runs change; returns the way to stop. */
  subscribe(listener: () => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((other) => other !== listener);
    };
  }

  /**
   * The run goes on when what was seen of it is still the start of the session's curve: it reaches as far,
   * and agrees at its first epoch and at the last one seen that it still holds (a long run's curve keeps
   * fewer epochs as it grows, never other values).
   */
  private continues(now: RunObservation): boolean {
    const seenUntil = this.mirror.lastEpoch()!;
    const count = now.tss.length;
    if (count === 0 || now.epochs[count - 1] < seenUntil) return false;
    const last = countUpTo(now.epochs, seenUntil) - 1;
    return this.agrees(now, 0) && this.agrees(now, last);
  }

  /** Whether the session's entry `index` is one seen, with the same value. */
  private agrees(now: RunObservation, index: number): boolean {
    const [epochs, tss] = this.mirror.data();
    const at = countUpTo(epochs, now.epochs[index]) - 1;
    return at >= 0 && epochs[at] === now.epochs[index] && same(tss[at], now.tss[index]);
  }

  private archive(now: RunObservation): void {
    const [epochs, tss] = this.mirror.data();
    const started = this.started ?? { training: now.training, layers: JSON.stringify(now.layers) };
    const training = started.training;
    const what = describeDifferences(training, now.training, ['seed']);
    if (started.layers !== JSON.stringify(now.layers)) what.push('network changed');
    if (what.length === 0 && training.seed === now.training.seed) what.push('reset');
    this.runs = [
      ...this.runs,
      {
        id: this.nextId++,
        label: [`seed ${training.seed}`, ...what].join(' · '),
        seed: training.seed,
        epochs: Float64Array.from(epochs),
        tss: Float64Array.from(tss),
        training,
        settingChanges: this.settingChanges,
        hidden: false,
      },
    ].slice(-MAX_EARLIER_RUNS);
    this.mirror.truncate(0);
    this.settingChanges = [];
    this.started = null;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** One history per workspace, so the runs outlive the Train tab being hidden and shown again. */
const histories = new WeakMap<object, RunHistory>();

export function runHistoryFor(owner: object): RunHistory {
  let history = histories.get(owner);
  if (!history) {
    history = new RunHistory();
    histories.set(owner, history);
  }
  return history;
}

/** The values from `from` on: a view when they are a typed array already (no copy at every batch). */
function tail(values: ArrayLike<number>, from: number): ArrayLike<number> {
  if (values instanceof Float64Array) return values.subarray(from);
  const out = new Float64Array(values.length - from);
  for (let i = from; i < values.length; i++) out[i - from] = values[i];
  return out;
}

function same(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
