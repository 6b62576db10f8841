/** `validate FILE`: says whether a model file is valid, and if not, which fields are wrong. */
import { conditionCount } from '../../../src-shared/model/experiment';
import type { CliIo } from '../io';
import { readModelFile } from '../model-file';
import { onlyFile, parseOptions } from '../options';

const usage = 'validate FILE';

export async function validateCommand(args: string[], io: CliIo): Promise<void> {
  const { positionals } = parseOptions(args, {}, usage);
  const file = onlyFile(positionals, usage);
  const model = await readModelFile(file);
  const shape = model.layers.map((layer) => layer.units).join('-');
  const trained = model.state ? `trained ${model.state.epoch} epochs` : 'untrained';
  const spec = model.experiment;
  const experiment = spec ? `; an experiment of ${conditionCount(spec) * spec.replications} runs` : '';
  io.out(`${file}: valid Backprop Lab model "${model.name}" (${shape}, ${model.patterns.length} patterns, ${trained}${experiment})\n`);
}
