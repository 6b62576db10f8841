/**
 * `experiment model MODEL|DIR --run I [--out FILE]`: run I of an experiment as a single-run model — its
 * condition's settings, its seed, the experiment's epochs (or those of a run that stopped at the criterion)
 * as its maximum, no criterion of its own — which `train` (or the workbench) trains to exactly the run's
 * weights and curve.
 */
import { stat } from 'node:fs/promises';
import { planExperiment, singleRunModel } from '../../../src-shared/experiment/plan';
import { serializeModel } from '../../../src-shared/model/serialize';
import { readExperimentModel, readRun, ResultsFolderError } from '../../experiment/results-folder';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { readModelFile, writeModelFile } from '../model-file';
import { onlyFile, parseOptions, wholeNumber } from '../options';

const usage = 'experiment model MODEL|DIR --run I [--out FILE]';

export async function experimentModelCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { run: { type: 'string' }, out: { type: 'string' } }, usage);
  const source = onlyFile(positionals, usage);
  const isFolder = await stat(source).then((s) => s.isDirectory(), () => false);
  let model;
  try {
    model = isFolder ? await readExperimentModel(source) : await readModelFile(source);
  } catch (error) {
    if (error instanceof ResultsFolderError) throw new CliError(error.message);
    throw error;
  }
  if (!model.experiment) throw new CliError(`${source} has no experiment section`);
  const plan = planExperiment(model);
  const index = wholeNumber(values.run, 'run', 0, plan.total - 1);
  if (index === undefined) throw new CliError(`which run? add --run I (0 to ${plan.total - 1})\nusage: ${usage}`);
  // A run that stopped early (at the criterion, or diverged) is re-created to where it stopped.
  const finished = isFolder ? await readRun(source, index).catch(() => null) : null;
  const single = singleRunModel(model, plan, index, finished && finished.status === 'stopped-at-criterion' ? finished.epochs : undefined);
  if (values.out) await writeModelFile(values.out, single, false);
  else io.out(serializeModel(single));
  return 0;
}
