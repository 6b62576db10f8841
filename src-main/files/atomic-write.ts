/** Writes a file so that a crash mid-save never damages the file that was there: temporary file, flush, rename. */
import { randomUUID } from 'node:crypto';
import { open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /**
   * First remove the file's temporaries left by killed processes (default true). That lists the folder: a
   * writer of many files into one folder (an experiment's run files) sweeps it once with
   * removeStaleTemporariesOf instead, rather than listing thousands of names for every file.
   */
  sweep?: boolean;
}

/** Text is written as UTF-8, bytes as they are. */
export function writeFileAtomic(path: string, contents: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  return writeThroughTemporary(path, (handle) => handle.writeFile(contents, 'utf8'), options.sweep ?? true);
}

/** The same, for a file too large to hold as one string: its text arrives in pieces. */
export function writeFileAtomicFrom(path: string, pieces: AsyncIterable<string>): Promise<void> {
  return writeThroughTemporary(path, async (handle) => {
    for await (const piece of pieces) await handle.write(piece, null, 'utf8');
  });
}

/** Writes a temporary file beside `path` with `write`, flushes it to disk and renames it over `path`. */
async function writeThroughTemporary(path: string, write: (handle: FileHandle) => Promise<unknown>, sweep = true): Promise<void> {
  if (sweep) await removeStaleTemporaries(path);
  const temporary = temporaryPath(path);
  const handle = await open(temporary, 'w');
  try {
    try {
      await write(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    // A write cut short (a full disk) leaves no half-written temporary file taking up the space.
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * Beside the file, hidden, and unique: two writers of the same file at once (two processes, or two writes in
 * one process within a millisecond) never share a temporary file; the last rename wins whole.
 */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
}

/**
 * A save killed mid-way (the app, the command line) leaves its temporary file, up to a model's size; the
 * next save of that file removes those whose process has ended. A living process's — another window's or
 * this process's own save in progress — is never touched; a process id reused since only means a stale file
 * stays a little longer. Best effort: a folder that cannot be listed or a file that cannot go is left.
 */
async function removeStaleTemporaries(path: string): Promise<void> {
  const prefix = `.${basename(path)}.`;
  await removeStale(dirname(path), (name) => (name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length))?.[1] : undefined));
}

/**
 * The same for many files of folder `dir` with one listing: the temporaries of each file whose name
 * `isOurs` accepts, left by processes that have ended.
 */
export function removeStaleTemporariesOf(dir: string, isOurs: (file: string) => boolean): Promise<void> {
  return removeStale(dir, (name) => {
    const match = /^\.(.+)\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name);
    return match && isOurs(match[1]) ? match[2] : undefined;
  });
}

/** Removes the files in `dir` that `writer` names as a temporary (giving its process id) of a process that has ended. */
async function removeStale(dir: string, writer: (name: string) => string | undefined): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const id = writer(name);
    if (id === undefined) continue;
    const pid = Number(id);
    if (pid === process.pid || isRunning(pid)) continue;
    await unlink(join(dir, name)).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    // Signal 0 only asks whether the process exists; EPERM means it does, as another user's.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
