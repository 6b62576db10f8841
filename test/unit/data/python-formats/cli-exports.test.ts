/**
 * The command line's `export --to npz|npy`: the files it writes are the shared exporters' bytes (read back
 * by the independent readers), and `--array` names what it does not know with the list to choose from.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelArrays } from '../../../../src-shared/data/export/model-arrays';
import { cli } from '../../../support/cli-harness';
import { readNpy, readSafetensors, readZip } from './independent-readers';
import { trainedXor } from './models';

let dir: string;
let modelPath: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bplab-pyexport-'));
  modelPath = join(dir, 'xor.bplab');
  await writeFile(modelPath, JSON.stringify(trainedXor()));
});

describe('export --to npz | npy | safetensors', () => {
  it('writes the .npz with every array, and one array as .npy', async () => {
    const npz = join(dir, 'xor.npz');
    expect(await cli('export', modelPath, '--to', 'npz', '--out', npz)).toMatchObject({ code: 0, out: `wrote ${npz}\n` });
    const entries = readZip(await readFile(npz));
    const arrays = modelArrays(trainedXor());
    expect([...entries.keys()].filter((name) => name.endsWith('.npy'))).toEqual(arrays.map((a) => `${a.name}.npy`));

    const npy = join(dir, 'w.npy');
    expect((await cli('export', modelPath, '--to', 'npy', '--array', 'W_hidden_output', '--out', npy)).code).toBe(0);
    expect(readNpy(await readFile(npy))).toMatchObject({ shape: [1, 2], data: Float64Array.from([8, -8]) });
  });

  it('writes NAME.safetensors and NAME.py beside each other, --out naming either or neither', async () => {
    for (const out of ['net', 'net.safetensors', 'net.py']) {
      const result = await cli('export', modelPath, '--to', 'safetensors', '--out', join(dir, out));
      expect(result.code).toBe(0);
      expect(result.out).toBe(`wrote ${join(dir, 'net.safetensors')}\nwrote ${join(dir, 'net.py')}\n`);
    }
    expect(readSafetensors(await readFile(join(dir, 'net.safetensors'))).tensors.get('hidden_to_output.weight')?.data).toEqual(Float64Array.from([8, -8]));
    expect(await readFile(join(dir, 'net.py'), 'utf8')).toContain('class Network(nn.Module):');
  });

  it('lists the arrays when --array is missing or names none', async () => {
    const missing = await cli('export', modelPath, '--to', 'npy', '--out', join(dir, 'x.npy'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/say which array with --array NAME; this model's arrays: W_input_hidden, W_hidden_output, b_hidden/);
    expect((await cli('export', modelPath, '--to', 'npy', '--array', 'W', '--out', join(dir, 'x.npy'))).err).toMatch(/there is no array W; this model's arrays: W_input_hidden/);
  });
});
