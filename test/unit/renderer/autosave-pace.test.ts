/**
 * While a run goes on, the recovery draft (the whole document as JSON) is kept at most every 10 s, in an
 * idle moment, and a crash still loses at most that interval plus the idle wait.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecoveryStore } from '../../../src-renderer/hosts/host';
import { Autosave, type DraftContent } from '../../../src-renderer/files/autosave';

function fakeStore(): RecoveryStore & { kept: Array<DraftContent & { at: number }>; cleared: number } {
  const store = {
    kept: [] as Array<DraftContent & { at: number }>,
    cleared: 0,
    keep: async (draft: DraftContent) => void store.kept.push({ ...draft, at: Date.now() }),
    clear: async () => void store.cleared++,
    leftBehind: async () => [],
    discard: async () => undefined,
  };
  return store;
}

/** A document whose text is the epoch it has reached, and a trainer that may be running. */
function run() {
  const state = { epoch: 0, running: true, unsaved: true, drafts: 0 };
  const draft = (): DraftContent => {
    state.drafts++;
    return { name: 'm', fileName: null, text: String(state.epoch) };
  };
  return { state, draft };
}

describe('autosave while training', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keeps at most one draft every 10 s of a run, and never loses more than 11 s of it', async () => {
    const store = fakeStore();
    const { state, draft } = run();
    const autosave = new Autosave(store, () => state.unsaved, draft, { running: () => state.running });
    // A checkpoint every 100 ms for a minute: the document changes 600 times.
    for (let tick = 1; tick <= 600; tick++) {
      state.epoch = tick;
      autosave.changed();
      await vi.advanceTimersByTimeAsync(100);
      const newest = Number(store.kept.at(-1)?.text ?? 0);
      // What a crash now would lose: the epochs since the newest draft, at 10 per second.
      expect(tick - newest).toBeLessThanOrEqual(110);
    }
    const times = store.kept.map((d) => d.at);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(10_000);
    expect(store.kept.length).toBeGreaterThanOrEqual(5);
    // The draft was serialised only for the drafts kept, not at every change.
    expect(state.drafts).toBe(store.kept.length);
  });

  it('a pause brings a pending draft forward to the edit delay', async () => {
    const store = fakeStore();
    const { state, draft } = run();
    const autosave = new Autosave(store, () => state.unsaved, draft, { running: () => state.running, editDelayMs: 2000 });
    autosave.changed();
    await vi.advanceTimersByTimeAsync(1000);
    state.running = false;
    state.epoch = 42;
    autosave.changed();
    await vi.advanceTimersByTimeAsync(1999);
    expect(store.kept).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.kept.map((d) => [d.text, d.at])).toEqual([['42', 3000]]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(store.kept).toHaveLength(1);
  });

  it('an edit before a run keeps its 2 s draft; the run then does not postpone it', async () => {
    const store = fakeStore();
    const { state, draft } = run();
    state.running = false;
    const autosave = new Autosave(store, () => state.unsaved, draft, { running: () => state.running, editDelayMs: 2000 });
    autosave.changed();
    state.running = true;
    for (let tick = 1; tick <= 20; tick++) {
      state.epoch = tick;
      autosave.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(store.kept.map((d) => d.at)).toEqual([2000]);
  });

  it('writes a due draft in an idle moment, with what the document holds then, and waits for no second one', async () => {
    const store = fakeStore();
    const { state, draft } = run();
    const idle: Array<{ write: () => void; timeoutMs: number }> = [];
    const autosave = new Autosave(store, () => state.unsaved, draft, {
      running: () => state.running,
      whenIdle: (write, timeoutMs) => void idle.push({ write, timeoutMs }),
    });
    autosave.changed();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(idle.map((i) => i.timeoutMs)).toEqual([1000]);
    expect(state.drafts).toBe(0);
    // Checkpoints while the draft waits: they will be in it, and ask for no other wait.
    for (let tick = 1; tick <= 5; tick++) {
      state.epoch = tick;
      autosave.changed();
    }
    await vi.advanceTimersByTimeAsync(20_000);
    expect(idle).toHaveLength(1);
    idle[0].write();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.kept.map((d) => d.text)).toEqual(['5']);
  });

  it('a save while a draft waits for idle leaves nothing to write afterwards', async () => {
    const store = fakeStore();
    const { state, draft } = run();
    const idle: Array<() => void> = [];
    const autosave = new Autosave(store, () => state.unsaved, draft, {
      running: () => state.running,
      whenIdle: (write) => void idle.push(write),
    });
    autosave.changed();
    await vi.advanceTimersByTimeAsync(10_000);
    state.unsaved = false;
    autosave.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.cleared).toBe(1);
    idle[0]();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.kept).toEqual([]);
    expect(store.cleared).toBe(1);
  });

  it("uses the page's idle callback, with the idle timeout, where there is one", async () => {
    const requestIdleCallback = vi.fn((write: () => void, options: { timeout: number }) => {
      setTimeout(write, options.timeout);
      return 1;
    });
    vi.stubGlobal('requestIdleCallback', requestIdleCallback);
    const store = fakeStore();
    const { state, draft } = run();
    const autosave = new Autosave(store, () => state.unsaved, draft, { running: () => state.running });
    autosave.changed();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requestIdleCallback).toHaveBeenCalledTimes(1);
    expect(requestIdleCallback.mock.calls[0][1]).toEqual({ timeout: 1000 });
    expect(store.kept).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.kept.map((d) => d.at)).toEqual([11_000]);
  });
});
