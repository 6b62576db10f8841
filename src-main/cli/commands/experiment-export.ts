/**
 * `experiment export DIR --to npz --out results.npz`: a results folder's runs as one NumPy archive
 * (src-shared/experiment/results-arrays.ts says what it holds), with where they came from in provenance.json.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../../../src-shared/data/export/provenance';
import { engineFingerprint } from '../../../src-shared/experiment/fingerprint';
import { planExperiment } from '../../../src-shared/experiment/plan';
import { RESULT_STATUS_LEGEND, resultsNpzBytes, type RunOutcome } from '../../../src-shared/experiment/results-arrays';
import { describeLevel, factorColumn } from '../../../src-shared/model/experiment';
import { APP_VERSION } from '../../app-version';
import { writeFileAtomic } from '../../files/atomic-write';
import { EXPERIMENT_FILE, listRunFiles, readExperimentModel, readRun, ResultsFolderError } from '../../experiment/results-folder';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { parseOptions } from '../options';
import { terminalLine } from '../terminal-text';

const usage = 'experiment export DIR --to npz --out FILE.npz';

export async function experimentExportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { to: { type: 'string' }, out: { type: 'string' } }, usage);
  if (positionals.length !== 1) throw new CliError(`expected one results folder\nusage: ${usage}`);
  if (values.to !== 'npz') throw new CliError(`${values.to === undefined ? 'say which format with --to npz' : `an experiment's results export to npz only, not "${values.to}"`}\nusage: ${usage}`);
  if (!values.out) throw new CliError(`say where to write with --out FILE.npz\nusage: ${usage}`);
  const dir = positionals[0];
  let bytes: Uint8Array;
  let counts: Record<string, number>;
  try {
    const model = await readExperimentModel(dir);
    const plan = planExperiment(model);
    const files = await listRunFiles(dir);
    const outcomes: RunOutcome[] = [];
    for (let index = 0; index < plan.total; index++) {
      if (files.finished.has(index)) {
        // Only the curves and summaries go in the archive: a run's outputs and weights are dropped as it is read.
        const run = await readRun(dir, index);
        outcomes.push({ ...run, outputs: undefined, weights: undefined });
      } else outcomes.push(files.failed.has(index) ? 'failed' : 'missing');
    }
    counts = Object.fromEntries(RESULT_STATUS_LEGEND.map((status) => [status, outcomes.filter((o) => (typeof o === 'object' ? o.status : o) === status).length]));
    const provenance = {
      app: 'Backprop Lab',
      appVersion: APP_VERSION,
      format: 'experiment-npz',
      formatVersion: 1,
      experiment: model.name,
      experimentSha256: sha256Hex(await readFile(join(dir, EXPERIMENT_FILE), 'utf8')),
      engineFingerprint: engineFingerprint(),
      total: plan.total,
      conditions: plan.conditions.length,
      replications: plan.spec.replications,
      epochs: plan.spec.epochs,
      recordEvery: plan.recordEvery,
      baseSeed: plan.baseSeed,
      factors: plan.spec.factors.map((factor) => ({ array: factorColumn(factor), ...factor, levels: factor.levels.map(describeLevel) })),
      statusLegend: Object.fromEntries(RESULT_STATUS_LEGEND.map((status, code) => [code, status])),
      counts,
    };
    bytes = resultsNpzBytes(plan, outcomes, provenance);
  } catch (error) {
    if (error instanceof ResultsFolderError) throw new CliError(error.message);
    throw error;
  }
  try {
    await writeFileAtomic(values.out, bytes);
  } catch (error) {
    throw new CliError(`cannot write ${values.out}: ${(error as Error).message}`);
  }
  const observed = counts.finished + counts['stopped-at-criterion'] + counts.diverged;
  io.out(`wrote ${terminalLine(values.out)} (${observed} of ${Object.values(counts).reduce((a, b) => a + b, 0)} runs with results)\n`);
  return 0;
}
