/**
 * MATLAB level 5 MAT-files: the .npz's arrays (vectors as 1 × n rows) and the provenance as text, read back
 * by an independent reader and, where python3 has scipy, by scipy.io.loadmat, bit for bit.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mat5Bytes } from '../../../../src-shared/data/export/matlab/mat5';
import { modelArrays } from '../../../../src-shared/data/export/model-arrays';
import { hasScipy, runPython } from '../../../support/python';
import { readMat5 } from './independent-readers';
import { awkwardNet, trainedXor } from './models';

const hex = (data: Float64Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex');
const matShape = (shape: number[]) => (shape.length === 1 ? [1, shape[0]] : shape);

if (!hasScipy) console.warn('scipy is not installed: the .mat files are checked by the independent reader only');

describe('.mat (level 5)', () => {
  it('writes a 128-byte header with version 0x0100 and the little-endian mark', () => {
    const bytes = mat5Bytes([]);
    expect(bytes.length).toBe(128);
    expect(new TextDecoder().decode(bytes.subarray(0, 40))).toBe('MATLAB 5.0 MAT-file, written by Backprop');
    expect(Array.from(bytes.subarray(124))).toEqual([0x00, 0x01, 0x49, 0x4d]);
  });

  it('refuses a name MATLAB would not take, and text that is not ASCII', () => {
    expect(() => mat5Bytes([{ name: '_x', shape: [1], data: new Float64Array(1) }])).toThrow('"_x" is not a MATLAB variable name');
    expect(() => mat5Bytes([], { note: 'naïve' })).toThrow('note: character 2 is not ASCII');
  });

  for (const [label, build] of [['XOR', trainedXor], ['the awkward net', awkwardNet]] as const) {
    it(`holds ${label}'s arrays column-major and its provenance, read back by an independent reader`, () => {
      const arrays = modelArrays(build());
      const variables = readMat5(mat5Bytes(arrays, { provenance: '{"model": "\\u00fc"}' }));
      expect([...variables.keys()]).toEqual([...arrays.map((a) => a.name), 'provenance']);
      for (const array of arrays) {
        const read = variables.get(array.name) as { shape: number[]; data: Float64Array };
        expect(read.shape, array.name).toEqual(matShape(array.shape));
        expect(hex(read.data), array.name).toBe(hex(array.data));
      }
      expect(variables.get('provenance')).toBe('{"model": "\\u00fc"}');
    });

    it.skipIf(!hasScipy)(`scipy.io.loadmat reads ${label}'s file: every array, shape and bit`, async () => {
      const arrays = modelArrays(build());
      const path = join(await mkdtemp(join(tmpdir(), 'bplab-mat-')), 'model.mat');
      await writeFile(path, mat5Bytes(arrays, { provenance: '{"model": "\\u00fc"}' }));
      const read = JSON.parse(runPython(`
import json, sys, numpy as np, scipy.io
m = scipy.io.loadmat(sys.argv[1])
out = {k: [str(v.dtype), list(v.shape), np.ascontiguousarray(v).astype('<f8').tobytes().hex()] for k, v in m.items() if not k.startswith('__') and k != 'provenance'}
out['provenance'] = str(m['provenance'][0])
print(json.dumps(out))`, [path])) as Record<string, unknown>;
      expect(read.provenance).toBe('{"model": "\\u00fc"}');
      for (const array of arrays) {
        // scipy gives an empty matrix (a curve never trained) as (1, 0) too; its bytes are none.
        expect(read[array.name], array.name).toEqual(['float64', matShape(array.shape), hex(array.data)]);
      }
    });
  }
});
