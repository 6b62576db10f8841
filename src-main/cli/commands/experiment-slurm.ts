/**
 * `experiment slurm MODEL --out BUNDLE`: a folder a lab copies to a SLURM cluster and submits there — the
 * model, its results folder begun, the command line in one file (and standalone with --standalone), the
 * engine fingerprint every task checks, the array and collect scripts and a README. Written beside BUNDLE
 * and renamed into place at the end, so a failure leaves no half bundle.
 */
import { copyFile, chmod, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { engineFingerprint } from '../../../src-shared/experiment/fingerprint';
import { planExperiment } from '../../../src-shared/experiment/plan';
import { bundleFiles, bundleReadme, collectSbatch, jobName, runSbatch, slurmNamePattern, slurmTimePattern, submitSh, type SlurmBundleSettings } from '../../../src-shared/experiment/slurm-scripts';
import { commonMaxArrayIndex, defaultRunsPerTask, taskCount } from '../../../src-shared/experiment/slurm-tasks';
import { APP_VERSION } from '../../app-version';
import { openResultsFolder } from '../../experiment/results-folder';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { readModelFile } from '../model-file';
import { onlyFile, parseOptions, wholeNumber } from '../options';
import { buildStandalone, bundleCli } from '../single-file/build';
import { singleFileScript, standaloneExecutable } from '../single-file/running';
import { writeBundleSettings, type BundleSettingsFile } from '../../experiment/slurm-bundle-file';

const usage = 'experiment slurm MODEL --out BUNDLE [--runs-per-task K] [--throttle T] [--partition P] [--account A] [--time HH:MM:SS] [--standalone]';

/** Tasks running at once unless --throttle says otherwise: a polite share of a shared cluster. */
const defaultThrottle = 50;

export async function experimentSlurmCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    out: { type: 'string' },
    'runs-per-task': { type: 'string' },
    throttle: { type: 'string' },
    partition: { type: 'string' },
    account: { type: 'string' },
    time: { type: 'string' },
    standalone: { type: 'boolean' },
  }, usage);
  const file = onlyFile(positionals, usage);
  if (!values.out) throw new CliError(`--out BUNDLE is required: the folder to write\nusage: ${usage}`);
  for (const option of ['partition', 'account'] as const) {
    const value = values[option];
    if (value !== undefined && !slurmNamePattern.test(value)) throw new CliError(`--${option} must be a SLURM name (letters, digits, _ . + -), not "${value}"`);
  }
  if (values.time !== undefined && !slurmTimePattern.test(values.time)) {
    throw new CliError(`--time must be a SLURM time limit such as 01:30:00, 90 (minutes) or 2-00:00:00, not "${values.time}"`);
  }

  const model = await readModelFile(file);
  if (!model.experiment) throw new CliError(`${file} has no experiment section: add one (docs/experiments.md) or use train for a single run`);
  const plan = planExperiment(model);
  const runsPerTask = wholeNumber(values['runs-per-task'], 'runs-per-task', 1, plan.total) ?? defaultRunsPerTask(plan.total);
  const layout = { totalRuns: plan.total, runsPerTask };
  const tasks = taskCount(layout);
  const throttle = wholeNumber(values.throttle, 'throttle', 1, 100_000) ?? Math.min(tasks, defaultThrottle);
  const out = resolve(values.out);
  if (await isNonEmptyFolder(out)) throw new CliError(`${values.out} already exists and is not empty: choose a new folder for the bundle (nothing was written)`);

  const modelFile = slurmNamePattern.test(basename(file)) && file.endsWith('.bplab') ? basename(file) : 'experiment.bplab';
  const settings: SlurmBundleSettings = {
    jobName: jobName(model.name), modelFile, layout, throttle,
    partition: values.partition, account: values.account, time: values.time,
  };
  const fingerprint = engineFingerprint();
  // The standalone executable has no script file to copy: from it, a bundle gets the executable itself.
  const standalone = values.standalone === true || standaloneExecutable() !== undefined;

  await mkdir(dirname(out), { recursive: true });
  const staging = await mkdtemp(join(dirname(out), `.${basename(out)}.partial-`));
  try {
    await copyFile(file, join(staging, modelFile));
    await openResultsFolder(join(staging, bundleFiles.results), model);
    await mkdir(join(staging, bundleFiles.logs));
    await writeFile(join(staging, bundleFiles.fingerprint), `${fingerprint}\n`);
    const bundleSettings: BundleSettingsFile = { appVersion: APP_VERSION, fingerprint, modelFile, totalRuns: plan.total, runsPerTask, throttle };
    await writeBundleSettings(staging, bundleSettings);
    await commandLineInto(staging, standalone);
    await writeFile(join(staging, bundleFiles.run), runSbatch(settings));
    await writeFile(join(staging, bundleFiles.collect), collectSbatch(settings));
    await writeFile(join(staging, bundleFiles.submit), submitSh(settings));
    await chmod(join(staging, bundleFiles.submit), 0o755);
    await writeFile(join(staging, bundleFiles.readme), bundleReadme({ ...settings, fingerprint, appVersion: APP_VERSION, standalone }));
    // mkdtemp made the staging folder private; the bundle is an ordinary folder a lab shares.
    await chmod(staging, 0o755);
    await rm(out, { recursive: true, force: true });
    await rename(staging, out);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot write the bundle ${values.out}: ${(error as Error).message} (nothing was written)`);
  }

  io.out(`${values.out}: ${plan.total} runs as ${tasks} array tasks of ${runsPerTask} run${runsPerTask === 1 ? '' : 's'}, at most ${throttle} at a time; engine fingerprint ${fingerprint}\n`);
  io.out(`copy the folder to the cluster and run ./submit.sh there (its README.md says how to watch and rerun)\n`);
  if (tasks - 1 > commonMaxArrayIndex) {
    io.err(`note: array indices up to ${tasks - 1} exceed many clusters' MaxArraySize (1001); a larger --runs-per-task keeps within it\n`);
  }
  return 0;
}

/** The single-file command line (and the standalone executable): this one itself when it is that build. */
async function commandLineInto(folder: string, standalone: boolean): Promise<void> {
  const script = join(folder, bundleFiles.cli);
  const ownScript = singleFileScript();
  const ownExecutable = standaloneExecutable();
  if (ownScript) await copyFile(ownScript, script);
  else if (!ownExecutable) await bundleCli(script);
  if (!standalone) return;
  const executable = join(folder, bundleFiles.standalone);
  if (ownExecutable) await copyFile(ownExecutable, executable);
  else await buildStandalone(script, executable);
  await chmod(executable, 0o755);
}

async function isNonEmptyFolder(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length > 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new CliError(`${path} is a file: --out must name a folder for the bundle`);
    throw error;
  }
}
