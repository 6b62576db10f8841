/**
 * The command line's `export --to npz|npy|safetensors|onnx|mat`, for a chain and a recurrent network: the files it writes are the shared exporters' bytes (read back
 * by the independent readers), and `--array` names what it does not know with the list to choose from.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportFileContent, exportModel } from '../../../../src-shared/data/export';
import { modelArrays } from '../../../../src-shared/data/export/model-arrays';
import { APP_VERSION } from '../../../../src-main/app-version';
import { parseModelText } from '../../../../src-shared/model/parse';
import { cli } from '../../../support/cli-harness';
import { readNpy, readSafetensors, readZip } from './independent-readers';
import { trainedXor } from './models';
import { shortTemporalXor } from './recurrent-models';

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

describe('export of a recurrent network', () => {
  it('writes npz, safetensors with model.py, ONNX and .mat: the shared exporters’ bytes, the context and its initial value included', async () => {
    const path = join(dir, 'temporal xor.bplab');
    await writeFile(path, JSON.stringify(shortTemporalXor()));
    // The document as the command line reads it (its digest is the provenance's).
    const parsed = parseModelText(await readFile(path, 'utf8'));
    if (!parsed.ok) throw new Error('the model does not read back');
    const model = parsed.model;
    for (const format of ['npz', 'safetensors', 'onnx', 'onnx-float32', 'mat'] as const) {
      const base = join(dir, `srn-${format}`);
      const result = await cli('export', path, '--to', format, '--out', base);
      expect(result, format).toMatchObject({ code: 0, err: '' });
      for (const file of exportModel(model, format, undefined, { appVersion: APP_VERSION }).files) {
        const written = format === 'safetensors' ? `${base}.${file.extension}` : base;
        expect(Buffer.from(await readFile(written)).equals(Buffer.from(exportFileContent(file))), `${format}: ${file.extension}`).toBe(true);
      }
    }
    const entries = readZip(await readFile(join(dir, 'srn-npz')));
    expect(readNpy(entries.get('initial_context.npy')!)).toMatchObject({ shape: [2], data: Float64Array.from([0.5, 0.5]) });
    expect(readNpy(entries.get('W_context_hidden.npy')!).data).toEqual(Float64Array.from(model.state!.weights[1].flat()));
    expect([...readSafetensors(await readFile(join(dir, 'srn-safetensors.safetensors'))).tensors.keys()]).toContain('context_to_hidden.weight');
    expect(await readFile(join(dir, 'srn-safetensors.py'), 'utf8')).toContain('    def forward(self, h_input, h_context):');
  });
});
