/** `experiment status DIR`: how far a results folder has come — runs finished, by status, failed and missing. */
import { plannedRun, planExperiment } from '../../../src-shared/experiment/plan';
import { listRunFiles, readExperimentModel, readFailedRun, readRun, ResultsFolderError } from '../../experiment/results-folder';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { parseOptions } from '../options';

const usage = 'experiment status DIR';

export async function experimentStatusCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseOptions(args, {}, usage);
  if (positionals.length !== 1) throw new CliError(`expected one results folder\nusage: ${usage}`);
  const dir = positionals[0];
  try {
    const model = await readExperimentModel(dir);
    const plan = planExperiment(model);
    const files = await listRunFiles(dir);
    const counts = new Map<string, number>();
    for (const index of files.finished) {
      const { status } = await readRun(dir, index);
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
    const missing: number[] = [];
    for (let index = 0; index < plan.total; index++) if (!files.finished.has(index) && !files.failed.has(index)) missing.push(index);
    io.out(`${model.name}: ${files.finished.size} of ${plan.total} runs finished (${plan.conditions.length} conditions × ${plan.spec.replications} replications)\n`);
    for (const [status, count] of [...counts].sort()) io.out(`  ${status}: ${count}\n`);
    if (files.failed.size > 0) {
      io.out(`  failed: ${files.failed.size}\n`);
      for (const index of [...files.failed].sort((a, b) => a - b).slice(0, 10)) {
        const { message } = await readFailedRun(dir, index);
        io.out(`    run ${index} (condition ${plannedRun(plan, index).condition}): ${message}\n`);
      }
    }
    if (missing.length > 0) io.out(`  not run yet: ${missing.length} (${describeRanges(missing)})\n`);
    return 0;
  } catch (error) {
    if (error instanceof ResultsFolderError) throw new CliError(error.message);
    throw error;
  }
}

/** `0-9,12,15-20`: indices (ascending) as ranges, the form --runs and sbatch --array take. */
export function describeRanges(indices: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < indices.length; ) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++;
    parts.push(i === j ? `${indices[i]}` : `${indices[i]}-${indices[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
