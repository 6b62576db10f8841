/**
 * A results folder: `experiment.json` (the model as run), `runs/` (one file per finished or failed run,
 * each written at once and atomically) and, once merged, `manifest.json`, `curves.csv` and `runs.csv`.
 */
import { mkdir, readdir, readFile, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { failedRunFileName, parseRun, runFileName, serializeFailedRun, serializeRun, type FailedRun } from '../../src-shared/experiment/run-record';
import type { RunResult } from '../../src-shared/experiment/run-one';
import { parseModelText } from '../../src-shared/model/parse';
import type { ModelDocument } from '../../src-shared/model/schema';
import { serializeModel } from '../../src-shared/model/serialize';
import { removeStaleTemporariesOf, writeFileAtomic, type AtomicWriteOptions } from '../files/atomic-write';

export const EXPERIMENT_FILE = 'experiment.json';

/** The model as an experiment runs it: the runs never read its weights or who saved it, so neither is kept. */
export function experimentModel(model: ModelDocument): ModelDocument {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { provenance, ...rest } = model;
  return { ...rest, state: null };
}

export class ResultsFolderError extends Error {}

/** `NAME.results` beside the model file `NAME.bplab`: where `experiment run` and the desktop app keep its results. */
export function resultsFolderBeside(modelPath: string): string {
  return join(dirname(modelPath), `${basename(modelPath, extname(modelPath))}.results`);
}

/** A run could not be written (a full disk): the experiment stops; every run written before is kept. */
export class ResultsWriteError extends ResultsFolderError {}

/** How the runs of a results folder are written: these functions, or a test's that fail as a full disk does. */
export interface ResultsWriter {
  writeRun(dir: string, result: RunResult): Promise<void>;
  writeFailedRun(dir: string, failed: FailedRun): Promise<void>;
}

/**
 * Writes run `index` with `write`; if that fails, a ResultsWriteError naming the folder, why, how many runs
 * are safe in it and how to go on (`again`: "run the same command again", say).
 */
export async function writeOrStop(dir: string, index: number, write: () => Promise<void>, again: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'the disk is full (ENOSPC)' : code === 'EDQUOT' ? 'the disk quota is used up (EDQUOT)' : (error as Error).message;
    const safe = (await listRunFiles(dir)).finished.size;
    const free = code === 'ENOSPC' || code === 'EDQUOT' ? 'free some space and ' : '';
    throw new ResultsWriteError(
      `stopped: run ${index} could not be written into ${join(dir, 'runs')}: ${why}. ${safe} finished run${safe === 1 ? ' is' : 's are'} safe in ${dir}; ${free}${again} to go on where it stopped.`,
    );
  }
}

/** The folder's own files: the runs, the tables, the manifest and experiment.json. */
const RESULT_FILE = /^run-\d{5}(\.failed)?\.json$/;

/** Removes what an experiment wrote into `dir` (Cancel in the app), and the folder if that leaves it empty; nothing else. */
export async function clearResultsFolder(dir: string): Promise<void> {
  const runs = await readdir(join(dir, 'runs')).catch(() => [] as string[]);
  for (const name of runs) if (RESULT_FILE.test(name)) await unlink(join(dir, 'runs', name));
  for (const name of ['curves.csv', 'runs.csv', 'manifest.json', EXPERIMENT_FILE]) await unlink(join(dir, name)).catch(() => undefined);
  await rmdir(join(dir, 'runs')).catch(() => undefined);
  await rmdir(dir).catch(() => undefined);
}

/**
 * Makes the folder ready for `model`'s runs: a new folder gets experiment.json; a folder of the same
 * experiment is resumed; a folder of another experiment is refused (nothing in it is touched).
 */
