/**
 * The web build's experiment results in IndexedDB (fake-indexeddb), kept within their budget: the runs of
 * the KEPT_EXPERIMENTS experiments that stored a run most recently; an older one's go when another
 * experiment stores its first run; "Delete stored results" removes all; runs stored before the budget count
 * as the oldest.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunResult } from '../../../src-shared/experiment/run-one';
import type { StoredRun } from '../../../src-renderer/experiment/experiment-results';

type Store = typeof import('../../../src-renderer/hosts/experiments/web-experiment-store');

/** A fresh browser storage and a fresh module (its open database is per module). */
async function freshStore(): Promise<Store> {
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.stubGlobal('IDBKeyRange', IDBKeyRange);
  vi.resetModules();
  return import('../../../src-renderer/hosts/experiments/web-experiment-store');
}

const run = (index: number): StoredRun => ({ result: { index, status: 'finished' } as unknown as RunResult, time: 1000 + index });
const keyOf = (n: number) => `${n.toString(16).padStart(16, '0')}-10`;

let store: Store;
beforeEach(async () => {
  store = await freshStore();
});

describe('the web build’s stored experiment results', () => {
  it('keep the most recent KEPT_EXPERIMENTS experiments: an older one’s runs go when another stores its first', async () => {
    expect(store.KEPT_EXPERIMENTS).toBe(5);
    for (let n = 1; n <= 5; n++) {
      await store.putRun(keyOf(n), run(0));
      await store.putRun(keyOf(n), run(1));
    }
    await store.putFailedRun(keyOf(1), { index: 2, message: 'crashed' });
    expect(await store.storedExperiments()).toEqual([1, 5, 4, 3, 2].map(keyOf));
    // A sixth experiment: the least recently used (2; 1 has just stored a run) goes, runs and all.
    await store.putRun(keyOf(6), run(0));
    expect(await store.storedExperiments()).toEqual([6, 1, 5, 4, 3].map(keyOf));
    expect(await store.loadRuns(keyOf(2))).toEqual({ runs: [], failed: [] });
    expect(await store.loadRuns(keyOf(1))).toEqual({ runs: [run(0), run(1)], failed: [{ index: 2, message: 'crashed' }] });
    expect((await store.loadRuns(keyOf(3))).runs).toHaveLength(2);
    // Storing more of a kept experiment removes nothing.
    await store.putRun(keyOf(3), run(2));
    expect(await store.storedExperiments()).toEqual([3, 6, 1, 5, 4].map(keyOf));
  });

  it('“Delete stored results” removes every experiment’s runs; Cancel removes one', async () => {
    for (let n = 1; n <= 3; n++) await store.putRun(keyOf(n), run(0));
    await store.clearRuns(keyOf(2));
    expect(await store.storedExperiments()).toEqual([3, 1].map(keyOf));
    expect((await store.loadRuns(keyOf(2))).runs).toEqual([]);
    await store.deleteAllRuns();
    expect(await store.storedExperiments()).toEqual([]);
    for (const n of [1, 3]) expect((await store.loadRuns(keyOf(n))).runs).toEqual([]);
  });

  it('counts runs stored before the budget as the oldest, so they go first', async () => {
    // The version-1 database: runs only.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('backprop-lab-experiments', 1);
      request.onupgradeneeded = () => {
        const runs = request.result.createObjectStore('runs', { keyPath: 'id' });
        for (const n of [8, 9]) runs.put({ id: `${keyOf(n)}/00000`, run: run(0) });
      };
      request.onsuccess = () => (request.result.close(), resolve());
      request.onerror = () => reject(request.error);
    });
    expect((await store.loadRuns(keyOf(8))).runs).toEqual([run(0)]);
    expect(new Set(await store.storedExperiments())).toEqual(new Set([8, 9].map(keyOf)));
    for (let n = 1; n <= 4; n++) await store.putRun(keyOf(n), run(0));
    const kept = await store.storedExperiments();
    expect(kept.slice(0, 4)).toEqual([4, 3, 2, 1].map(keyOf));
    expect(kept).toHaveLength(5);
    // One of the two old experiments made room; the other goes with the next new one.
    await store.putRun(keyOf(5), run(0));
    expect(await store.storedExperiments()).toEqual([5, 4, 3, 2, 1].map(keyOf));
    for (const n of [8, 9]) expect((await store.loadRuns(keyOf(n))).runs).toEqual([]);
  });
});
