/**
 * Where the web build keeps an experiment's finished runs (IndexedDB, a database of its own beside
 * web-store's): each run is put the moment it finishes, keyed by the experiment's text, so a reload resumes
 * where it stopped and another experiment's runs are never mixed in. The browser's storage is not the
 * user's to tidy, so it is kept within a budget: the results of the KEPT_EXPERIMENTS experiments that stored
 * a run most recently; an older experiment's runs go when another one stores its first. "Delete stored
 * results" in the Experiment tab removes them all (deleteAllRuns).
 */
import type { FailedRun } from '../../../src-shared/experiment/run-record';
import type { StoredRun } from '../../experiment/experiment-results';
import { settle } from '../web-store';

const DATABASE = 'backprop-lab-experiments';
/** 2: the `experiments` store, when each experiment last stored a run. */
const VERSION = 2;

/** How many experiments' results the browser keeps. */
export const KEPT_EXPERIMENTS = 5;

interface RunEntry {
  /** `experimentKey/index`. */
  id: string;
  run?: StoredRun;
  failed?: FailedRun;
}

interface ExperimentEntry {
  key: string;
  /** When it last stored a run, ms since 1970 (0 for runs stored before the budget). */
  usedAt: number;
}

let opening: Promise<IDBDatabase> | null = null;
/** Each use is later than the one before, even within one millisecond. */
let lastUse = 0;
const useTime = () => (lastUse = Math.max(Date.now(), lastUse + 1));

function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE, VERSION);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      if (!db.objectStoreNames.contains('runs')) db.createObjectStore('runs', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('experiments')) {
        const experiments = db.createObjectStore('experiments', { keyPath: 'key' });
        // Runs stored before the budget existed: their experiments count as the oldest.
        if (event.oldVersion >= 1) {
          request.transaction!.objectStore('runs').openKeyCursor().onsuccess = function () {
            const cursor = this.result;
            if (!cursor) return;
            experiments.put({ key: String(cursor.primaryKey).split('/')[0], usedAt: 0 } satisfies ExperimentEntry);
            cursor.continue();
          };
        }
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The browser’s local storage could not be opened.'));
    request.onblocked = () => reject(new Error('The browser’s local storage is in use by an older copy of the app: close its other tabs.'));
  });
  opening.catch(() => (opening = null));
  return opening;
}

/** A short key for an experiment's text (FNV-1a, two lanes) with its length: a name, not a security check. */
export function experimentKey(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = (b ^ (b >>> 13)) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}-${text.length}`;
}

function range(key: string): IDBKeyRange {
  return IDBKeyRange.bound(`${key}/`, `${key}/\uffff`);
}

export async function loadRuns(key: string): Promise<{ runs: StoredRun[]; failed: FailedRun[] }> {
  const db = await database();
  const entries = await settle(db.transaction('runs', 'readonly').objectStore('runs').getAll(range(key)) as IDBRequest<RunEntry[]>);
  return {
    runs: entries.flatMap((entry) => (entry.run ? [entry.run] : [])),
    failed: entries.flatMap((entry) => (entry.failed ? [entry.failed] : [])),
  };
}

export function putRun(key: string, run: StoredRun): Promise<void> {
  return store(key, { id: `${key}/${String(run.result.index).padStart(5, '0')}`, run });
}

export function putFailedRun(key: string, failed: FailedRun): Promise<void> {
  return store(key, { id: `${key}/${String(failed.index).padStart(5, '0')}`, failed });
}

/**
 * Puts the entry and marks its experiment as used now, in one transaction; an experiment new to the storage
 * makes room for itself by removing the runs of those beyond the budget, the least recently used first.
 */
async function store(key: string, entry: RunEntry): Promise<void> {
  const db = await database();
  const transaction = db.transaction(['runs', 'experiments'], 'readwrite');
  const runs = transaction.objectStore('runs');
  const experiments = transaction.objectStore('experiments');
  runs.put(entry);
  experiments.put({ key, usedAt: useTime() } satisfies ExperimentEntry);
  experiments.getAll().onsuccess = function () {
    const all = (this.result as ExperimentEntry[]).filter((e) => e.key !== key).sort((a, b) => b.usedAt - a.usedAt);
    for (const old of all.slice(KEPT_EXPERIMENTS - 1)) {
      runs.delete(range(old.key));
      experiments.delete(old.key);
    }
  };
  await finished(transaction);
}

export async function clearRuns(key: string): Promise<void> {
  const db = await database();
  const transaction = db.transaction(['runs', 'experiments'], 'readwrite');
  transaction.objectStore('runs').delete(range(key));
  transaction.objectStore('experiments').delete(key);
  await finished(transaction);
}

/** "Delete stored results": every experiment's runs. */
export async function deleteAllRuns(): Promise<void> {
  const db = await database();
  const transaction = db.transaction(['runs', 'experiments'], 'readwrite');
  transaction.objectStore('runs').clear();
  transaction.objectStore('experiments').clear();
  await finished(transaction);
}

/** The experiments whose results the browser holds, the most recently used first. */
export async function storedExperiments(): Promise<string[]> {
  const db = await database();
  const all = await settle(db.transaction('experiments', 'readonly').objectStore('experiments').getAll() as IDBRequest<ExperimentEntry[]>);
  return all.sort((a, b) => b.usedAt - a.usedAt).map((e) => e.key);
}

function finished(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('The browser’s local storage could not be written.'));
    transaction.onabort = () => reject(transaction.error ?? new Error('The browser’s local storage refused the write (is it full?).'));
  });
}
