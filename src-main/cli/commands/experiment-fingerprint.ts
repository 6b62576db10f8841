/**
 * `experiment fingerprint [--expect HEX]`: this machine's engine fingerprint. Each task of a SLURM bundle
 * runs it with the fingerprint of the machine that made the bundle, and stops if the bits would differ.
 */
import { engineFingerprint } from '../../../src-shared/experiment/fingerprint';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { parseOptions } from '../options';

const usage = 'experiment fingerprint [--expect HEX]';

export function experimentFingerprintCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseOptions(args, { expect: { type: 'string' } }, usage);
  if (positionals.length > 0) throw new CliError(`unexpected ${positionals.join(' ')}\nusage: ${usage}`, 2);
  const fingerprint = engineFingerprint();
  const expected = values.expect?.trim();
  if (expected !== undefined && expected !== fingerprint) {
    throw new CliError(
      `this machine's engine computes different bits (fingerprint ${fingerprint}) from the machine that made the bundle (${expected || 'empty'}): ` +
        'its results would not equal a run there, so nothing is run. Use the same Backprop Lab version on both, or make the bundle on a machine like this one.',
      3,
    );
  }
  io.out(`${fingerprint}\n`);
  return 0;
}
