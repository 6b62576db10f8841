/**
 * The snapshots a run keeps as it trains (model/snapshots.ts): at each epoch boundary its schedule names, the
 * state the run would save there, thinned by the format's rule. Shared by the chain engine and the graph path.
 */
import { isSnapshotEpoch, snapshotOf, snapshotTextBound, thinSnapshots } from '../model/snapshots';
import type { NetworkState, Snapshot, TrainingSettings } from '../model/schema';

export class SnapshotRecorder {
  private readonly list: Snapshot[] = [];
  /** Each snapshot's snapshotTextBound, for the thinning rule. */
  private readonly costs: number[] = [];

  /** The snapshots kept, oldest first. */
  get snapshots(): readonly Snapshot[] {
    return this.list;
  }

  clear(): void {
    this.list.length = 0;
    this.costs.length = 0;
  }

  /** A file's snapshots, for a run restored from it. */
  restore(snapshots: readonly Snapshot[] | undefined): void {
    this.clear();
    for (const snapshot of snapshots ?? []) {
      this.list.push(snapshot);
      this.costs.push(snapshotTextBound(snapshot));
    }
  }

  /**
   * The run stands at the end of epoch `epoch` (no epoch under way) under `settings`: keeps `state()` there when
   * the schedule says so. A snapshot already held at this epoch is taken again — settings changed at this
   * boundary apply from it on, so continuing from it continues the run as it went on.
   */
  record(settings: TrainingSettings, epoch: number, state: () => NetworkState): void {
    const last = this.list.length - 1;
    if (last >= 0 && this.list[last].epoch === epoch) {
      this.list.length = last;
      this.costs.length = last;
    } else if (!isSnapshotEpoch(settings.snapshots, epoch) || (last >= 0 && this.list[last].epoch > epoch)) {
      return;
    }
    const snapshot = snapshotOf(state(), settings);
    this.list.push(snapshot);
    this.costs.push(snapshotTextBound(snapshot));
    thinSnapshots(this.list, this.costs);
  }

  /** `state` with the snapshots kept (none: the field stays absent, as in a run without a schedule). */
  into(state: NetworkState): NetworkState {
    if (this.list.length > 0) state.snapshots = this.list.slice();
    return state;
  }
}
