/** Reading a text file named on the command line: its path in every error, UTF-8 only (a BOM is read past). */
import { readFile } from 'node:fs/promises';
import { textEncodingProblem, withoutByteOrderMark } from '../../src-shared/text-encoding';
import { CliError } from './cli-error';

export async function readTextFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const problem = textEncodingProblem(bytes, path);
  if (problem !== null) throw new CliError(problem);
  return withoutByteOrderMark(bytes.toString('utf8'));
}
