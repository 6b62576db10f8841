/**
 * The model as named float64 arrays, the contents of the NumPy and MATLAB exports: each projection's
 * weights W_<from>_<to> (out × in, as in n_g = b_g + Σ_p W_p h_from(p)), each biased layer's bias, every
 * layer's activations for every pattern from the engine's own forward pass, the targets (every output
 * layer's, concatenated in layer order), and the learning curves. Chains and graphs alike.
 *
 * A recurrent network adds what running it through time needs: each context layer's value at a sequence's
 * start, initial_<context> (units), and per set the events that start a sequence, sequence_start (1 at the
 * first event and at every reset mark, else 0). Its activations are the set run in order from the initial
 * context (act_<context> holds what the context layer held at each event), as the outputs CSV and Test give.
 */
import type { ModelDocument, Pattern } from '../../model/schema';
import { historyEpoch } from '../../model/epoch-history';
import { exportNetwork, type ExportSet } from './export-network';
import { modelLearningCurve } from './learning-curve-csv';

/** Row-major values of the given shape. */
export interface NamedArray {
  readonly name: string;
  readonly shape: number[];
  readonly data: Float64Array;
}

export function modelArrays(model: ModelDocument): NamedArray[] {
  const network = exportNetwork(model);
  const { ids } = network;
  const arrays: NamedArray[] = [];
  for (const { from, to, rows, cols, weights } of network.projections) arrays.push({ name: `W_${from}_${to}`, shape: [rows, cols], data: weights });
  network.biases.forEach((bias, g) => {
    if (bias) arrays.push({ name: `b_${ids[g]}`, shape: [bias.length], data: bias });
  });
  for (const { layer, initial } of network.contexts) {
    arrays.push({ name: `initial_${ids[layer]}`, shape: [model.layers[layer].units], data: new Float64Array(model.layers[layer].units).fill(initial) });
  }
  // Listing the arrays (File → Export's choice of one .npy) must not run every pattern forward: the
  // activations are computed when first read, one forward pass over a pattern set for all its layers.
  const activationsOf = (prefix: string, patterns: Pattern[], set: ExportSet) => {
    let rows: Float64Array[][] | null = null;
    const layerRows = () => (rows ??= network.activations(set));
    model.layers.forEach((layer, j) => {
      arrays.push(lazy(`${prefix}act_${ids[j]}`, [patterns.length, layer.units], () => concatenate(layerRows().map((row) => row[j]))));
    });
    const outputs = network.outputs.reduce((sum, g) => sum + model.layers[g].units, 0);
    // A don't-care target (tlearn's *) is NaN: it has no value, and numpy's nan-aware functions skip it.
    arrays.push({ name: `${prefix}targets`, shape: [patterns.length, outputs], data: Float64Array.from(patterns.flatMap((p) => p.target.map((t) => t ?? NaN))) });
    if (network.contexts.length > 0) {
      // As the engine runs a set: its first event starts a sequence whether or not it is marked.
      arrays.push({ name: `${prefix}sequence_start`, shape: [patterns.length], data: Float64Array.from(patterns, (p, e) => (e === 0 || p.reset ? 1 : 0)) });
    }
  };
  activationsOf('', model.patterns, 'train');
  if (model.testPatterns && model.testPatterns.length > 0) activationsOf('test_', model.testPatterns, 'test');
  const curve = modelLearningCurve(model);
  arrays.push({ name: 'curve_epoch', shape: [curve.tss.length], data: Float64Array.from(curve.tss, (_, e) => historyEpoch(e, curve.stride ?? 1)) });
  arrays.push({ name: 'curve_tss', shape: [curve.tss.length], data: Float64Array.from(curve.tss) });
  for (const [name, values] of [['curve_fraction_correct', curve.fractionCorrect], ['curve_test_tss', curve.testTss]] as const) {
    // Aligned with curve_epoch; an epoch a curve did not record (none today) would be NaN, not a shifted value.
    if (values && values.length > 0) arrays.push({ name, shape: [curve.tss.length], data: Float64Array.from(curve.tss, (_, e) => values[e] ?? NaN) });
  }
  return arrays;
}

function lazy(name: string, shape: number[], compute: () => Float64Array): NamedArray {
  let data: Float64Array | null = null;
  return {
    name,
    shape,
    get data() {
      return (data ??= compute());
    },
  };
}

function concatenate(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
