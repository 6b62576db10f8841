/**
 * A model as a tlearn project: the .cf (network), the .data (inputs), the .teach (targets, `*` for a
 * don't-care), the .wts (weights) and, for a recurrent network in sequences, the .reset (tlearn-weights.ts). Hidden layers are numbered first, then the outputs, as tlearn's own examples do; a graph's
 * projections are written as connections between the node ranges of their two layers. tlearn has
 * logistic and linear units only, so other activations are refused rather than written as something else.
 * A recurrent network's copy links are tlearn's copy-back connections (`3-4 from 1-2 = 1. & 1. fixed
 * one-to-one`, the context nodes linear); what tlearn cannot hold of its time is said in the notes.
 */
import { networkGraph } from '../../model/graph';
import type { LayerSpec, ModelDocument, Pattern } from '../../model/schema';
import { isRecurrent } from '../../model/recurrence';
import { ExportError } from './export-error';
import { tlearnNumbering } from './tlearn-numbering';
import { tlearnReset, tlearnWeights } from './tlearn-weights';

export interface TlearnExport {
  cf: string;
  data: string;
  teach: string;
  /** The weights (.wts, tlearn's save_wts layout): the run's, or an untrained model's initial ones. */
  wts: string;
  /** A recurrent network's sequence starts (.reset); absent when no pattern starts a sequence. */
  reset?: string;
  notes: string[];
}

export function exportTlearn(model: ModelDocument, patterns: Pattern[] = model.patterns): TlearnExport {
  const { text: cf, notes } = tlearnConfig(model);
  notes.push('tlearn files hold no pattern names: the patterns are in file order');
  if (model.testPatterns && model.testPatterns.length > 0 && patterns === model.patterns) {
    notes.push('the test patterns are not in these files; export them as a second .data/.teach pair');
  }
  const wts = tlearnWeights(model);
  if (!model.state) notes.push('the model is untrained: the .wts holds the initial weights its run starts from');
  const reset = isRecurrent(model) ? tlearnReset(patterns) : null;
  return { cf, data: tlearnData(patterns), teach: tlearnTeach(patterns), wts, ...(reset ? { reset } : {}), notes };
}

export function tlearnConfig(model: ModelDocument): { text: string; notes: string[] } {
  const layers = model.layers;
  const graph = networkGraph(model);
  layers.forEach((layer) => {
    if (layer.kind !== 'input') checkExpressible(layer);
  });
  const notes: string[] = [
    'training settings (learning rate, momentum, number of sweeps, seed) are given in tlearn\'s training options, not in the .cf; the app\'s were not written',
  ];
  const { first, nodes } = tlearnNumbering(model);
  const range = (j: number) => span(first[j], first[j] + layers[j].units - 1, layers[j].kind === 'input' ? 'i' : '');
  // The .teach columns go to the output nodes in the listed order: the output layers' order in a pattern.
  const outputFirsts = graph.outputs.map((j) => first[j]);
  if (outputFirsts.some((at, k) => k > 0 && at < outputFirsts[k - 1])) {
    throw new ExportError(`the output layers ${graph.outputs.map((j) => `"${layers[j].name}"`).join(', ')} cannot be written as a tlearn .cf in their order: tlearn would number one fed by another first`);
  }
  const outputs = graph.outputs.reduce((sum, j) => sum + layers[j].units, 0);
  const outputRange = graph.outputs.map(range).join(',');
  const lines = [
    'NODES:',
    `nodes = ${nodes}`,
    `inputs = ${graph.inputs.reduce((sum, j) => sum + layers[j].units, 0)}`,
    `outputs = ${outputs}`,
    outputs === 1 ? `output node is ${outputRange}` : `output nodes are ${outputRange}`,
    'CONNECTIONS:',
    'groups = 0',
  ];
  for (const { from, to } of graph.projections) lines.push(`${range(to)} from ${range(from)}`);
  for (const j of graph.biased) if (layers[j].bias) lines.push(`${range(j)} from 0`);
  for (const link of model.links ?? []) lines.push(`${range(link.to)} from ${range(link.from)} = 1. & 1. fixed one-to-one`);
  notes.push(...recurrentNotes(model));
  lines.push('SPECIAL:');
  const linear = graph.biased.filter((j) => layers[j].activation === 'linear').map(range);
  if (linear.length > 0) lines.push(`linear = ${linear.join(',')}`);
  const init = model.training.init;
  if (init.kind === 'uniform') lines.push(`weight_limit = ${init.range / 2}`);
  else notes.push(`tlearn draws initial weights uniformly within ±weight_limit; the app's ${init.kind} initialisation cannot be written, so tlearn's default applies`);
  lines.push(`selected = ${span(1, nodes)}`);
  if (layers.some((layer) => layer.kind !== 'input' && layer.learn === false) || graph.projections.some((p) => p.learn === false)) {
    notes.push('frozen layers and projections (weights that do not learn) are not written: tlearn would train them');
  }
  if (graph.projections.some((p) => p.init !== undefined)) notes.push('a projection\'s own initialisation is not written: tlearn draws every weight within one weight_limit');
  if (layers.some((layer) => layer.unitNames)) notes.push('unit names are not written: tlearn numbers its units');
  if (model.training.rule !== 'backprop' || model.training.loss !== 'squared-error') {
    notes.push(`tlearn trains with backpropagation of squared error; the model's ${model.training.rule} rule with ${model.training.loss} loss is not written`);
  }
  return { text: `${lines.join('\n')}\n`, notes };
}

/** What tlearn's copy-back cannot hold of a recurrent network's time. */
function recurrentNotes(model: ModelDocument): string[] {
  const links = model.links ?? [];
  if (links.length === 0) return [];
  const notes: string[] = [];
  if (links.some((link) => (link.initial ?? 0) !== 0)) notes.push('tlearn starts its context nodes at 0; the context\'s initial value (' + [...new Set(links.map((link) => link.initial ?? 0))].join(', ') + ') is not written');
  if ((model.testPatterns ?? []).some((p) => p.reset)) notes.push('the test patterns\' sequence starts are not written: the .reset file is the training patterns\'');
  if (model.recurrence?.gradient === 'bptt') notes.push(`tlearn trains a copy-back network with the one-step gradient; backpropagation through time to depth ${model.recurrence.depth} is not written`);
  return notes;
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
