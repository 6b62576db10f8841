/**
 * Recovery drafts in the web build, one per browser tab, in IndexedDB. A tab holds a Web Lock for as long
 * as it lives; a draft whose tab holds no lock was left behind (the tab closed or crashed) and is offered
 * at the next start. A reloaded tab keeps its id (sessionStorage), so it finds its own draft too.
 */
import type { RecoveryDraft, RecoveryStore } from './host';
import { getAll, put, remove } from './web-store';

const TAB_KEY = 'backprop-lab:tab';
/** A draft as IndexedDB holds it: its text in a Blob (drafts kept by earlier versions hold a string). */
type StoredDraft = Omit<RecoveryDraft, 'text'> & { text: Blob | string };
const lockName = (id: string) => `backprop-lab:tab:${id}`;

export async function createRecoveryStore(): Promise<RecoveryStore> {
  const id = await claimTabId();
  return {
    // The text as a Blob: Chromium refuses a stored value past 127 MiB, and a large network's draft is more.
    keep: (draft) => put<StoredDraft>('recovery', { ...draft, text: new Blob([draft.text], { type: 'application/json' }), id, savedAt: Date.now() }),
    clear: () => remove('recovery', id),
    async leftBehind() {
      const drafts = await getAll<StoredDraft>('recovery');
      const live = await liveTabs();
      const left = drafts.filter((draft) => draft.id === id || !live.has(lockName(draft.id))).sort((a, b) => b.savedAt - a.savedAt);
      return Promise.all(left.map(async (draft) => ({ ...draft, text: typeof draft.text === 'string' ? draft.text : await draft.text.text() })));
    },
    discard: (draftId) => remove('recovery', draftId),
  };
}

/** This tab's id, kept across reloads; a new one when a duplicated tab brought another live tab's id along. */
async function claimTabId(): Promise<string> {
  let id = sessionStorage.getItem(TAB_KEY);
  if (!id || !(await holdLock(lockName(id)))) {
    id = crypto.randomUUID();
    await holdLock(lockName(id));
  }
  sessionStorage.setItem(TAB_KEY, id);
  return id;
}

function holdLock(name: string): Promise<boolean> {
  if (!navigator.locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    navigator.locks
      .request(name, { ifAvailable: true }, (lock) => {
        resolve(lock !== null);
        // Held until the tab goes away.
        return lock ? new Promise<void>(() => undefined) : undefined;
      })
      .catch(() => resolve(true));
  });
}

async function liveTabs(): Promise<Set<string>> {
  if (!navigator.locks) return new Set();
  const snapshot = await navigator.locks.query();
  return new Set((snapshot.held ?? []).map((lock) => lock.name ?? ''));
}
