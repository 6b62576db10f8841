/**
 * Weights back from Python: the exports' own safetensors and .npz load into a model of the same shapes
 * (momentum zeroed, feedback matrices kept, the notice says so); files numpy writes — float32, Fortran
 * order — load too; a shape that does not match is refused naming the tensor, its shape and the one
 * expected; and the command line's `import --into` writes a model the loader accepts.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportModel, exportFileContent } from '../../../../src-shared/data/export';
import { importWeights, TensorFileError } from '../../../../src-shared/data/import';
import { parseModelText } from '../../../../src-shared/model/parse';
import type { ModelDocument } from '../../../../src-shared/model/schema';
import { cli } from '../../../support/cli-harness';
import { hasNumpy, runPython } from '../../../support/python';
import { awkwardNet, trainedXor } from './models';

const bytesOf = (model: ModelDocument, format: 'npz' | 'safetensors') => exportFileContent(exportModel(model, format).files[0]) as Uint8Array;

/** XOR with other weights and momentum under way: what a transfer must overwrite. */
function otherXor(): ModelDocument {
  const model = trainedXor();
  model.training = { ...model.training, rule: 'feedback-alignment' };
  model.state = {
    ...model.state!,
    weights: [[[1, 2], [3, 4]], [[5, 6]]],
    biases: [[0.5, 0.25], [0.125]],
    weightMomentum: [[[0.1, 0.1], [0.1, 0.1]], [[0.2, 0.2]]],
    biasMomentum: [[0.3, 0.3], [0.4]],
    feedback: [[], [[0.75, -0.5]]],
  };
  return model;
}

describe('weights back from Python', () => {
  for (const format of ['safetensors', 'npz'] as const) {
    it(`loads the export's own ${format}: weights and biases replaced, momentum zeroed, feedback kept, and says so`, () => {
      const { model, notes } = importWeights(otherXor(), `xor.${format}`, bytesOf(trainedXor(), format));
      expect(model.state).toMatchObject({
        weights: [[[6, 6], [4, 4]], [[8, -8]]],
        biases: [[-3, -6], [-4]],
        weightMomentum: [[[0, 0], [0, 0]], [[0, 0]]],
        biasMomentum: [[0, 0], [0]],
        feedback: [[], [[0.75, -0.5]]],
        epoch: 3,
        tssHistory: [1.5, 1.25, 0.5],
      });
      expect(notes).toEqual([`Loaded the weights and biases of 2 projections from xor.${format}.`, 'Momentum was reset to zero.', 'The feedback matrices were kept.']);
    });
  }

  it('gives an untrained model the state a run starts from, with these weights', () => {
    const source = awkwardNet();
    const target = { ...awkwardNet(), training: { ...awkwardNet().training, seed: 99 } };
    const { model } = importWeights(target, 'w.safetensors', bytesOf(source, 'safetensors'));
    const expected = importWeights(source, 'w.npz', bytesOf(source, 'npz')).model.state!;
    expect(model.state!.weights).toEqual(expected.weights);
    expect(model.state!.epoch).toBe(0);
    expect(parseModelText(JSON.stringify(model)).ok).toBe(true);
  });

  it('refuses a tensor of the wrong shape, naming it, its shape and the one expected', () => {
    const wider = trainedXor();
    wider.layers[1] = { ...wider.layers[1], units: 3 };
    wider.state = null;
    expect(() => importWeights(wider, 'xor.safetensors', bytesOf(trainedXor(), 'safetensors'))).toThrow(
      new TensorFileError('xor.safetensors: tensor input_to_hidden.weight has shape (2, 2); the weights from input to hidden needs (3, 2)'),
    );
    expect(() => importWeights(wider, 'xor.npz', bytesOf(trainedXor(), 'npz'))).toThrow(/tensor W_input_hidden has shape \(2, 2\); the weights from input to hidden needs \(3, 2\)/);
    const renamed = { ...trainedXor(), layers: trainedXor().layers.map((l, j) => (j === 1 ? { ...l, name: 'middle' } : l)) };
    expect(() => importWeights(renamed, 'xor.npz', bytesOf(trainedXor(), 'npz'))).toThrow('xor.npz: no tensor input_to_middle.weight or W_input_middle for the weights from input to middle, shape (2, 2)');
    expect(() => importWeights(trainedXor(), 'xor.csv', new Uint8Array())).toThrow('xor.csv: weights load from a .safetensors or .npz file');
  });

  it.skipIf(!hasNumpy)('loads what numpy writes itself: float32, Fortran order, a safetensors file built in Python', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-weights-'));
    runPython(`
import json, struct, sys, numpy as np
d = sys.argv[1]
W1 = np.asfortranarray(np.array([[1.5, -2.0], [0.25, 3.0]]))
np.savez(d + '/w.npz', W_input_hidden=W1, W_hidden_output=np.array([[1.0, -1.0]], dtype=np.float32),
         b_hidden=np.array([0.5, -0.5]), b_output=np.array([2.0], dtype=np.float32))
tensors = {'input_to_hidden.weight': W1.astype('<f4'), 'input_to_hidden.bias': np.array([0.5, -0.5], '<f4'),
           'hidden_to_output.weight': np.array([[1.0, -1.0]], '<f4'), 'hidden_to_output.bias': np.array([2.0], '<f4')}
header, data, at = {}, b'', 0
for name, t in tensors.items():
    raw = np.ascontiguousarray(t).tobytes()
    header[name] = {'dtype': 'F32', 'shape': list(t.shape), 'data_offsets': [at, at + len(raw)]}
    data += raw; at += len(raw)
h = json.dumps(header).encode()
open(d + '/w.safetensors', 'wb').write(struct.pack('<Q', len(h)) + h + data)`, [dir]);
    for (const file of ['w.npz', 'w.safetensors']) {
      const { model } = importWeights(trainedXor(), file, await readFile(join(dir, file)));
      expect(model.state, file).toMatchObject({ weights: [[[1.5, -2], [0.25, 3]], [[1, -1]]], biases: [[0.5, -0.5], [2]] });
    }
  });

  it('import --into from the command line writes a valid model and says what it reset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-weights-cli-'));
    await writeFile(join(dir, 'other.bplab'), JSON.stringify(otherXor()));
    await writeFile(join(dir, 'w.safetensors'), bytesOf(trainedXor(), 'safetensors'));
    const result = await cli('import', join(dir, 'w.safetensors'), '--into', join(dir, 'other.bplab'), '--out', join(dir, 'new.bplab'));
    expect(result).toMatchObject({ code: 0, out: `wrote ${join(dir, 'new.bplab')}\n` });
    expect(result.err).toContain('note: Momentum was reset to zero.');
    const parsed = parseModelText(await readFile(join(dir, 'new.bplab'), 'utf8'));
    expect(parsed.ok && parsed.model.state?.weights).toEqual([[[6, 6], [4, 4]], [[8, -8]]]);

    await writeFile(join(dir, 'bad.npz'), new Uint8Array([1, 2, 3]));
    const bad = await cli('import', join(dir, 'bad.npz'), '--into', join(dir, 'other.bplab'), '--out', join(dir, 'x.bplab'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad\.npz: not a zip archive/);
  });
});
