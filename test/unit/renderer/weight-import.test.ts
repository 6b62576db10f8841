/**
 * File → Import of a weight file, decided before anything changes: the change loads the file's weights
 * (the Test tab's outputs then follow, e2e import-weights.spec.ts), and one file with others, no open
 * model, or a tensor of the wrong shape is refused with what to do or what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { npzBytes } from '../../../src-shared/data/export/numpy/npz';
import { findExample } from '../../../src-shared/data/examples';
import { readWeightImport } from '../../../src-renderer/files/weight-import';

const xor = () => findExample('xor')!.build();
const array = (name: string, shape: number[], values: number[]) => ({ name, shape, data: Float64Array.from(values) });
const tuned = npzBytes([
  array('W_input_hidden', [2, 2], [6, 6, 4, 4]), array('b_hidden', [2], [-3, -6]),
  array('W_hidden_output', [1, 2], [8, -8]), array('b_output', [1], [-3]),
]);

describe('weights from File → Import', () => {
  it('is not a weight import when only text files were picked', () => {
    expect(readWeightImport([{ name: 'xor.pat', text: '0 0 0\n' }], xor())).toBeNull();
  });

  it('loads the weights and biases into the open model as an edit, momentum reset, saying so', () => {
    const model = xor();
    const read = readWeightImport([{ name: 'tuned.npz', bytes: tuned }], model);
    if (read?.kind !== 'weights') throw new Error(`expected weights, got ${JSON.stringify(read)}`);
    expect(read.label).toBe('Load weights from tuned.npz');
    expect(read.notes).toEqual(['Loaded the weights and biases of 2 projections from tuned.npz.', 'Momentum was reset to zero.']);
    const loaded = read.change(model);
    expect(loaded.state?.weights).toEqual([[[6, 6], [4, 4]], [[8, -8]]]);
    expect(loaded.state?.biases).toEqual([[-3, -6], [-3]]);
    expect(loaded.state?.weightMomentum).toEqual([[[0, 0], [0, 0]], [[0, 0]]]);
    expect(loaded.layers).toBe(model.layers);
    expect(model.state).toBeNull();
  });

  it('refuses a weight file picked with others, with no model open, or of the wrong shapes', () => {
    expect(readWeightImport([{ name: 'tuned.npz', bytes: tuned }, { name: 'xor.pat', text: '' }], xor())).toEqual({
      kind: 'refused', message: 'Weights load from one file on its own; tuned.npz, xor.pat were picked together.',
    });
    expect(readWeightImport([{ name: 'tuned.npz', bytes: tuned }], null)).toEqual({
      kind: 'refused', message: 'tuned.npz holds weights: open the model they belong to first, then import them into it.',
    });
    const wide = npzBytes([array('W_input_hidden', [3, 2], [1, 2, 3, 4, 5, 6])]);
    expect(readWeightImport([{ name: 'wide.npz', bytes: wide }], xor())).toEqual({
      kind: 'refused', message: 'wide.npz: tensor W_input_hidden has shape (3, 2); the weights from input to hidden needs (2, 2)',
    });
    expect(readWeightImport([{ name: 'broken.safetensors', bytes: Uint8Array.from([1, 2, 3]) }], xor())).toMatchObject({ kind: 'refused', message: expect.stringContaining('broken.safetensors') });
  });
});
