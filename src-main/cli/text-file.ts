/** Reading a text file named on the command line: its path in every error, UTF-8 only (a BOM is read past). */
import { readUtf8File, TextEncodingError } from '../files/read-text';
import { CliError } from './cli-error';

export async function readTextFile(path: string): Promise<string> {
  try {
    return await readUtf8File(path, path);
  } catch (error) {
    if (error instanceof TextEncodingError) throw new CliError(error.message);
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}
