/**
 * The NumPy exports: .npy headers byte for byte, and whole .npz archives read back by an independent zip and
 * .npy reader and, where python3 has numpy, by numpy.load itself — every value bit for bit, activations
 * equal to the engine's forward pass, don't-care targets NaN.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patternActivations } from '../../../../src-shared/data/export/activations';
import { modelArrays } from '../../../../src-shared/data/export/model-arrays';
import { npyBytes, npyHeader } from '../../../../src-shared/data/export/numpy/npy';
import { npzBytes } from '../../../../src-shared/data/export/numpy/npz';
import { hasNumpy, runPython } from '../../../support/python';
import { readNpy, readZip } from './independent-readers';
import { awkwardNet, linearLogistic, trainedXor } from './models';

const hex = (data: Float64Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex');

describe('.npy', () => {
  it('writes numpy’s header: dict, 1-tuples with a comma, padded to 64 bytes, newline last', () => {
    expect(npyHeader([3])).toBe(`{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }`.padEnd(128 - 10 - 1, ' ') + '\n');
    expect(npyHeader([2, 5])).toMatch(/'shape': \(2, 5\), \} +\n$/);
    expect(npyHeader([])).toMatch(/'shape': \(\), \}/);
    for (const shape of [[1], [10, 3], [0], [123456, 4096]]) expect((10 + npyHeader(shape).length) % 64).toBe(0);
  });

  it('writes little-endian float64 in C order, read back by an independent parser', () => {
    const data = Float64Array.from([1, -2.5, Math.PI, 1e-300, -0, NaN]);
    const read = readNpy(npyBytes({ shape: [2, 3], data }));
    expect(read.shape).toEqual([2, 3]);
    expect(hex(read.data)).toBe(hex(data));
  });

  it('refuses data that does not fill its shape', () => {
    expect(() => npyBytes({ shape: [2, 2], data: new Float64Array(3) })).toThrow('an array of shape (2, 2) needs 4 values, not 3');
  });
});

describe('.npz of a model', () => {
  it('names projections W_<from>_<to> (out × in), biases b_<layer>, activations act_<layer>, and the curves', () => {
    const arrays = modelArrays(trainedXor());
    expect(arrays.map((a) => [a.name, a.shape])).toEqual([
      ['W_input_hidden', [2, 2]], ['W_hidden_output', [1, 2]], ['b_hidden', [2]], ['b_output', [1]],
      ['act_input', [4, 2]], ['act_hidden', [4, 2]], ['act_output', [4, 1]], ['targets', [4, 1]],
      ['curve_epoch', [3]], ['curve_tss', [3]], ['curve_fraction_correct', [3]],
    ]);
    const byName = new Map(arrays.map((a) => [a.name, Array.from(a.data)]));
    expect(byName.get('W_input_hidden')).toEqual([6, 6, 4, 4]);
    expect(byName.get('W_hidden_output')).toEqual([8, -8]);
    expect(byName.get('b_hidden')).toEqual([-3, -6]);
    expect(byName.get('targets')).toEqual([0, 1, 1, NaN]);
    expect(byName.get('curve_epoch')).toEqual([1, 2, 3]);
    expect(byName.get('curve_tss')).toEqual([1.5, 1.25, 0.5]);
  });

  it('makes identifiers of awkward layer names, leaves out absent biases, adds the test set, and uses the seed’s weights when untrained', () => {
    const model = awkwardNet();
    const arrays = modelArrays(model);
    expect(arrays.map((a) => a.name)).toEqual([
      'W_L2_inputs_hidden_layer_1', 'W_hidden_layer_1_hidden_layer_2', 'W_hidden_layer_2_out', 'b_hidden_layer_1', 'b_out',
      'act_L2_inputs', 'act_hidden_layer_1', 'act_hidden_layer_2', 'act_out', 'targets',
      'test_act_L2_inputs', 'test_act_hidden_layer_1', 'test_act_hidden_layer_2', 'test_act_out', 'test_targets',
      'curve_epoch', 'curve_tss',
    ]);
    const engine = patternActivations(model);
    const act = (name: string) => arrays.find((a) => a.name === name)!;
    expect(Array.from(act('act_out').data)).toEqual(engine.flatMap((layers) => layers[3]));
    expect(Array.from(act('act_hidden_layer_1').data)).toEqual(engine.flatMap((layers) => layers[1]));
    expect(Array.from(act('test_act_out').data)).toEqual(patternActivations(model, model.testPatterns).flatMap((layers) => layers[3]));
    expect(act('W_L2_inputs_hidden_layer_1').data.some((w) => w !== 0)).toBe(true);
    expect(act('curve_tss').shape).toEqual([0]);
  });

  it('aligns the test-set curve with the epochs', () => {
    const arrays = modelArrays(linearLogistic());
    expect(Array.from(arrays.find((a) => a.name === 'curve_test_tss')!.data)).toEqual([0.9, 0.8, 0.7]);
  });

  for (const [label, build] of [['XOR', trainedXor], ['the awkward net', awkwardNet]] as const) {
    it(`reads back ${label}'s archive, every array bit for bit, with an independent zip and .npy reader`, () => {
      const arrays = modelArrays(build());
      const entries = readZip(npzBytes(arrays, { 'provenance.json': new TextEncoder().encode('{}') }));
      expect([...entries.keys()]).toEqual([...arrays.map((a) => `${a.name}.npy`), 'provenance.json']);
      for (const array of arrays) {
        const read = readNpy(entries.get(`${array.name}.npy`)!);
        expect(read.shape, array.name).toEqual(array.shape);
        expect(hex(read.data), array.name).toBe(hex(array.data));
      }
    });

    it.skipIf(!hasNumpy)(`numpy.load reads ${label}'s archive: every array float64, its shape, its bits`, async () => {
      const arrays = modelArrays(build());
      const path = join(await mkdtemp(join(tmpdir(), 'bplab-npz-')), 'model.npz');
      await writeFile(path, npzBytes(arrays, { 'provenance.json': new TextEncoder().encode('{"model": "x"}') }));
      const read = JSON.parse(runPython(`
import json, sys, numpy as np
with np.load(sys.argv[1]) as z:
    out = {name: [str(z[name].dtype), list(z[name].shape), z[name].astype('<f8').tobytes().hex()] for name in z.files if name != 'provenance.json'}
    out['provenance'] = json.loads(z['provenance.json'])
print(json.dumps(out))`, [path])) as Record<string, unknown>;
      expect(read.provenance).toEqual({ model: 'x' });
      for (const array of arrays) expect(read[array.name], array.name).toEqual(['float64', array.shape, hex(array.data)]);
    });
  }
});
