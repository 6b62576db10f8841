/**
 * A run's learning curve: tss, fraction correct and the test set's tss at epochs stride, 2·stride, …,
 * thinned to every other entry whenever it fills (model/epoch-history.ts), and the last epoch's figures as
 * summed while training it.
 */
import { HISTORY_CAPACITY, recordsEpoch, thinHistory } from '../model/epoch-history';
import type { NetworkState } from '../model/schema';

/** The learning curve as a run's state holds it. */
export type SavedHistories = Pick<NetworkState, 'tssHistory' | 'correctHistory' | 'historyStride' | 'testTssHistory'>;

export class RunHistories {
  readonly tss: number[] = [];
  readonly correct: number[] = [];
  /** Empty when the model has no test patterns. */
  readonly testTss: number[] = [];
  /** Entry i of the histories is epoch (i + 1) · stride. */
  stride = 1;
  /**
   * tss and fraction correct of the run's last epoch; null before the first epoch, and after loading a file
   * whose history skips that epoch (a stride above 1).
   */
  lastTss: number | null = null;
  lastCorrect: number | null = null;

  clear(): void {
    this.tss.length = 0;
    this.correct.length = 0;
    this.testTss.length = 0;
    this.stride = 1;
    this.lastTss = null;
    this.lastCorrect = null;
  }

  /** Epoch `epoch` just finished with these figures; `testTss` is asked for only when the epoch is recorded. */
  finishEpoch(epoch: number, tss: number, correct: number, testTss: (() => number) | null): void {
    this.lastTss = tss;
    this.lastCorrect = correct;
    if (!recordsEpoch(epoch, this.stride)) return;
    this.tss.push(tss);
    this.correct.push(correct);
    if (testTss) this.testTss.push(testTss());
    if (this.tss.length >= HISTORY_CAPACITY) this.thin();
  }

  /**
   * After the histories and stride were read from a file at epoch `epoch`. A file's history is never this
   * long (it thins on reaching the capacity), unless written by hand or by an early version: thinned as a run
   * would have thinned it.
   */
  private restored(epoch: number): void {
    while (this.tss.length >= HISTORY_CAPACITY) this.thin();
    const recorded = epoch > 0 && recordsEpoch(epoch, this.stride);
    this.lastTss = recorded ? this.tss[this.tss.length - 1] : null;
    this.lastCorrect = recorded ? this.correct[this.correct.length - 1] : null;
  }

  /** The curve as a file holds it: the stride where it is not 1, the test set's curve where the model has test patterns. */
  save(withTest: boolean): SavedHistories {
    const saved: SavedHistories = { tssHistory: this.tss.slice(), correctHistory: this.correct.slice() };
    if (this.stride !== 1) saved.historyStride = this.stride;
    if (withTest) saved.testTssHistory = this.testTss.slice();
    return saved;
  }

  /** The curve a file holds, for a run restored at epoch `epoch`. */
  restore(saved: SavedHistories, epoch: number, withTest: boolean): void {
    this.clear();
    this.stride = saved.historyStride ?? 1;
    // Histories can hold tens of thousands of entries: copied by loops, not spread into push() (argument limits).
    for (const value of saved.tssHistory) this.tss.push(value);
    for (const value of saved.correctHistory) this.correct.push(value);
    if (withTest) for (const value of saved.testTssHistory ?? []) this.testTss.push(value);
    this.restored(epoch);
  }

  private thin(): void {
    for (const history of [this.tss, this.correct, this.testTss]) thinHistory(history);
    this.stride *= 2;
  }
}
