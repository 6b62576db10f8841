/** Reading and writing model files for the command line, with errors that say which file and which field. */
import { describeProblems, parseModelText } from '../../src-shared/model/parse';
import type { ModelDocument } from '../../src-shared/model/schema';
import { serializeModel, withProvenance } from '../../src-shared/model/serialize';
import { APP_VERSION } from '../app-version';
import { writeFileAtomic } from '../files/atomic-write';
import { CliError } from './cli-error';
import { readTextFile } from './text-file';

export async function readModelFile(path: string): Promise<ModelDocument> {
  const parsed = parseModelText(await readTextFile(path));
  if (!parsed.ok) throw new CliError(`${path} is not a valid model file:\n${describeProblems(parsed.problems, 20)}`);
  return parsed.model;
}

/** Writes atomically, stamping the app version and time; `trained` records that the weights changed. */
export async function writeModelFile(path: string, model: ModelDocument, trained: boolean): Promise<void> {
  try {
    await writeFileAtomic(path, serializeModel(withProvenance(model, APP_VERSION, new Date(), trained)));
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
