/**
 * Snapshots of a run (version 5): which epochs a schedule keeps, how many and how large a run may keep (the
 * thinning rule), and a model continued from one of them. A snapshot at epoch E is the state a run stopped at E
 * saves, without the learning curve, with the training settings in effect from there on (schema.ts).
 *
 * The thinning rule: a run keeps at most MAX_SNAPSHOTS snapshots whose text is at most SNAPSHOT_TEXT_BUDGET
 * characters (each counted at its longest, SNAPSHOT_NUMBER_CHARS per number, so the rule depends on the
 * network's size and never on its values). While there are more, or they are larger, the oldest snapshot that
 * is neither epoch 0 nor the latest goes; when only those two are left, epoch 0 goes, then the latest (a
 * network whose one snapshot is larger than the budget keeps none).
 */
import { historyLength } from './epoch-history';
import { MAX_SNAPSHOTS, type ModelDocument, type NetworkState, type Snapshot, type SnapshotSchedule, type TrainingSettings } from './schema';

/** The most characters a run's snapshots may take in its file (32 MiB, counted as snapshotTextBound counts). */
export const SNAPSHOT_TEXT_BUDGET = 2 ** 25;
/** The longest text JSON gives a double, with its comma (file-size.ts). */
const SNAPSHOT_NUMBER_CHARS = 25;
/** A line per list: its indentation, brackets, comma and newline. */
const SNAPSHOT_LINE_CHARS = 24;
/** A snapshot's keys and training settings, generously. */
const SNAPSHOT_KEYS_CHARS = 2048;

/** Whether `schedule` keeps a snapshot at the end of epoch `epoch` (0: before training). */
export function isSnapshotEpoch(schedule: SnapshotSchedule | undefined, epoch: number): boolean {
  if (!schedule) return false;
  if (schedule.kind === 'every') return epoch % schedule.epochs === 0;
  if (epoch === 0) return true;
  // The 1-2-5 series: m · 10^d with m ∈ {1, 2, 5}.
  let mantissa = epoch;
  while (mantissa % 10 === 0) mantissa /= 10;
  return mantissa === 1 || mantissa === 2 || mantissa === 5;
}

/** A schedule in a few words: "every 100 epochs", "log-spaced", "none". */
export function describeSchedule(schedule: SnapshotSchedule | undefined): string {
  if (!schedule) return 'none';
  if (schedule.kind === 'log') return 'log-spaced (0, 1, 2, 5, 10, 20, …)';
  return schedule.epochs === 1 ? 'every epoch' : `every ${schedule.epochs.toLocaleString('en')} epochs`;
}

/** A snapshot of `state` (taken at an epoch's end) under `training`: the state without its curve and snapshots. */
export function snapshotOf(state: NetworkState, training: TrainingSettings): Snapshot {
  // Keys in the schema's order, as a file read back gives them, so a run's snapshots save to the same bytes
  // whether they were taken in this session or loaded.
  const snapshot: Snapshot = {
    epoch: state.epoch, weights: state.weights, biases: state.biases, weightMomentum: state.weightMomentum,
    biasMomentum: state.biasMomentum, orderStream: state.orderStream, cursor: state.cursor, training: structuredClone(training),
  };
  if (state.feedback !== undefined) snapshot.feedback = state.feedback;
  if (state.gradientSum !== undefined) snapshot.gradientSum = state.gradientSum;
  if (state.recurrent !== undefined) snapshot.recurrent = state.recurrent;
  const { training: settings, ...rest } = snapshot;
  return { ...rest, training: settings };
}

/** An upper bound on a snapshot's text: every number at its longest, a line per list. */
export function snapshotTextBound(snapshot: Snapshot): number {
  let numbers = 0;
  let lists = 0;
  const visit = (value: unknown): void => {
    if (typeof value === 'number') numbers++;
    else if (Array.isArray(value)) {
      lists++;
      if (value.length > 0 && typeof value[0] === 'number') numbers += value.length;
      else for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) visit(item);
  };
  const { training, ...state } = snapshot;
  void training;
  visit(state);
  return numbers * SNAPSHOT_NUMBER_CHARS + lists * SNAPSHOT_LINE_CHARS + SNAPSHOT_KEYS_CHARS;
}

