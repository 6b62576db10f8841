/**
 * The text of a file the page reads (opened, dropped or imported): UTF-8, past a byte-order mark, and
 * UTF-16 or UTF-32 refused by name (src-shared/text-encoding.ts), as the command line and main read them.
 * Blob.text() would read a UTF-16 file as text with a NUL between letters, failing later about the wrong thing.
 */
import { textEncodingProblem } from '../../src-shared/text-encoding';

/** A file in an encoding the app does not read; the message names the file and the encoding. */
export class TextEncodingError extends Error {}

export async function fileText(file: Blob & { readonly name: string }): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = textEncodingProblem(bytes, file.name);
  if (problem !== null) throw new TextEncodingError(problem);
  // The decoder reads past a UTF-8 byte-order mark by default.
  return new TextDecoder('utf-8').decode(bytes);
}