export async function openResultsFolder(dir: string, model: ModelDocument): Promise<void> {
  const text = serializeModel(experimentModel(model));
  const existing = await readExperimentText(dir);
  if (existing === null) {
    // Several `experiment run --runs` (a cluster's array tasks) may start on the same new folder at once:
    // another's experiment.json, runs/ and temporary files are expected here, anything else is not.
    const entries = await readdir(dir).catch(() => [] as string[]);
    const foreign = entries.filter((name) => name !== 'runs' && name !== EXPERIMENT_FILE && !name.startsWith('.'));
    if (foreign.length > 0) {
      throw new ResultsFolderError(`${dir} already holds files (${foreign.slice(0, 3).join(', ')}) but no ${EXPERIMENT_FILE}: it is not a results folder; choose another --out folder`);
    }
    await mkdir(join(dir, 'runs'), { recursive: true });
    await writeFileAtomic(join(dir, EXPERIMENT_FILE), text);
  }
  // Checked after writing too: of two experiments that started on one new folder at once, one is refused.
  const written = existing ?? (await readExperimentText(dir));
  if (written !== text) {
    throw new ResultsFolderError(`${dir} holds the results of another experiment (its ${EXPERIMENT_FILE} differs from this model's layers, patterns, settings or experiment): choose another --out folder, or move that one away`);
  }
  await mkdir(join(dir, 'runs'), { recursive: true });
}

/** The folder's experiment.json as text, or null when it has none. */
export async function readExperimentText(dir: string): Promise<string | null> {
  return readFile(join(dir, EXPERIMENT_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}

/** The experiment a results folder belongs to. */
export async function readExperimentModel(dir: string): Promise<ModelDocument> {
  const path = join(dir, EXPERIMENT_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ResultsFolderError(`${dir} is not a results folder: cannot read ${EXPERIMENT_FILE} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const parsed = parseModelText(text);
  if (!parsed.ok) throw new ResultsFolderError(`${path} is not a valid model: ${parsed.problems[0].path}: ${parsed.problems[0].message}`);
  if (!parsed.model.experiment) throw new ResultsFolderError(`${path} has no experiment section`);
  return parsed.model;
}

/** Which runs the folder holds as finished, and which as failed (a finished file wins over a failed one). */
export async function listRunFiles(dir: string): Promise<{ finished: Set<number>; failed: Set<number> }> {
  const names = await readdir(join(dir, 'runs')).catch(() => [] as string[]);
  const finished = new Set<number>();
  const failed = new Set<number>();
  for (const name of names) {
    const match = /^run-(\d{5})(\.failed)?\.json$/.exec(name);
    if (!match) continue;
    (match[2] ? failed : finished).add(Number(match[1]));
  }
  for (const index of finished) failed.delete(index);
  return { finished, failed };
}

/**
 * Writes run `result.index`'s file atomically. By default it first removes that file's temporaries left by
 * killed processes, which lists `runs/`; a writer of many runs passes `{ sweep: false }` after one
 * removeStaleRunTemporaries for all of them (a listing per run would grow with the folder: O(runs²)).
 */
export async function writeRun(dir: string, result: RunResult, options?: AtomicWriteOptions): Promise<void> {
  await writeFileAtomic(join(dir, 'runs', runFileName(result.index)), serializeRun(result), options);
  await unlink(join(dir, 'runs', failedRunFileName(result.index))).catch(() => undefined);
}

export async function writeFailedRun(dir: string, failed: FailedRun, options?: AtomicWriteOptions): Promise<void> {
  await writeFileAtomic(join(dir, 'runs', failedRunFileName(failed.index)), serializeFailedRun(failed), options);
}

/**
 * With one listing of `runs/`, the temporaries of runs `indices`' files (finished or failed) left by
 * processes that have ended. Only these runs': a cluster's array tasks share the folder, each writing its
 * own runs, and another node's process ids mean nothing here.
 */
export async function removeStaleRunTemporaries(dir: string, indices: Iterable<number>): Promise<void> {
  const ours = new Set<string>();
  for (const index of indices) ours.add(runFileName(index)).add(failedRunFileName(index));
  await removeStaleTemporariesOf(join(dir, 'runs'), (file) => ours.has(file));
}

export async function readRun(dir: string, index: number): Promise<RunResult> {
  const path = join(dir, 'runs', runFileName(index));
  const parsed = parseRun(await readFile(path, 'utf8'), index);
  if (!parsed.ok) throw new ResultsFolderError(`${path} ${parsed.message}`);
  return parsed.run;
}

export async function readFailedRun(dir: string, index: number): Promise<FailedRun> {
  const path = join(dir, 'runs', failedRunFileName(index));
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as Partial<FailedRun>;
    return { index, message: typeof data.message === 'string' ? data.message : '(no message)' };
  } catch (error) {
    return { index, message: `(${path} is unreadable: ${(error as Error).message})` };
  }
}
