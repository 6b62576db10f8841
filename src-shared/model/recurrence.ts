/**
 * Recurrent networks in the model document (version 4): the context layers the links fill, the sequences
 * the patterns' reset marks divide the set into, and the checks a schema cannot express (docs/science.md,
 * "Simple recurrent networks"). Shared by the loader, the engine and the importers.
 */
import type { ModelDocument, Pattern } from './schema';

/** Whether the model is a recurrent network (it has time-delayed copies). */
export function isRecurrent(model: Pick<ModelDocument, 'links'>): boolean {
  return (model.links?.length ?? 0) > 0;
}

/**
 * The sequences of a pattern set as [start, end) index ranges, in order: a new one begins at every pattern
 * marked `reset` (and at the first pattern). A set with no mark is one sequence: the continuous stream.
 */
export function sequenceRanges(patterns: readonly Pick<Pattern, 'reset'>[]): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (let p = 1; p < patterns.length; p++) {
    if (patterns[p].reset) {
      ranges.push([start, p]);
      start = p;
    }
  }
  if (patterns.length > 0) ranges.push([start, patterns.length]);
  return ranges;
}

export interface RecurrenceProblem {
  path: string;
  message: string;
}

const layerName = (model: ModelDocument, index: number) => (model.layers[index].name ? `layer ${index} (${model.layers[index].name})` : `layer ${index}`);

/**
 * Links, the recurrence section and reset marks must describe an Elman or Jordan network the engine can run:
 * each link copies a non-input layer into a context layer of as many units, a hidden layer fed by no
 * projection, linear and without a bias, filled by no other link, that projects into some layer.
 */
export function checkRecurrence(model: ModelDocument): RecurrenceProblem[] {
  const problems: RecurrenceProblem[] = [];
  const links = model.links ?? [];
  const { layers } = model;
  if (links.length === 0) {
    if (model.recurrence) problems.push({ path: 'recurrence', message: 'sets how a recurrent network trains, but the model has no links (no context layer)' });
    for (const field of ['patterns', 'testPatterns'] as const) {
      const index = (model[field] ?? []).findIndex((p) => p.reset !== undefined);
      if (index >= 0) problems.push({ path: `${field}[${index}].reset`, message: 'marks a sequence start, but the model has no links (no context layer to reset)' });
    }
    return problems;
  }
  if (!model.projections) {
    problems.push({ path: 'links', message: 'need explicit projections: a context layer projects into the layer it feeds (list them in "projections")' });
    return problems;
  }
  const filled = new Set<number>();
  links.forEach((link, i) => {
    const path = `links[${i}]`;
    for (const end of ['from', 'to'] as const) {
      if (link[end] >= layers.length) problems.push({ path: `${path}.${end}`, message: `is ${link[end]}, but the network has only ${layers.length} layers (0 to ${layers.length - 1})` });
    }
    if (link.from >= layers.length || link.to >= layers.length) return;
    const source = layers[link.from];
    const context = layers[link.to];
    if (link.from === link.to) problems.push({ path, message: `copies ${layerName(model, link.from)} into itself` });
    if (source.kind === 'input') problems.push({ path: `${path}.from`, message: `is ${layerName(model, link.from)}, an input layer: copy a hidden layer (Elman) or an output layer (Jordan)` });
    if (context.kind !== 'hidden') problems.push({ path: `${path}.to`, message: `is ${layerName(model, link.to)}, a layer of kind "${context.kind}": a context layer is of kind "hidden"` });
    if (filled.has(link.to)) problems.push({ path: `${path}.to`, message: `is ${layerName(model, link.to)}, which another link already fills` });
    filled.add(link.to);
    if (context.units !== source.units) {
      problems.push({ path: `${path}.to`, message: `is ${layerName(model, link.to)} with ${context.units} units, but the copy is one-to-one from ${layerName(model, link.from)}'s ${source.units}` });
    }
    if (context.activation !== 'linear') problems.push({ path: `layers[${link.to}].activation`, message: `is ${context.activation}, but ${layerName(model, link.to)} is a context layer: it holds a copy, so it must be linear` });
    if (context.bias) problems.push({ path: `layers[${link.to}].bias`, message: `is true, but ${layerName(model, link.to)} is a context layer: it holds a copy, so it has no bias` });
    const fedBy = model.projections!.findIndex((p) => p.to === link.to);
    if (fedBy >= 0) problems.push({ path: `projections[${fedBy}]`, message: `projects into ${layerName(model, link.to)}, a context layer: only its link fills it` });
    if (!model.projections!.some((p) => p.from === link.to)) problems.push({ path: `layers[${link.to}]`, message: `${layerName(model, link.to)} is a context layer that feeds no other layer: connect it to a layer, or remove it` });
    if (model.recurrence?.gradient === 'bptt' && source.activation === 'softmax') {
      problems.push({ path: `${path}.from`, message: `is ${layerName(model, link.from)}, a softmax layer: backpropagation through time cannot pass back through it (its derivative is not elementwise); use the one-step gradient` });
    }
  });
  if (model.training.rule === 'delta') problems.push({ path: 'training.rule', message: 'the delta rule trains one layer of weights and has no context: use "backprop" for a recurrent network' });
  return problems;
}

