/**
 * Keeps a recovery draft of unsaved work: a few seconds after the document starts changing, and again
 * every few seconds while it goes on changing; forgets the draft once nothing is unsaved.
 */
import type { RecoveryDraft, RecoveryStore } from '../hosts/host';

export type DraftContent = Omit<RecoveryDraft, 'id' | 'savedAt'>;

export class Autosave {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  /** `draft` is read when the timer fires: null when nothing is unsaved. */
  constructor(
    private readonly store: RecoveryStore,
    private readonly draft: () => DraftContent | null,
    private readonly delayMs = 2000,
  ) {}

  changed(): void {
    this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  /** Writes (or clears) now; resolves when the store has it. */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const content = this.draft();
    // One write at a time, in order: a clear never overtakes the keep before it.
    this.writing = this.writing
      .then(() => (content ? this.store.keep(content) : this.store.clear()))
      .catch(() => undefined);
    return this.writing;
  }
}