/**
 * Thins `snapshots` (oldest first, with `costs` their snapshotTextBound) in place by the rule above, until at most
 * MAX_SNAPSHOTS are left whose costs sum to at most `budget`. Returns the epochs dropped.
 */
export function thinSnapshots(snapshots: Snapshot[], costs: number[], budget = SNAPSHOT_TEXT_BUDGET): number[] {
  const dropped: number[] = [];
  let total = costs.reduce((sum, cost) => sum + cost, 0);
  while (snapshots.length > 0 && (snapshots.length > MAX_SNAPSHOTS || total > budget)) {
    const index = oldestToDrop(snapshots);
    dropped.push(snapshots[index].epoch);
    total -= costs[index];
    snapshots.splice(index, 1);
    costs.splice(index, 1);
  }
  return dropped;
}

/** The oldest snapshot that is neither epoch 0 nor the latest; when there is none, the first (epoch 0, then the latest). */
function oldestToDrop(snapshots: readonly Snapshot[]): number {
  const last = snapshots.length - 1;
  for (let i = 0; i < last; i++) if (snapshots[i].epoch !== 0) return i;
  return 0;
}

/** The epochs a model's run has snapshots of, oldest first. */
export function snapshotEpochs(model: ModelDocument): number[] {
  return (model.state?.snapshots ?? []).map((snapshot) => snapshot.epoch);
}

/** "has no snapshot at epoch 7; its snapshots are at epochs 0, 100 and 200", for a message naming the model. */
export function missingSnapshotMessage(model: ModelDocument, epoch: number): string {
  const epochs = snapshotEpochs(model);
  if (epochs.length === 0) return `has no snapshot at epoch ${epoch}: its run kept no snapshots (set a snapshot schedule in the training settings and train)`;
  const listed = epochs.length === 1 ? `epoch ${epochs[0]}` : `epochs ${epochs.slice(0, -1).join(', ')} and ${epochs[epochs.length - 1]}`;
  return `has no snapshot at epoch ${epoch}; its snapshots are at ${listed}`;
}

/**
 * The model as it stood at its snapshot at `epoch`, ready to continue exactly from there: the snapshot's
 * settings and state, the run's learning curve and setting changes up to that epoch, and the snapshots up to
 * it. Continuing it for N epochs gives, bit for bit, what the run itself held N epochs after the snapshot
 * (when its settings did not change in between). Throws a RangeError naming the epochs there are when there is none.
 */
export function modelAtSnapshot(model: ModelDocument, epoch: number): ModelDocument {
  const state = model.state;
  const snapshots = state?.snapshots ?? [];
  const index = snapshots.findIndex((snapshot) => snapshot.epoch === epoch);
  if (!state || index < 0) throw new RangeError(`the model ${missingSnapshotMessage(model, epoch)}`);
  const { training, ...rest } = snapshots[index];
  const stride = state.historyStride ?? 1;
  const kept = historyLength(epoch, stride);
  const continued: NetworkState = {
    ...rest,
    tssHistory: state.tssHistory.slice(0, kept),
    correctHistory: state.correctHistory.slice(0, kept),
  };
  if (stride !== 1) continued.historyStride = stride;
  if (state.testTssHistory) continued.testTssHistory = state.testTssHistory.slice(0, kept);
  // A change at the snapshot's own epoch boundary is part of the settings it holds (see SnapshotRecorder.record).
  const changes = (state.settingChanges ?? []).filter((change) => change.epoch < epoch || (change.epoch === epoch && change.pattern === 0));
  if (changes.length > 0) continued.settingChanges = structuredClone(changes);
  continued.snapshots = snapshots.slice(0, index + 1);
  return { ...model, training: structuredClone(training), state: continued };
}
