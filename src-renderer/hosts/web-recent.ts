/**
 * Recent files in the web build: the file handles the File System Access API gave us, kept in IndexedDB
 * (handles survive there, and the browser asks again before the page may read one). Without that API a
 * page cannot open a file by itself, so there is nothing to keep.
 */
import type { RecentFile } from './host';
import { permitted } from './file-access';
import { getAll, get, put, remove } from './web-store';

interface RecentRecord extends RecentFile {
  handle: FileSystemFileHandle;
}

const KEEP = 8;

export async function rememberFile(handle: FileSystemFileHandle): Promise<void> {
  const records = await getAll<RecentRecord>('recent');
  for (const record of records) {
    if (await record.handle.isSameEntry(handle)) await remove('recent', record.id);
  }
  await put<RecentRecord>('recent', { id: crypto.randomUUID(), name: handle.name, openedAt: Date.now(), handle });
  const stale = (await recentRecords()).slice(KEEP);
  for (const record of stale) await remove('recent', record.id);
}

async function recentRecords(): Promise<RecentRecord[]> {
  return (await getAll<RecentRecord>('recent')).sort((a, b) => b.openedAt - a.openedAt);
}

export async function listRecentFiles(): Promise<RecentFile[]> {
  return (await recentRecords()).map(({ id, name, openedAt }) => ({ id, name, openedAt }));
}

/** The handle of a recent file the user lets us read, or null if they said no. */
export async function recentHandle(id: string): Promise<FileSystemFileHandle | null> {
  const record = await get<RecentRecord>('recent', id);
  if (!record) throw new Error('That file is no longer in the recent list.');
  if (!(await permitted(record.handle, 'read'))) return null;
  return record.handle;
}

export function forgetRecentFile(id: string): Promise<void> {
  return remove('recent', id);
}
