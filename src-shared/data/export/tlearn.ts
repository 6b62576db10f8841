/**
 * A model as a tlearn project: the .cf (network), the .data (inputs) and the .teach (targets, `*` for a
 * don't-care). Hidden layers are numbered first, then the outputs, as tlearn's own examples do. tlearn has
 * logistic and linear units only, so other activations are refused rather than written as something else.
 */
import type { LayerSpec, ModelDocument, Pattern } from '../../model/schema';
import { ExportError } from './export-error';

export interface TlearnExport {
  cf: string;
  data: string;
  teach: string;
  notes: string[];
}

export function exportTlearn(model: ModelDocument, patterns: Pattern[] = model.patterns): TlearnExport {
  const { text: cf, notes } = tlearnConfig(model);
  notes.push('tlearn files hold no pattern names: the patterns are in file order');
  if (model.testPatterns && model.testPatterns.length > 0 && patterns === model.patterns) {
    notes.push('the test patterns are not in these files; export them as a second .data/.teach pair');
  }
  return { cf, data: tlearnData(patterns), teach: tlearnTeach(patterns), notes };
}

export function tlearnConfig(model: ModelDocument): { text: string; notes: string[] } {
  const layers = model.layers;
  layers.slice(1).forEach(checkExpressible);
  const notes: string[] = [
    'training settings (learning rate, momentum, number of sweeps, seed) are given in tlearn\'s training options, not in the .cf; the app\'s were not written',
    'the weights are not written: tlearn keeps them in a .wts file, which this export does not produce',
  ];
  // tlearn numbers its non-input units 1, 2, …: the first hidden layer first, the output layer last.
  const first: number[] = [];
  let next = 1;
  for (const layer of layers.slice(1)) {
    first.push(next);
    next += layer.units;
  }
  const nodes = next - 1;
  const range = (j: number) => span(first[j - 1], first[j - 1] + layers[j].units - 1);
  const outputs = layers[layers.length - 1].units;
  const outputRange = range(layers.length - 1);
  const lines = [
    'NODES:',
    `nodes = ${nodes}`,
    `inputs = ${layers[0].units}`,
    `outputs = ${outputs}`,
    outputs === 1 ? `output node is ${outputRange}` : `output nodes are ${outputRange}`,
    'CONNECTIONS:',
    'groups = 0',
  ];
  for (let j = 1; j < layers.length; j++) lines.push(`${range(j)} from ${j === 1 ? span(1, layers[0].units, 'i') : range(j - 1)}`);
  for (let j = 1; j < layers.length; j++) if (layers[j].bias) lines.push(`${range(j)} from 0`);
  lines.push('SPECIAL:');
  const linear = layers.map((layer, j) => (j > 0 && layer.activation === 'linear' ? range(j) : null)).filter((r) => r !== null);
  if (linear.length > 0) lines.push(`linear = ${linear.join(',')}`);
  const init = model.training.init;
  if (init.kind === 'uniform') lines.push(`weight_limit = ${init.range / 2}`);
  else notes.push(`tlearn draws initial weights uniformly within ±weight_limit; the app's ${init.kind} initialisation cannot be written, so tlearn's default applies`);
  lines.push(`selected = ${span(1, nodes)}`);
  if (layers.some((layer, j) => j > 0 && layer.learn === false)) {
    notes.push('frozen layers (weights that do not learn) are not written: tlearn would train them');
  }
  if (layers.some((layer) => layer.unitNames)) notes.push('unit names are not written: tlearn numbers its units');
  if (model.training.rule !== 'backprop' || model.training.loss !== 'squared-error') {
    notes.push(`tlearn trains with backpropagation of squared error; the model's ${model.training.rule} rule with ${model.training.loss} loss is not written`);
  }
  return { text: `${lines.join('\n')}\n`, notes };
}

function checkExpressible(layer: LayerSpec): void {
  if (layer.activation === 'logistic' || layer.activation === 'linear') return;
  const why: Record<string, string> = {
    tanh: 'tlearn has no tanh units (its bipolar units compute 2/(1+e^−x) − 1 = tanh(x/2), a different function)',
    relu: 'tlearn has no ReLU units',
    softmax: 'tlearn has no softmax units',
  };
  throw new ExportError(`the ${layer.kind} layer "${layer.name}" cannot be written as a tlearn .cf: ${why[layer.activation]}`);
}

function span(first: number, last: number, prefix = ''): string {
  return first === last ? `${prefix}${first}` : `${prefix}${first}-${prefix}${last}`;
}

export function tlearnData(patterns: Pattern[]): string {
  return vectors(patterns.map((p) => p.input));
}

export function tlearnTeach(patterns: Pattern[]): string {
  return vectors(patterns.map((p) => p.target));
}

function vectors(rows: (number | null)[][]): string {
  const body = rows.map((row) => row.map((v) => (v === null ? '*' : String(v))).join(' '));
  return ['distributed', String(rows.length), ...body].join('\n') + '\n';
}
