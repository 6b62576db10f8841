/**
 * The one error an importer throws: it says which file, which line and column (both counted from 1, as
 * editors count them) and what was expected there, so a user can open the file and fix it.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** What was wrong and what was expected, without the location. */
    readonly reason: string,
  ) {
    super(`${file}, line ${line}, column ${column}: ${reason}`);
  }
}

export interface Position {
  line: number;
  column: number;
}

/** Line and column of a character offset; a CR LF or a lone CR ends a line as LF does. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The default file name in messages when the caller did not say where the text came from. */
export const UNNAMED_FILE = '(imported text)';
