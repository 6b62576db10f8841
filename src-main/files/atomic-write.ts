/** Writes a file so that a crash mid-save never damages the file that was there: temporary file, flush, rename. */
import { randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Text is written as UTF-8, bytes as they are. */
export async function writeFileAtomic(path: string, contents: string | Uint8Array): Promise<void> {
  const temporary = temporaryPath(path);
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(contents, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** The same, for a file too large to hold as one string: its text arrives in pieces. */
export async function writeFileAtomicFrom(path: string, pieces: AsyncIterable<string>): Promise<void> {
  const temporary = temporaryPath(path);
  const handle = await open(temporary, 'w');
  try {
    try {
      for await (const piece of pieces) await handle.write(piece, null, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
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
