/**
 * Where the page keeps an experiment's finished runs (IndexedDB, a database of its own beside web-store's):
 * each run is put the moment it finishes, keyed by the experiment's text, so a reload resumes where it
 * stopped and another experiment's runs are never mixed in.
 */
import type { FailedRun } from '../../src-shared/experiment/run-record';
import type { StoredRun } from '../state/experiment-results';
import { settle } from './web-store';

const DATABASE = 'backprop-lab-experiments';
const VERSION = 1;

interface RunEntry {
  /** `experimentKey/index`. */
  id: string;
  run?: StoredRun;
  failed?: FailedRun;
}

let opening: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE, VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains('runs')) request.result.createObjectStore('runs', { keyPath: 'id' });
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

export async function putRun(key: string, run: StoredRun): Promise<void> {
  const db = await database();
  await settle(db.transaction('runs', 'readwrite').objectStore('runs').put({ id: `${key}/${String(run.result.index).padStart(5, '0')}`, run } satisfies RunEntry));
}

export async function putFailedRun(key: string, failed: FailedRun): Promise<void> {
  const db = await database();
  await settle(db.transaction('runs', 'readwrite').objectStore('runs').put({ id: `${key}/${String(failed.index).padStart(5, '0')}`, failed } satisfies RunEntry));
}

export async function clearRuns(key: string): Promise<void> {
  const db = await database();
  await settle(db.transaction('runs', 'readwrite').objectStore('runs').delete(range(key)));
}
