/**
 * The display rate of one trainer session, reactive: which Display choice is made (remembered on this
 * machine, like the theme and the zoom), the epoch the screen shows, and that epoch's readouts. Charts,
 * readouts and live panels read from here instead of from the session, so at "every 100 epochs" they move
 * only when the run crosses a multiple of 100, and at once to the exact state when it pauses or stops.
 * The gating rule itself is display-gate.ts.
 */
import { untrack } from 'svelte';
import type { TrainerSession } from './trainer-session.svelte';
import type { EpochSeries } from './epoch-series';
import type { RunCurve } from './run-curves.svelte';
import { choiceForPace, displayChoice, displayStep, LIVE, shownEpoch, valueAt, type DisplayChoice } from './display-gate';

const KEY = 'backprop-lab:display';

export class DisplayRate {
  private readonly session: TrainerSession;
  choice = $state.raw<DisplayChoice>(LIVE);
  /** A run is going on: the only time the display may hold back. */
  readonly live = $derived.by(() => this.session.status === 'training');
  /** Holding back right now: a run goes on and only every Nth epoch is drawn. */
  readonly gating = $derived.by(() => this.live && this.choice.every > 1);
  /**
   * The epoch shown last, as the effect in the constructor records it: the gate's memory (a run resumed
   * at 357 stays there until 400), read here and written only there.
   */
  private shown = $state(0);
  /** The epoch the screen shows: a multiple of N while gating, the trainer's own otherwise. */
  readonly epoch = $derived.by(() =>
    shownEpoch(this.shown, this.session.epoch, displayStep(this.choice.every, this.historyStride()), this.live),
  );
  /** tss of the shown epoch: from the current run's curve while gating, else the session's (a test pass once settled). */
  readonly tss = $derived.by(() => (this.gating ? this.seriesValue((run) => run.tss) : this.session.tss));
  readonly tssFromTestPass = $derived.by(() => !this.gating && this.session.tssFromTestPass);
  readonly fractionCorrect = $derived.by(() =>
    this.gating ? this.seriesValue((run) => run.fractionCorrect) : this.session.fractionCorrect,
  );

  constructor(
    session: TrainerSession,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = globalThis.localStorage ?? null,
  ) {
    this.session = session;
    this.choice = displayChoice(storage?.getItem(KEY));
    // Remember each epoch shown, for the next: shownEpoch of the epoch it gave is that epoch again, so this
    // settles at once. Before the screen's own effects, so they draw with the memory up to date.
    $effect.pre(() => {
      this.shown = this.epoch;
    });
    // A remembered slow motion is the trainer's to apply; told after this constructor, which may run
    // while a component is being set up (no state may change then). By then an example may have set its
    // own pace (forDocument): the choice as it stands then is the one to apply.
    if (this.choice.epochsPerSecond !== null) queueMicrotask(() => this.applyPace());
  }

  /**
   * The choice for a document just opened: an example's own slow motion (`pace` epochs a second, one the
   * control offers), for as long as it is open and not remembered; otherwise the one remembered here.
   */
  forDocument(pace: number | null): void {
    this.choice = (pace === null ? null : choiceForPace(pace)) ?? displayChoice(this.storage?.getItem(KEY));
    this.applyPace();
  }

  private applyPace(): void {
    if (this.session.epochsPerSecond !== this.choice.epochsPerSecond) this.session.pace(this.choice.epochsPerSecond);
  }

  choose(choice: DisplayChoice): void {
    this.choice = choice;
    if (choice.id === LIVE.id) this.storage?.removeItem(KEY);
    else this.storage?.setItem(KEY, choice.id);
    this.applyPace();
  }

  /**
   * `read()` as the display shows it: while gating, read again only when the shown epoch moves; otherwise
   * live. Call once where a component is set up, and read `.value`.
   */
  held<T>(read: () => T): { readonly value: T } {
    const value = $derived.by(() => {
      if (!this.gating) return read();
      void this.epoch;
      return untrack(read);
    });
    return {
      get value() {
        return value;
      },
    };
  }

  /** The stride of the current run's history, read whenever its curve changes. */
  private historyStride(): number {
    const run = this.session.curves.current;
    if (!run) return 1;
    void run.version;
    return untrack(() => run.tss.stride);
  }

  private seriesValue(series: (run: RunCurve) => EpochSeries): number | null {
    const epoch = this.epoch;
    const run = this.session.curves.current;
    if (!run) return null;
    return untrack(() => {
      const [epochs, values] = series(run).data();
      return valueAt(epochs, values, epoch);
    });
  }
}

/** One display rate per session, shared by the control that sets it and every panel that reads it. */
const rates = new WeakMap<TrainerSession, DisplayRate>();

export function displayFor(session: TrainerSession): DisplayRate {
  let rate = rates.get(session);
  if (!rate) {
    // Made under a root of its own, not under the component that first asks: its deriveds must outlive
    // that component (a document closed, a tab switched), since every later panel reads the same ones.
    let made: DisplayRate | undefined;
    $effect.root(() => {
      made = new DisplayRate(session);
    });
    rate = made!;
    rates.set(session, rate);
  }
  return rate;
}
