/**
 * `experiment run|status|summary`: many runs of one model (its `experiment` section), on every core.
 * The SLURM bundle (`experiment slurm`, `experiment collect`) runs the same `experiment run` on a cluster.
 */
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { experimentCollectCommand } from './experiment-collect';
import { experimentExportCommand } from './experiment-export';
import { experimentFingerprintCommand } from './experiment-fingerprint';
import { experimentModelCommand } from './experiment-model';
import { experimentRunCommand } from './experiment-run';
import { experimentSlurmCommand } from './experiment-slurm';
import { experimentStatusCommand } from './experiment-status';
import { experimentSummaryCommand } from './experiment-summary';

export const experimentUsage = `experiment run MODEL [--jobs N] [--out DIR] [--runs A-B]
  experiment status DIR
  experiment summary DIR [--json]
  experiment export DIR --to npz --out FILE.npz
  experiment model MODEL|DIR --run I [--out FILE]
  experiment slurm MODEL --out BUNDLE [--runs-per-task K] [--throttle T] [--partition P] [--account A] [--time HH:MM:SS] [--standalone]
  experiment collect BUNDLE
  experiment fingerprint [--expect HEX]`;

export async function experimentCommand(args: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'run':
      return experimentRunCommand(rest, io);
    case 'status':
      return experimentStatusCommand(rest, io);
    case 'summary':
      return experimentSummaryCommand(rest, io);
    case 'export':
      return experimentExportCommand(rest, io);
    case 'model':
      return experimentModelCommand(rest, io);
    case 'slurm':
      return experimentSlurmCommand(rest, io);
    case 'collect':
      return experimentCollectCommand(rest, io);
    case 'fingerprint':
      return experimentFingerprintCommand(rest, io);
    default:
      throw new CliError(`${verb === undefined ? 'which experiment command?' : `unknown experiment command "${verb}"`}\nusage: ${experimentUsage}`, 2);
  }
}
