/**
 * Weights back from Python (transfer from PyTorch or numpy): a safetensors or .npz file whose tensors match
 * the open model's shapes replaces its weights and biases. Tensors are found by the names the exports give
 * them — `<from>_to_<to>.weight` / `.bias` (model.py's nn.Linear modules) or `W_<from>_<to>` / `b_<layer>`
 * (the .npz). Momentum is reset to zero (it belonged to other weights), as is a half-summed minibatch
 * gradient; feedback alignment's fixed matrices, the epoch, the histories and the random streams are kept.
 */
import { projectionNames } from '../export/array-names';
import { Simulation } from '../../engine/simulation';
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
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (const { index: j, from, to } of projectionNames(model.layers)) {
    const [rows, cols] = [model.layers[j + 1].units, model.layers[j].units];
    const what = `the weights from ${model.layers[j].name} to ${model.layers[j + 1].name}`;
    const names = [`${from}_to_${to}.weight`, `W_${from}_${to}`];
    const W = find(names, [rows, cols], what);
    if (!W) throw new TensorFileError(`${file}: no tensor ${names.join(' or ')} for ${what}, shape ${shapeText([rows, cols])}`);
    weights.push(Array.from({ length: rows }, (_, r) => Array.from(W.subarray(r * cols, (r + 1) * cols))));
    const biasNames = [`${from}_to_${to}.bias`, `b_${to}`];
    if (model.layers[j + 1].bias) {
      const b = find(biasNames, [rows], `the bias of ${model.layers[j + 1].name}`);
      if (!b) throw new TensorFileError(`${file}: no tensor ${biasNames.join(' or ')} for the bias of ${model.layers[j + 1].name}, shape ${shapeText([rows])}`);
      biases.push(Array.from(b));
    } else {
      const extra = biasNames.find((name) => tensors.has(name));
      if (extra) throw new TensorFileError(`${file}: tensor ${extra} is a bias, but layer ${model.layers[j + 1].name} has none (turn its bias on to load it)`);
      biases.push(new Array<number>(rows).fill(0));
    }
  }
  // An untrained model gets the state a run starts from (its streams, its feedback matrices), then these weights.
  const before = model.state ?? new Simulation(model).state();
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
