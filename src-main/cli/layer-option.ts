/** `--layer J|NAME`: a layer by index (0 the first input layer) or by its name, as the model file spells it. */
import type { ModelDocument } from '../../src-shared/model/schema';
import { CliError } from './cli-error';
import { wholeNumber } from './options';
import { terminalLine } from './terminal-text';

export function layerOption(value: string | undefined, model: ModelDocument): number | undefined {
  if (value === undefined || /^\s*\d+\s*$/.test(value)) return wholeNumber(value, 'layer', 0, model.layers.length - 1);
  const exact = model.layers.findIndex((layer) => layer.name === value);
  if (exact !== -1) return exact;
  const folded = model.layers.flatMap((layer, j) => (layer.name.toLowerCase() === value.toLowerCase() ? [j] : []));
  if (folded.length === 1) return folded[0];
  const names = model.layers.map((layer, j) => `${j} ${terminalLine(layer.name)}`).join(', ');
  throw new CliError(`--layer "${terminalLine(value)}" names no layer of this model: give an index or a name (${names})`);
}
