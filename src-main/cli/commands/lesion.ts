/**
 * `lesion MODEL --layer J|NAME (--units 1,3,5 | --fraction F [--seed S]) [--scale K | --noise SD] --out NEW`:
 * damage to a hidden layer's units at the weights the file holds (src-shared/engine/lesions). By default a
 * lesion (their outgoing weights 0 and frozen); --scale multiplies those weights by K and --noise adds
 * Gaussian noise of sd SD, both leaving them free to relearn. The new file's damage record (format version 6)
 * gains what was done, at which epoch. Train the new file to see the relearning.
 */
import { lesionUnits } from '../../../src-shared/engine/lesions/lesion-units';
import { addNoiseToUnits, scaleUnits, unitsAtRandom } from '../../../src-shared/engine/lesions/perturb-units';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { layerOption } from '../layer-option';
import { readModelFile, writeModelFile } from '../model-file';
import { onlyFile, parseOptions, wholeNumber } from '../options';
import { terminalLine } from '../terminal-text';

export const lesionUsage = 'lesion MODEL --layer J|NAME (--units 1,3,5 | --fraction F [--seed S]) [--scale K | --noise SD] --out NEW.bplab';

function realNumber(value: string, option: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new CliError(`--${option} must be a number, not "${terminalLine(value)}"`);
  return number;
}

/** --units as the command line numbers them, from 1; returned from 0. */
function unitList(value: string, units: number, layerName: string): number[] {
  return value.split(',').map((item) => {
    const unit = Number(item.trim());
    if (!/^\s*\d+\s*$/.test(item) || unit < 1 || unit > units) {
      throw new CliError(`--units: "${terminalLine(item.trim())}" is not a unit of layer "${terminalLine(layerName)}", whose units are numbered 1 to ${units}`);
    }
    return unit - 1;
  });
}

export async function lesionCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseOptions(args, {
    layer: { type: 'string' }, units: { type: 'string' }, fraction: { type: 'string' }, seed: { type: 'string' },
    scale: { type: 'string' }, noise: { type: 'string' }, out: { type: 'string' },
  }, lesionUsage);
  const file = onlyFile(positionals, lesionUsage);
  if (!values.out) throw new CliError(`say where to write the damaged model with --out NEW.bplab\nusage: ${lesionUsage}`);
  if (values.layer === undefined) throw new CliError(`say which layer's units with --layer J or --layer NAME\nusage: ${lesionUsage}`);
  if ((values.units === undefined) === (values.fraction === undefined)) throw new CliError(`choose the units with either --units 1,3,5 or --fraction F\nusage: ${lesionUsage}`);
  if (values.scale !== undefined && values.noise !== undefined) throw new CliError('choose --scale or --noise, not both');
  const model = await readModelFile(file);
  const layer = layerOption(values.layer, model)!;
  const spec = model.layers[layer];
  const seed = wholeNumber(values.seed, 'seed', 0, 0xffff_ffff) ?? model.training.seed;
  const units = values.units !== undefined ? unitList(values.units, spec.units, spec.name) : [];
  let damaged: ModelDocument;
  let what: string;
  try {
    if (values.fraction !== undefined) units.push(...unitsAtRandom(spec.units, realNumber(values.fraction, 'fraction'), seed));
    if (values.scale !== undefined) {
      damaged = scaleUnits(model, layer, units, realNumber(values.scale, 'scale'));
      what = `scaled the outgoing weights of`;
    } else if (values.noise !== undefined) {
      damaged = addNoiseToUnits(model, layer, units, realNumber(values.noise, 'noise'), seed);
      what = 'added noise to the outgoing weights of';
    } else {
      damaged = lesionUnits(model, layer, units);
      what = 'lesioned';
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot damage ${terminalLine(file)}: ${(error as Error).message}`);
  }
  await writeModelFile(values.out, damaged, false);
  io.out(`${what} unit${units.length > 1 ? 's' : ''} ${[...new Set(units)].sort((a, b) => a - b).map((u) => u + 1).join(', ')} of layer ${layer} (${terminalLine(spec.name)}); wrote ${terminalLine(values.out)}\n`);
}
