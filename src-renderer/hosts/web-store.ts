/**
 * The web build's small local database (IndexedDB): recent files' handles and recovery drafts. Opened on
 * first use; every call is one transaction.
 */
const DATABASE = 'backprop-lab';
const VERSION = 1;
export type StoreName = 'recent' | 'recovery';

let opening: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE, VERSION);
    request.onupgradeneeded = () => {
      for (const name of ['recent', 'recovery'] satisfies StoreName[]) {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name, { keyPath: 'id' });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The browser’s local storage could not be opened.'));
    request.onblocked = () => reject(new Error('The browser’s local storage is in use by an older copy of the app: close its other tabs.'));
  });
  // A failure is not kept: the next call tries again (storage may have been freed, a tab closed).
  opening.catch(() => (opening = null));
  return opening;
}

/**
 * The request's result. A transaction may also abort with no error on the request (Chromium refuses a
 * value past its size limit so): that rejects too, rather than leaving the caller waiting for ever.
 */
export function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const refused = (error: DOMException | null) => reject(error ?? new Error('The browser’s local storage refused a request.'));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => refused(request.error);
    request.transaction?.addEventListener('abort', () => refused(request.transaction!.error));
  });
}

export async function getAll<T>(store: StoreName): Promise<T[]> {
  const db = await database();
  return settle(db.transaction(store, 'readonly').objectStore(store).getAll() as IDBRequest<T[]>);
}

export async function get<T>(store: StoreName, id: string): Promise<T | undefined> {
  const db = await database();
  return settle(db.transaction(store, 'readonly').objectStore(store).get(id) as IDBRequest<T | undefined>);
}

export async function put<T>(store: StoreName, value: T): Promise<void> {
  const db = await database();
  await settle(db.transaction(store, 'readwrite').objectStore(store).put(value));
}

export async function remove(store: StoreName, id: string): Promise<void> {
  const db = await database();
  await settle(db.transaction(store, 'readwrite').objectStore(store).delete(id));
}
