/** Reads a text file as UTF-8 past a byte-order mark; UTF-16 and UTF-32 are refused, named (src-shared/text-encoding.ts). */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { textEncodingProblem, withoutByteOrderMark } from '../../src-shared/text-encoding';

/** A file in an encoding the app does not read; the message names the file and the encoding. */
export class TextEncodingError extends Error {}

/** `name` is how messages call the file (the path on the command line, the file's name in a dialog). */
export async function readUtf8File(path: string, name = basename(path)): Promise<string> {
  const bytes = await readFile(path);
  const problem = textEncodingProblem(bytes, name);
  if (problem !== null) throw new TextEncodingError(problem);
  return withoutByteOrderMark(bytes.toString('utf8'));
}
