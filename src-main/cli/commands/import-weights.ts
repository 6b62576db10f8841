/**
 * `import WEIGHTS.safetensors|WEIGHTS.npz --into MODEL --out NEW`: weights back from Python into a model of
 * the same shapes (src-shared's weight transfer), the new model written and what was reset said on stderr.
 */
import { readFile } from 'node:fs/promises';
import { importWeights, TensorFileError } from '../../../src-shared/data/import';
import { describeProblems, parseModel } from '../../../src-shared/model/parse';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { readModelFile, writeModelFile } from '../model-file';

/** `import WEIGHTS --into MODEL --out NEW`: the model with the file's weights, its notes said on stderr. */
export async function importWeightsInto(positionals: string[], into: string, out: string | undefined, io: CliIo, usage: string): Promise<void> {
  if (positionals.length !== 1) throw new CliError(`name one .safetensors or .npz file to load weights from\nusage: ${usage}`);
  if (!out) throw new CliError(`say where to write the model with --out NEW.bplab\nusage: ${usage}`);
  const model = await readModelFile(into);
  const [file] = positionals;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let transfer;
  try {
    transfer = importWeights(model, file, bytes);
  } catch (error) {
    if (error instanceof TensorFileError) throw new CliError(error.message);
    throw error;
  }
  const checked = parseModel(transfer.model);
  if (!checked.ok) throw new CliError(`the model with these weights is not valid:\n${describeProblems(checked.problems, 20)}`);
  await writeModelFile(out, checked.model, true);
  for (const note of transfer.notes) io.err(`note: ${note}\n`);
  io.out(`wrote ${out}\n`);
}
