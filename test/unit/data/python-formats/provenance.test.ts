/**
 * Every export carries its provenance: beside a CSV (or any format without room) as NAME.provenance.json,
 * inside the .npz, the safetensors header and the ONNX model's metadata. The digests are checked with
 * node:crypto against the bytes they are defined on: the model file's text, the patterns' compact JSON.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportModel, exportProvenance, MODEL_EXPORT_FORMAT_IDS, type ModelExportFile } from '../../../../src-shared/data/export';
import { serializeModel } from '../../../../src-shared/model/serialize';
import { APP_VERSION } from '../../../../src-main/app-version';
import { cli } from '../../../support/cli-harness';
import { readMat5, readOnnxMetadata, readSafetensors, readZip } from './independent-readers';
import { awkwardNet, trainedXor } from './models';

const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const context = { appVersion: '9.8.7' };

describe('export provenance', () => {
  it('says which app, model, seed, settings and epoch, and digests the model file and the patterns', () => {
    const model = trainedXor();
    model.state!.settingChanges = [{ epoch: 2, pattern: 0, changes: { learningRate: 0.25 } }];
    const provenance = exportProvenance(model, 'npz', context);
    expect(provenance).toMatchObject({
      app: 'Backprop Lab', appVersion: '9.8.7', format: 'npz', model: 'XOR', seed: model.training.seed, epoch: 3,
      settings: model.training, settingChanges: [{ epoch: 2, pattern: 0, changes: { learningRate: 0.25 } }], testPatternsSha256: null,
    });
    expect(provenance.layers[1]).toEqual({ name: 'hidden', identifier: 'hidden', units: 2, activation: 'logistic', bias: true });
    expect(provenance.modelSha256).toBe(sha256(serializeModel(model)));
    expect(provenance.patternsSha256).toBe(sha256(JSON.stringify(model.patterns)));
    const awkward = awkwardNet();
    expect(exportProvenance(awkward, 'npz', context)).toMatchObject({ epoch: 0, testPatternsSha256: sha256(JSON.stringify(awkward.testPatterns)) });
  });

  it('goes into every export: beside it as provenance.json, or inside it', () => {
    const model = trainedXor();
    const expected = exportProvenance(model, 'x', context);
    const found = (file: ModelExportFile): unknown => {
      if ('text' in file) return file.extension === 'provenance.json' ? JSON.parse(file.text) : undefined;
      if (file.extension === 'npz') return JSON.parse(new TextDecoder().decode(readZip(file.bytes).get('provenance.json')));
      if (file.extension === 'safetensors') return JSON.parse(readSafetensors(file.bytes).metadata.provenance);
      if (file.extension === 'onnx') return JSON.parse(readOnnxMetadata(file.bytes).provenance);
      if (file.extension === 'mat') return JSON.parse(readMat5(file.bytes).get('provenance') as string);
      return undefined;
    };
    for (const format of MODEL_EXPORT_FORMAT_IDS) {
      const { files } = exportModel(model, format, undefined, context);
      const provenance = files.map(found).find((p) => p !== undefined);
      expect(provenance, format).toEqual({ ...expected, format });
    }
  });

  it('from the command line: NAME.provenance.json beside a CSV, whose model digest is the file’s sha256sum', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-provenance-'));
    const path = join(dir, 'xor.bplab');
    await writeFile(path, serializeModel(trainedXor()));
    const result = await cli('export', path, '--to', 'outputs', '--out', join(dir, 'out.csv'));
    expect(result.out).toBe(`wrote ${join(dir, 'out.csv')}\nwrote ${join(dir, 'out.provenance.json')}\n`);
    const provenance = JSON.parse(await readFile(join(dir, 'out.provenance.json'), 'utf8')) as Record<string, unknown>;
    expect(provenance).toMatchObject({ appVersion: APP_VERSION, format: 'outputs', modelSha256: sha256(await readFile(path)) });
  });
});
