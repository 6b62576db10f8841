/**
 * The desktop app's experiment results, on disk: the same results folder `cli experiment run` writes
 * (results-folder.ts), beside the model as `NAME.results`, or for a model not yet saved in the app's data
 * folder (the page shows where). The page names a folder only through an experiment it opened here; main
 * chooses the folder, so a page cannot write anywhere else.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FailedRun } from '../../src-shared/experiment/run-record';
import type { RunResult } from '../../src-shared/experiment/run-one';
import type { ExperimentResults } from '../../src-shared/ipc/channels';
import { parseModelText } from '../../src-shared/model/parse';
import type { ModelDocument } from '../../src-shared/model/schema';
import { runFileName } from '../../src-shared/experiment/run-record';
import { mergeResults } from '../experiment/merge-results';
import {
  clearResultsFolder,
  listRunFiles,
  openResultsFolder,
  readExperimentText,
  readFailedRun,
  readRun,
  ResultsFolderError,
  resultsFolderBeside,
  writeFailedRun,
  writeOrStop,
  writeRun,
  type ResultsWriter,
} from '../experiment/results-folder';

export interface ExperimentResultsDeps {
  /** The model file the window holds, or null for a model not yet saved. */
  documentPath(contentsId: number): string | null;
  /** Where a model not yet saved keeps its results (the app's data folder's `experiments`). */
  dataFolder: string;
  /** The tests' writer fails as a full disk does. */
  writer?: ResultsWriter;
}

/** What to do to go on after a failed write, in the app's words. */
const AGAIN = 'press Resume in the Experiment tab';

export interface ExperimentResultsStore {
  open(contentsId: number, key: string, experimentText: string): Promise<ExperimentResults>;
  put(contentsId: number, key: string, run: RunResult): Promise<void>;
  putFailed(contentsId: number, key: string, failed: FailedRun): Promise<void>;
  merge(contentsId: number, key: string): Promise<void>;
  clear(contentsId: number, key: string): Promise<void>;
  /** The window closed: its opened experiments are forgotten (their folders stay). */
  forget(contentsId: number): void;
}

interface Opened {
  dir: string;
  model: ModelDocument;
  /** openResultsFolder has made the folder ready: done before the first write only, so viewing writes nothing. */
  prepared: boolean;
}

export function createExperimentResultsStore(deps: ExperimentResultsDeps): ExperimentResultsStore {
  const opened = new Map<string, Opened>();
  const writer = deps.writer ?? { writeRun, writeFailedRun };
  const id = (contentsId: number, key: string) => `${contentsId}/${key}`;
  const of = (contentsId: number, key: string): Opened => {
    const entry = opened.get(id(contentsId, key));
    if (!entry) throw new ResultsFolderError('This experiment’s results folder was not opened in this window: show the Experiment tab again.');
    return entry;
  };
  const prepare = async (entry: Opened) => {
    if (entry.prepared) return;
    await openResultsFolder(entry.dir, entry.model);
    entry.prepared = true;
  };
  return {
    async open(contentsId, key, experimentText) {
      const parsed = parseModelText(experimentText);
      if (!parsed.ok) throw new ResultsFolderError(`The experiment is not a valid model: ${parsed.problems[0].path}: ${parsed.problems[0].message}`);
      if (!parsed.model.experiment) throw new ResultsFolderError('The model has no experiment section.');
      const path = deps.documentPath(contentsId);
      const place = path === null ? 'app-data' : 'beside-model';
      const dir = await chooseFolder(path === null ? [join(deps.dataFolder, `${folderName(parsed.model.name)}-${key}.results`)] : candidates(path, key), experimentText);
      opened.set(id(contentsId, key), { dir, model: parsed.model, prepared: false });
      return { folder: dir, place, ...(await readResults(dir)) };
    },
    async put(contentsId, key, run) {
      const entry = of(contentsId, key);
      await prepare(entry);
      await writeOrStop(entry.dir, run.index, () => writer.writeRun(entry.dir, run), AGAIN);
    },
    async putFailed(contentsId, key, failed) {
      const entry = of(contentsId, key);
      await prepare(entry);
      await writeOrStop(entry.dir, failed.index, () => writer.writeFailedRun(entry.dir, failed), AGAIN);
    },
    async merge(contentsId, key) {
      const entry = of(contentsId, key);
      if (entry.prepared) await mergeResults(entry.dir);
    },
    async clear(contentsId, key) {
      const entry = of(contentsId, key);
      await clearResultsFolder(entry.dir);
      entry.prepared = false;
    },
    forget(contentsId) {
      for (const name of [...opened.keys()]) if (name.startsWith(`${contentsId}/`)) opened.delete(name);
    },
  };
}

/**
 * `NAME.results` beside the model, as `experiment run` would use; when that folder holds another experiment
 * (the factors were edited since), `NAME-KEY.results` beside it, so neither experiment's runs are touched.
 */
function candidates(modelPath: string, key: string): string[] {
  const beside = resultsFolderBeside(modelPath);
  return [beside, `${beside.slice(0, -'.results'.length)}-${key}.results`];
}

/** The first folder that holds this experiment or none yet. */
async function chooseFolder(folders: string[], experimentText: string): Promise<string> {
  for (const dir of folders) {
    const text = await readExperimentText(dir).catch(() => null);
    if (text === null || text === experimentText) return dir;
  }
  throw new ResultsFolderError(`${folders.join(' and ')} hold the results of other experiments: move one of them away to run this one.`);
}

/** A model's name as part of a folder name: letters, digits, dot, dash and underscore only. */
function folderName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '').slice(0, 60) || 'experiment';
}

/** The runs a folder holds (each finished run with its file's time), merged into its tables on read. */
async function readResults(dir: string): Promise<Pick<ExperimentResults, 'runs' | 'failed'>> {
  const files = await listRunFiles(dir);
  const runs: ExperimentResults['runs'] = [];
  for (const index of [...files.finished].sort((a, b) => a - b)) {
    const time = (await stat(join(dir, 'runs', runFileName(index)))).mtimeMs;
    runs.push({ result: await readRun(dir, index), time });
  }
  const failed: FailedRun[] = [];
  for (const index of [...files.failed].sort((a, b) => a - b)) failed.push(await readFailedRun(dir, index));
  if (runs.length + failed.length > 0 && (await readExperimentText(dir)) !== null) await mergeResults(dir);
  return { runs, failed };
}
