/**
 * Keeps a recovery draft of unsaved work: a few seconds after the document starts changing, and again
 * every few seconds while it goes on changing; forgets the draft at once when nothing is unsaved (saved,
 * reopened, closed), so a reload right after a save offers nothing back.
 */
import type { RecoveryDraft, RecoveryStore } from '../hosts/host';

export type DraftContent = Omit<RecoveryDraft, 'id' | 'savedAt'>;

export class Autosave {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  /** `unsaved` is asked at every change (cheap); `draft` is read only when a draft is written. */
  constructor(
    private readonly store: RecoveryStore,
    private readonly unsaved: () => boolean,
    private readonly draft: () => DraftContent,
    private readonly delayMs = 2000,
  ) {}

  changed(): void {
    if (!this.unsaved()) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes (or clears) now; resolves when the store has it. */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const content = this.unsaved() ? this.draft() : null;
    // One write at a time, in order: a clear never overtakes the keep before it.
    this.writing = this.writing
      .then(() => (content ? this.store.keep(content) : this.store.clear()))
      .catch(() => undefined);
    return this.writing;
  }
}
