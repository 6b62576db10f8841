/**
 * Keeps a recovery draft of unsaved work: a few seconds after the document starts changing, and again
 * every few seconds while it goes on changing; forgets the draft at once when nothing is unsaved (saved,
 * reopened, closed), so a reload right after a save offers nothing back.
 *
 * While a run goes on, the document changes at every checkpoint, and a draft is the whole document as
 * JSON (a million-epoch history is ~20 MB), so drafts are spaced out: at most one every `runIntervalMs`.
 * A draft is written when the page is idle (never inside the handling of a metrics batch), waiting at
 * most `idleTimeoutMs` for that. A crash thus loses at most the last `delay + idleTimeoutMs` of work:
 * 3 s after an edit, 11 s of a run.
 */
import type { RecoveryDraft, RecoveryStore } from '../hosts/host';

export type DraftContent = Omit<RecoveryDraft, 'id' | 'savedAt'>;

export interface AutosavePace {
  /** After an edit with no run going on: soon, so little typing is lost. */
  editDelayMs: number;
  /** While `running()`: the document changes at every checkpoint, and a draft is costly. At least 10 s. */
  runIntervalMs: number;
  /** Whether a run is going on; asked at every change (cheap). */
  running: () => boolean;
  /** The longest a due draft waits for an idle moment of the page. */
  idleTimeoutMs: number;
  /** Runs `write` when the page is idle, or after `timeoutMs` at the latest. */
  whenIdle: (write: () => void, timeoutMs: number) => void;
}

/** The browser's idle callback where there is one (the renderer); elsewhere (Node, tests) at once. */
function whenPageIdle(write: () => void, timeoutMs: number): void {
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(write, { timeout: timeoutMs });
  else write();
}

export const defaultPace: AutosavePace = {
  editDelayMs: 2000,
  runIntervalMs: 10_000,
  running: () => false,
  idleTimeoutMs: 1000,
  whenIdle: whenPageIdle,
};

export class Autosave {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the pending timer fires (ms since the epoch), while there is one. */
  private due = 0;
  /** A draft is due and waits for an idle moment: changes meanwhile are in it and start no new wait. */
  private waitingForIdle = false;
  private writing: Promise<void> = Promise.resolve();
  private readonly pace: AutosavePace;
  /** What was last reported (undefined: nothing yet), so a failure repeated at every draft is said once. */
  private reported: string | null | undefined = undefined;

  /**
   * `unsaved` is asked at every change (cheap); `draft` is read only when a draft is written, and may throw
   * (a document too large to write, or one a draft could not hold). `report` hears why unsaved work is not
   * being kept, and null once a draft is kept (or cleared) again.
   */
  constructor(
    private readonly store: RecoveryStore,
    private readonly unsaved: () => boolean,
    private readonly draft: () => DraftContent,
    pace: Partial<AutosavePace> = {},
    private readonly report: (problem: string | null) => void = () => undefined,
  ) {
    this.pace = { ...defaultPace, ...pace };
  }

  changed(): void {
    if (!this.unsaved()) return void this.flush();
    if (this.waitingForIdle) return;
    const delay = this.pace.running() ? this.pace.runIntervalMs : this.pace.editDelayMs;
    const wanted = Date.now() + delay;
    // A pending draft keeps its time unless this change wants one sooner (an edit, or a run that paused).
    if (this.timer !== null && this.due <= wanted) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.due = wanted;
    this.timer = setTimeout(() => this.writeWhenIdle(), delay);
  }

  /** Writes (or clears) now; resolves when the store has it. */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.waitingForIdle = false;
    let content: DraftContent | null = null;
    try {
      content = this.unsaved() ? this.draft() : null;
    } catch (error) {
      // The draft kept before stays: older work beats none.
      this.say(`Autosave: your unsaved work is not kept for recovery (${(error as Error).message}). Save it to a file; the last draft kept is still there.`);
      return this.writing;
    }
    // One write at a time, in order: a clear never overtakes the keep before it.
    this.writing = this.writing
      .then(() => (content ? this.store.keep(content) : this.store.clear()))
      .then(() => this.say(null), (error: unknown) => this.say(storageProblem(error)));
    return this.writing;
  }

  private say(problem: string | null): void {
    if (problem === this.reported) return;
    this.reported = problem;
    this.report(problem);
  }

  private writeWhenIdle(): void {
    this.timer = null;
    this.waitingForIdle = true;
    this.pace.whenIdle(() => {
      // A flush (a save, or nothing left unsaved) has written meanwhile: nothing more is due.
      if (this.waitingForIdle) void this.flush();
    }, this.pace.idleTimeoutMs);
  }
}

function storageProblem(error: unknown): string {
  if ((error as { name?: string })?.name === 'QuotaExceededError') {
    return 'Autosave: the browser’s storage is full, so your unsaved work is not kept for recovery. Save it to a file, or free space (other sites’ data, old drafts).';
  }
  return `Autosave: the browser’s storage refused the draft (${(error as Error)?.message ?? String(error)}), so your unsaved work is not kept for recovery. Save it to a file.`;
}
