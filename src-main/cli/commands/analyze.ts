/**
 * `analyze MODEL --layer J|NAME (--pca | --rdm | --cluster | --mds | --modes) [--epoch E] --out FILE.csv`: the
 * representation and learning-dynamics analyses of src-shared/analysis at the model's current weights, or with
 * --epoch E at its snapshot of epoch E (model/snapshots.ts), as one tidy CSV table, for a chain or a graph
 * network (a graph's --modes strengths are descriptive, read from its outputs).
 */
import { writeFile } from 'node:fs/promises';
import { clusterTable, defaultAnalysisLayer, mdsTable, modesTable, pcaTable, rdmTable, type AnalysisTable } from '../../../src-shared/analysis/analysis-tables';
import type { Linkage } from '../../../src-shared/analysis/representations/clustering';
import type { RdmDistance } from '../../../src-shared/analysis/representations/rdm';
import { toCsv } from '../../../src-shared/data/export/csv-table';
import { missingSnapshotMessage, modelAtSnapshot, snapshotEpochs } from '../../../src-shared/model/snapshots';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { layerOption } from '../layer-option';
import { readModelFile } from '../model-file';
import { onlyFile, parseOptions, wholeNumber } from '../options';
import { terminalLine, terminalText } from '../terminal-text';

export const analyzeUsage = 'analyze MODEL [--layer J|NAME] (--pca | --rdm | --cluster [--linkage average|complete|single|ward] | --mds | --modes)\n'
  + '        [--distance correlation|euclidean] [--epoch E] --out FILE.csv';

const ANALYSES = ['pca', 'rdm', 'cluster', 'mds', 'modes'] as const;
const LINKAGES: readonly Linkage[] = ['average', 'complete', 'single', 'ward'];
const DISTANCES: readonly RdmDistance[] = ['correlation', 'euclidean'];

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`--${option} must be one of ${allowed.join(', ')}, not "${terminalLine(value)}"`);
  return value as T;
}

export async function analyzeCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseOptions(args, {
    layer: { type: 'string' }, out: { type: 'string' }, epoch: { type: 'string' },
    linkage: { type: 'string' }, distance: { type: 'string' },
    pca: { type: 'boolean' }, rdm: { type: 'boolean' }, cluster: { type: 'boolean' }, mds: { type: 'boolean' }, modes: { type: 'boolean' },
  }, analyzeUsage);
  const chosen = ANALYSES.filter((analysis) => values[analysis]);
  if (chosen.length !== 1) {
    throw new CliError(`${chosen.length === 0 ? 'say which analysis' : `choose one analysis, not ${chosen.map((a) => `--${a}`).join(' and ')}`}: --pca, --rdm, --cluster, --mds or --modes\nusage: ${analyzeUsage}`);
  }
  const out = values.out;
  if (!out) throw new CliError(`say where to write the table with --out FILE.csv\nusage: ${analyzeUsage}`);
  const file = onlyFile(positionals, analyzeUsage);
  const saved = await readModelFile(file);
  const epoch = wholeNumber(values.epoch, 'epoch', 0, Number.MAX_SAFE_INTEGER);
  const current = saved.state?.epoch ?? 0;
  // An earlier epoch is read from the run's snapshot there (the current one is the network itself).
  if (epoch !== undefined && epoch !== current && !snapshotEpochs(saved).includes(epoch)) {
    throw new CliError(`${terminalLine(file)} ${missingSnapshotMessage(saved, epoch)} (the network itself is at epoch ${current})`);
  }
  const model = epoch === undefined || epoch === current ? saved : modelAtSnapshot(saved, epoch);
  const [analysis] = chosen;
  if (analysis !== 'cluster' && values.linkage !== undefined) throw new CliError('--linkage goes with --cluster');
  if (analysis === 'modes' && values.distance !== undefined) throw new CliError('--distance goes with --rdm, --cluster or --mds');
  const linkage = oneOf(values.linkage, LINKAGES, 'linkage', 'average');
  const distance = oneOf(values.distance, DISTANCES, 'distance', linkage === 'ward' ? 'euclidean' : 'correlation');
  const layer = layerOption(values.layer, model);
  let table: AnalysisTable;
  try {
    if (analysis === 'modes') {
      if (layer !== undefined) io.err('note: --modes analyses the whole network\'s map; --layer is not used\n');
      table = modesTable(model);
    } else {
      const j = layer ?? defaultAnalysisLayer(model);
      if (analysis === 'pca') table = pcaTable(model, j);
      else if (analysis === 'rdm') table = rdmTable(model, j, distance);
      else if (analysis === 'cluster') table = clusterTable(model, j, linkage, distance);
      else table = mdsTable(model, j, distance);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot analyse ${terminalLine(file)}: ${(error as Error).message}`);
  }
  try {
    await writeFile(out, toCsv(table.header, table.rows));
  } catch (error) {
    throw new CliError(`cannot write ${terminalLine(out)}: ${(error as Error).message}`);
  }
  io.out(`wrote ${terminalLine(out)}\n`);
  for (const note of table.notes) io.err(`note: ${terminalText(note)}\n`);
}
