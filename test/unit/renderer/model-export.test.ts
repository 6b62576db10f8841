/**
 * File → Export's files for a choice: the shared exporters' text, named after the model and what the table
 * holds, or the reason the model cannot give that format, as the dialog shows it.
 */
import { describe, expect, it } from 'vitest';
import { exportProvenance, exportTlearn, hiddenActivationsCsv, provenanceJson, weightsCsv } from '../../../src-shared/data/export';
import { APP_VERSION } from '../../../src-renderer/shared/app-version';
import { prepareModelExport } from '../../../src-renderer/files/model-export';
import { trainedXor, valid } from '../data/models';

describe('File → Export’s files', () => {
  it('names tables after the model and what they hold, and other tools’ files after the model alone', () => {
    const model = { ...trainedXor(), name: 'XOR: a/b' };
    const names = (format: Parameters<typeof prepareModelExport>[1], layer?: number) => {
      const prepared = prepareModelExport(model, format, layer);
      return prepared.ok ? prepared.names : prepared.message;
    };
    // Formats with no room for the provenance get it beside them.
    expect(names('outputs')).toEqual(['XOR- a-b-outputs.csv', 'XOR- a-b-outputs.provenance.json']);
    expect(names('hidden')).toEqual(['XOR- a-b-hidden.csv', 'XOR- a-b-hidden.provenance.json']);
    expect(names('hidden', 1)).toEqual(['XOR- a-b-hidden-layer-1.csv', 'XOR- a-b-hidden-layer-1.provenance.json']);
    expect(names('weights', 1)).toEqual(['XOR- a-b-weights-1.csv', 'XOR- a-b-weights-1.provenance.json']);
    expect(names('curve')).toEqual(['XOR- a-b-curve.csv', 'XOR- a-b-curve.provenance.json']);
    expect(names('tlearn')).toEqual(['XOR- a-b.cf', 'XOR- a-b.data', 'XOR- a-b.teach', 'XOR- a-b.wts', 'XOR- a-b.provenance.json']);
    expect(names('pat')).toEqual(['XOR- a-b.pat', 'XOR- a-b.provenance.json']);
    expect(names('ex')).toEqual(['XOR- a-b.ex', 'XOR- a-b.provenance.json']);
    expect(names('npz')).toEqual(['XOR- a-b.npz']);
    expect(names('npy', 1)).toEqual(['XOR- a-b-W_hidden_output.npy', 'XOR- a-b-W_hidden_output.provenance.json']);
    expect(names('safetensors')).toEqual(['XOR- a-b.safetensors', 'XOR- a-b.py']);
    expect(names('onnx')).toEqual(['XOR- a-b.onnx']);
    expect(names('onnx-float32')).toEqual(['XOR- a-b-float32.onnx']);
    expect(names('mat')).toEqual(['XOR- a-b.mat']);
  });

  it('hands the host the exporters’ text, one file per format, with what the format cannot hold', () => {
    const model = trainedXor();
    const tlearn = prepareModelExport(model, 'tlearn', undefined);
    const expected = exportTlearn(model);
    expect(tlearn).toEqual({
      ok: true,
      set: {
        baseName: 'XOR',
        files: [
          { format: 'cf', content: expected.cf },
          { format: 'data', content: expected.data },
          { format: 'teach', content: expected.teach },
          { format: 'wts', content: expected.wts },
          { format: 'provenance.json', content: provenanceJson(exportProvenance(model, 'tlearn', { appVersion: APP_VERSION })) },
        ],
      },
      names: ['XOR.cf', 'XOR.data', 'XOR.teach', 'XOR.wts', 'XOR.provenance.json'],
      notes: expected.notes,
    });
    expect(prepareModelExport(model, 'weights', 1)).toMatchObject({ ok: true, set: { files: [{ format: 'csv', content: weightsCsv(model, 1) }, { format: 'provenance.json' }] }, notes: [] });
    expect(prepareModelExport(model, 'hidden', 1)).toMatchObject({ ok: true, set: { files: [{ content: hiddenActivationsCsv(model, { layer: 1 }) }, { format: 'provenance.json' }] } });
  });

  it('says plainly what the model cannot give a format, instead of files', () => {
    const model = trainedXor();
    const relu = valid({ ...model, layers: model.layers.map((layer) => (layer.kind === 'hidden' ? { ...layer, activation: 'relu' as const } : layer)) });
    expect(prepareModelExport(relu, 'tlearn', undefined)).toEqual({ ok: false, message: expect.stringMatching(/^Cannot export tlearn: .*no ReLU units\.$/) });
    const flat = valid({ ...model, layers: [model.layers[0], model.layers[2]], state: null });
    expect(prepareModelExport(flat, 'hidden', undefined)).toEqual({
      ok: false,
      message: 'Cannot export hidden: the network has no hidden layer, so it has no hidden-unit activations to export.',
    });
  });
});
