/**
 * File → Import of a weight file (.safetensors, .npz): what it would do to the open model, decided before
 * anything changes. Weights load from one file on its own into an open model whose shapes they fit; the
 * change is applied again when the edit commits, to the document as it then stands.
 */
import { TensorFileError } from '../../src-shared/data/import/python-tensors';
import { importWeights } from '../../src-shared/data/import/weight-transfer';
import type { ModelDocument } from '../../src-shared/model/schema';
import type { PickedFile } from '../hosts/host';

export type WeightImport =
  | { kind: 'refused'; message: string }
  | { kind: 'weights'; label: string; notes: string[]; change: (model: ModelDocument) => ModelDocument };

/** null when no weight file was picked (the files make a new model instead). */
export function readWeightImport(picked: readonly PickedFile[], model: ModelDocument | null): WeightImport | null {
  const weights = picked.filter((file) => 'bytes' in file);
  if (weights.length === 0) return null;
  if (picked.length > 1) return { kind: 'refused', message: `Weights load from one file on its own; ${picked.map((file) => file.name).join(', ')} were picked together.` };
  const [{ name, bytes }] = weights;
  if (!model) return { kind: 'refused', message: `${name} holds weights: open the model they belong to first, then import them into it.` };
  try {
    const { notes } = importWeights(model, name, bytes);
    return { kind: 'weights', label: `Load weights from ${name}`, notes, change: (current) => importWeights(current, name, bytes).model };
  } catch (error) {
    if (error instanceof TensorFileError) return { kind: 'refused', message: error.message };
    throw error;
  }
}
