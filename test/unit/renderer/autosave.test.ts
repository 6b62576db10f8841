import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecoveryStore } from '../../../src-renderer/hosts/host';
import { Autosave, type DraftContent } from '../../../src-renderer/state/autosave';

function fakeStore(): RecoveryStore & { kept: DraftContent[]; cleared: number } {
  const store = {
    kept: [] as DraftContent[],
    cleared: 0,
    keep: async (draft: DraftContent) => void store.kept.push(draft),
    clear: async () => void store.cleared++,
    leftBehind: async () => [],
    discard: async () => undefined,
  };
  return store;
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the latest draft a few seconds after changes begin, once however many changes', async () => {
    const store = fakeStore();
    let text = 'a';
    const autosave = new Autosave(store, () => true, () => ({ name: 'm', fileName: null, text }), { editDelayMs: 2000 });
    autosave.changed();
    text = 'b';
    autosave.changed();
    await vi.advanceTimersByTimeAsync(1999);
    expect(store.kept).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.kept.map((d) => d.text)).toEqual(['b']);
  });

  it('forgets the draft at once when nothing is unsaved, and a pending keep does not bring it back', async () => {
    const store = fakeStore();
    let unsaved = true;
    const autosave = new Autosave(store, () => unsaved, () => ({ name: 'm', fileName: null, text: 'x' }), { editDelayMs: 2000 });
    autosave.changed();
    await vi.advanceTimersByTimeAsync(2000);
    expect(store.kept).toHaveLength(1);
    autosave.changed();
    unsaved = false;
    autosave.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.cleared).toBe(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.kept).toHaveLength(1);
    expect(store.cleared).toBe(1);
  });
});
