import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecoveryStore } from '../../../src-renderer/hosts/host';
import { Autosave, type DraftContent } from '../../../src-renderer/files/autosave';

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

  it('tells the user when a draft cannot be made or stored, keeps the draft before it, and throws nothing', async () => {
    const store = fakeStore();
    const problems: (string | null)[] = [];
    let make: () => DraftContent = () => ({ name: 'm', fileName: null, text: 'good' });
    let refuse: Error | null = null;
    const keep = store.keep;
    store.keep = async (draft) => {
      if (refuse) throw refuse;
      return keep(draft);
    };
    const autosave = new Autosave(store, () => true, () => make(), { editDelayMs: 10 }, (problem) => problems.push(problem));
    await autosave.flush();
    expect(store.kept.map((d) => d.text)).toEqual(['good']);
    expect(problems).toEqual([null]);

    make = () => {
      throw new RangeError('Invalid string length');
    };
    autosave.changed();
    await vi.advanceTimersByTimeAsync(10);
    await autosave.flush();
    expect(store.kept.map((d) => d.text)).toEqual(['good']);
    expect(problems.at(-1)).toMatch(/not kept.*Invalid string length.*[Ss]ave/s);

    make = () => ({ name: 'm', fileName: null, text: 'newer' });
    refuse = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    await autosave.flush();
    expect(store.kept.map((d) => d.text)).toEqual(['good']);
    expect(problems.at(-1)).toMatch(/storage.*full|quota/i);

    refuse = null;
    await autosave.flush();
    expect(store.kept.map((d) => d.text)).toEqual(['good', 'newer']);
    expect(problems.at(-1)).toBeNull();
  });
});
