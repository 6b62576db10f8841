/**
 * `experiment collect BUNDLE`: merges a SLURM bundle's run files into its results tables (or a results
 * folder's, given one), names the runs missing or failed and their tasks, and prints the line that reruns
 * only those tasks. Exit status 0 when every run finished, 3 when some did not.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFiles } from '../../../src-shared/experiment/slurm-scripts';
import { arraySpec, tasksOfRuns } from '../../../src-shared/experiment/slurm-tasks';
import { mergeResults } from '../../experiment/merge-results';
import { ResultsFolderError } from '../../experiment/results-folder';
import { readBundleSettings } from '../../experiment/slurm-bundle-file';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { parseOptions } from '../options';

const usage = 'experiment collect BUNDLE';

/** The exit status when runs are missing or failed: the collect job then shows as failed in squeue/sacct. */
export const INCOMPLETE_EXIT = 3;

export async function experimentCollectCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseOptions(args, {}, usage);
  if (positionals.length !== 1) throw new CliError(`expected one bundle folder, got ${positionals.length}\nusage: ${usage}`, 2);
  const [folder] = positionals;
  let settings;
  try {
    settings = await readBundleSettings(folder);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const results = settings ? join(folder, bundleFiles.results) : folder;
  if (!settings && !existsSync(join(folder, 'experiment.json'))) {
    throw new CliError(`${folder} is neither a SLURM bundle (no ${bundleFiles.settings}) nor a results folder (no experiment.json)`);
  }
  let report;
  try {
    report = await mergeResults(results);
  } catch (error) {
    if (error instanceof ResultsFolderError) throw new CliError(error.message);
    throw error;
  }
  io.out(`${report.finished.length} of ${report.total} runs finished; merged into ${join(results, 'runs.csv')}, ${join(results, 'curves.csv')} and ${join(results, 'manifest.json')}\n`);
  if (report.missing.length === 0 && report.failed.length === 0) return 0;

  const layout = { totalRuns: report.total, runsPerTask: settings?.runsPerTask ?? 1 };
  if (report.missing.length > 0) {
    io.out(`missing (never finished): ${runList(report.missing)}${settings ? ` — task${tasksOfRuns(report.missing, layout).length === 1 ? '' : 's'} ${arraySpec(tasksOfRuns(report.missing, layout))}` : ''}\n`);
  }
  for (const failed of report.failed) {
    io.out(`failed: run ${failed.index}${settings ? ` (task ${tasksOfRuns([failed.index], layout)[0]})` : ''}: ${failed.message}\n`);
  }
  if (settings) {
    const rerun = arraySpec(tasksOfRuns([...report.missing, ...report.failed.map((f) => f.index)], layout));
    io.out(`rerun only those tasks, from the bundle's folder on the cluster:\n`);
    io.out(`  sbatch --array=${rerun}%${settings.throttle} ${bundleFiles.run}\n`);
    io.out(`or, to collect again when they end: ./${bundleFiles.submit} --array=${rerun}%${settings.throttle}\n`);
  } else {
    io.out(`run the same \`experiment run\` into ${folder} again: it runs only what is missing or failed\n`);
  }
  return INCOMPLETE_EXIT;
}

/** Run indices as ranges: "3-5, 9". */
function runList(runs: number[]): string {
  return `run${runs.length === 1 ? '' : 's'} ${arraySpec(runs).replaceAll(',', ', ')}`;
}