/** The state's recurrent part fits the links and layers, and an epoch under way keeps its sequences whole. */
export function checkRecurrentState(model: ModelDocument): RecurrenceProblem[] {
  const problems: RecurrenceProblem[] = [];
  const state = model.state!;
  const links = model.links ?? [];
  const recurrent = state.recurrent;
  if (links.length === 0) {
    if (recurrent) problems.push({ path: 'state.recurrent', message: 'holds a context, but the model has no links' });
    return problems;
  }
  if (!recurrent) return [{ path: 'state.recurrent', message: 'is missing: a trained recurrent network saves its context layers\' values' }];
  if (recurrent.context.length !== links.length) {
    problems.push({ path: 'state.recurrent.context', message: `has ${recurrent.context.length} entries but the model has ${links.length} links` });
  } else {
    recurrent.context.forEach((values, i) => {
      const units = model.layers[links[i].to].units;
      if (values.length !== units) problems.push({ path: `state.recurrent.context[${i}]`, message: `has ${values.length} values but context ${layerName(model, links[i].to)} has ${units} units` });
    });
  }
  const depth = model.recurrence?.gradient === 'bptt' ? model.recurrence.depth : 1;
  if (recurrent.events.length > depth - 1) {
    problems.push({ path: 'state.recurrent.events', message: `holds ${recurrent.events.length} events, but BPTT to depth ${depth} keeps at most ${depth - 1}` });
  }
  recurrent.events.forEach((event, e) => {
    for (const field of ['net', 'act'] as const) {
      const rows = event[field];
      if (rows.length !== model.layers.length || rows.some((row, g) => row.length !== model.layers[g].units)) {
        problems.push({ path: `state.recurrent.events[${e}].${field}`, message: `must hold one row per layer (${model.layers.length}), each as long as its layer's units` });
      }
    }
  });
  const cursor = state.cursor;
  if (cursor && cursor.order.length === model.patterns.length) {
    const ranges = sequenceRanges(model.patterns);
    let at = 0;
    const byStart = new Map(ranges.map(([start, end]) => [start, end]));
    while (at < cursor.order.length) {
      const end = byStart.get(cursor.order[at]);
      const start = cursor.order[at];
      if (end === undefined || cursor.order.slice(at, at + end - start).some((p, i) => p !== start + i)) {
        problems.push({ path: 'state.cursor.order', message: `breaks a sequence at position ${at}: an epoch presents whole sequences, each in its order` });
        break;
      }
      at += end - start;
    }
  }
  return problems;
}
