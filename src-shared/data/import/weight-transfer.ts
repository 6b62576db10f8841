/**
 * Weights back from Python (transfer from PyTorch or numpy): a safetensors or .npz file whose tensors match
 * the open model's shapes replaces its weights and biases, for a chain or a graph. Tensors are found by the
 * names the exports give them — `<from>_to_<to>.weight` / `.bias` (model.py's nn.Linear modules; a layer's
 * bias is the `.bias` of a projection into it) or `W_<from>_<to>` / `b_<layer>` (the .npz). Momentum is reset to zero (it belonged to other weights), as is a half-summed minibatch
 * gradient; feedback alignment's fixed matrices, the epoch, the histories and the random streams are kept.
 */
import { layerIdentifiers, projectionNames } from '../export/array-names';
import { createRun } from '../../engine/training-run';
import { networkGraph } from '../../model/graph';
import { MAX_WEIGHT_MAGNITUDE, type ModelDocument } from '../../model/schema';
import { readNpz, readSafetensors, TensorFileError, type Tensor } from './python-tensors';

export interface WeightTransfer {
  model: ModelDocument;
  /** What changed beside the weights, said to the user. */
  notes: string[];
}

/** Reads `bytes` by its name's extension (.safetensors or .npz) and loads its weights into `model`. */
export function importWeights(model: ModelDocument, file: string, bytes: Uint8Array): WeightTransfer {
  const lower = file.toLowerCase();
  if (lower.endsWith('.safetensors')) return loadWeights(model, readSafetensors(bytes, file), file);
  if (lower.endsWith('.npz')) return loadWeights(model, readNpz(bytes, file), file);
  throw new TensorFileError(`${file}: weights load from a .safetensors or .npz file`);
}

const shapeText = (shape: readonly number[]) => `(${shape.join(', ')})`;

export function loadWeights(model: ModelDocument, tensors: ReadonlyMap<string, Tensor>, file: string): WeightTransfer {
  const find = (names: string[], shape: number[], what: string): Float64Array | null => {
    const name = names.find((candidate) => tensors.has(candidate));
    if (name === undefined) return null;
    const tensor = tensors.get(name)!;
    if (shapeText(tensor.shape) !== shapeText(shape)) {
      throw new TensorFileError(`${file}: tensor ${name} has shape ${shapeText(tensor.shape)}; ${what} needs ${shapeText(shape)}`);
    }
    const bad = tensor.data.findIndex((value) => !(Math.abs(value) <= MAX_WEIGHT_MAGNITUDE));
    if (bad !== -1) throw new TensorFileError(`${file}: tensor ${name}, value ${bad}: ${tensor.data[bad]} is not a weight the model can hold (finite, at most ${MAX_WEIGHT_MAGNITUDE} in size)`);
    return tensor.data;
  };
  const { layers } = model;
  const graph = networkGraph(model);
  const ids = layerIdentifiers(layers);
  const names = projectionNames(layers, graph.projections);
  const weights = graph.projections.map(({ from: source, to: target }, q) => {
    const { from, to } = names[q];
    const [rows, cols] = [layers[target].units, layers[source].units];
    const what = `the weights from ${layers[source].name} to ${layers[target].name}`;
    const candidates = [`${from}_to_${to}.weight`, `W_${from}_${to}`];
    const W = find(candidates, [rows, cols], what);
    if (!W) throw new TensorFileError(`${file}: no tensor ${candidates.join(' or ')} for ${what}, shape ${shapeText([rows, cols])}`);
    return Array.from({ length: rows }, (_, r) => Array.from(W.subarray(r * cols, (r + 1) * cols)));
  });
  // A layer's bias: the .npz's b_<layer>, or the .bias of a projection into it (model.py puts it on the first).
  const biases = graph.biased.map((g) => {
    const rows = layers[g].units;
    const biasNames = [`b_${ids[g]}`, ...graph.projections.flatMap((p, q) => (p.to === g ? [`${names[q].from}_to_${names[q].to}.bias`] : []))];
    if (!layers[g].bias) {
      const extra = biasNames.find((name) => tensors.has(name));
      if (extra) throw new TensorFileError(`${file}: tensor ${extra} is a bias, but layer ${layers[g].name} has none (turn its bias on to load it)`);
      return new Array<number>(rows).fill(0);
    }
    const found = biasNames.filter((name) => tensors.has(name));
    if (found.length > 1) throw new TensorFileError(`${file}: tensors ${found.join(' and ')} are both the bias of ${layers[g].name}; keep one`);
    const b = find(biasNames, [rows], `the bias of ${layers[g].name}`);
    if (!b) throw new TensorFileError(`${file}: no tensor ${biasNames.join(' or ')} for the bias of ${layers[g].name}, shape ${shapeText([rows])}`);
    return Array.from(b);
  });
  // An untrained model gets the state a run starts from (its streams, its feedback matrices), then these weights.
  const before = model.state ?? createRun(model).toModel().state!;
  const zeros = (rows: readonly (readonly number[])[]) => rows.map((row) => row.map(() => 0));
  const state = {
    ...before,
    weights,
    biases,
    weightMomentum: weights.map(zeros),
    biasMomentum: zeros(biases),
    gradientSum: null,
  };
  const notes = [`Loaded the weights and biases of ${weights.length} ${weights.length === 1 ? 'projection' : 'projections'} from ${file}.`, 'Momentum was reset to zero.'];
  if (before.feedback && before.feedback.length > 0) notes.push('The feedback matrices were kept.');
  if (before.gradientSum) notes.push('The gradient summed so far in the current minibatch was dropped.');
  return { model: { ...model, state }, notes };
}
