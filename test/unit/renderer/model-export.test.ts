/**
 * File → Export's files for a choice: the shared exporters' text, named after the model and what the table
 * holds, or the reason the model cannot give that format, as the dialog shows it.
 */
import { describe, expect, it } from 'vitest';
import { exportTlearn, hiddenActivationsCsv, weightsCsv } from '../../../src-shared/data/export';
import { prepareModelExport } from '../../../src-renderer/state/model-export';
import { trainedXor, valid } from '../data/models';

describe('File → Export’s files', () => {
  it('names tables after the model and what they hold, and other tools’ files after the model alone', () => {
    const model = { ...trainedXor(), name: 'XOR: a/b' };
    const names = (format: Parameters<typeof prepareModelExport>[1], layer?: number) => {
      const prepared = prepareModelExport(model, format, layer);
      return prepared.ok ? prepared.names : prepared.message;
    };
    expect(names('outputs')).toEqual(['XOR- a-b-outputs.csv']);
    expect(names('hidden')).toEqual(['XOR- a-b-hidden.csv']);
    expect(names('hidden', 1)).toEqual(['XOR- a-b-hidden-layer-1.csv']);
    expect(names('weights', 1)).toEqual(['XOR- a-b-weights-1.csv']);
    expect(names('curve')).toEqual(['XOR- a-b-curve.csv']);
    expect(names('tlearn')).toEqual(['XOR- a-b.cf', 'XOR- a-b.data', 'XOR- a-b.teach']);
    expect(names('pat')).toEqual(['XOR- a-b.pat']);
    expect(names('ex')).toEqual(['XOR- a-b.ex']);
  });

  it('hands the host the exporters’ text, one file per format, with what the format cannot hold', () => {
    const model = trainedXor();
    const tlearn = prepareModelExport(model, 'tlearn', undefined);
    const expected = exportTlearn(model);
    expect(tlearn).toEqual({
      ok: true,
      set: { baseName: 'XOR', files: [{ format: 'cf', content: expected.cf }, { format: 'data', content: expected.data }, { format: 'teach', content: expected.teach }] },
      names: ['XOR.cf', 'XOR.data', 'XOR.teach'],
      notes: expected.notes,
    });
    expect(prepareModelExport(model, 'weights', 1)).toMatchObject({ ok: true, set: { files: [{ format: 'csv', content: weightsCsv(model, 1) }] }, notes: [] });
    expect(prepareModelExport(model, 'hidden', 1)).toMatchObject({ ok: true, set: { files: [{ content: hiddenActivationsCsv(model, { layer: 1 }) }] } });
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
