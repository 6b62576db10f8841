/**
 * The whole-model export table shared by the command line and File → Export: each format reaches its
 * exporter, tlearn comes as its files (.cf, .data, .teach, .wts), the layer a format needs is offered in --layer's numbers, and
 * what a format cannot hold or a model cannot answer is said.
 */
import { describe, expect, it } from 'vitest';
import {
  ExportError,
  exportFileContent,
  exportLensExamples,
  exportModel,
  exportPdpPat,
  exportTlearn,
  hiddenActivationsCsv,
  layerChoices,
  learningCurveCsv,
  modelArrays,
  MODEL_EXPORT_FORMAT_IDS,
  modelLearningCurve,
  outputsCsv,
  weightsCsv,
} from '../../../src-shared/data/export';
import { npyBytes } from '../../../src-shared/data/export/numpy/npy';
import { npzBytes } from '../../../src-shared/data/export/numpy/npz';
import { exportTorch } from '../../../src-shared/data/export/safetensors';
import { onnxModelBytes } from '../../../src-shared/data/export/onnx/onnx-model';
import { mat5Bytes } from '../../../src-shared/data/export/matlab/mat5';
import { trainedXor, valid } from './models';

describe('the model export table', () => {
  it('offers the command line’s formats, in its order', () => {
    expect(MODEL_EXPORT_FORMAT_IDS).toEqual(['outputs', 'hidden', 'weights', 'curve', 'tlearn', 'pat', 'ex', 'npz', 'npy', 'safetensors', 'onnx', 'onnx-float32', 'mat']);
  });

  it('sends each format to its exporter, with the layer asked for', () => {
    const model = trainedXor();
    const text = (format: (typeof MODEL_EXPORT_FORMAT_IDS)[number], layer?: number) => exportModel(model, format, layer).files.map((f) => [f.extension, exportFileContent(f)]);
    expect(text('outputs')).toEqual([['csv', outputsCsv(model)]]);
    expect(text('hidden', 1)).toEqual([['csv', hiddenActivationsCsv(model, { layer: 1 })]]);
    expect(text('weights')).toEqual([['csv', weightsCsv(model, 0)]]);
    expect(text('weights', 1)).toEqual([['csv', weightsCsv(model, 1)]]);
    expect(text('curve')).toEqual([['csv', learningCurveCsv(modelLearningCurve(model))]]);
    expect(text('pat')).toEqual([['pat', exportPdpPat(model).text]]);
    expect(text('ex')).toEqual([['ex', exportLensExamples(model).text]]);
    const arrays = modelArrays(model);
    expect(text('npz')).toEqual([['npz', npzBytes(arrays)]]);
    expect(text('npy')).toEqual([['npy', npyBytes(arrays[0])]]);
    expect(text('npy', 5)).toEqual([['npy', npyBytes(arrays[5])]]);
    const torch = exportTorch(model);
    expect(text('safetensors')).toEqual([['safetensors', torch.safetensors], ['py', torch.modelPy]]);
    expect(text('onnx')).toEqual([['onnx', onnxModelBytes(model)]]);
    expect(text('mat')).toEqual([['mat', mat5Bytes(arrays)]]);
    expect(text('onnx-float32')).toEqual([['onnx', onnxModelBytes(model, { precision: 'float32' })]]);
    const tlearn = exportTlearn(model);
    expect(exportModel(model, 'tlearn')).toEqual({
      files: [
        { extension: 'cf', text: tlearn.cf },
        { extension: 'data', text: tlearn.data },
        { extension: 'teach', text: tlearn.teach },
        { extension: 'wts', text: tlearn.wts },
      ],
      notes: tlearn.notes,
    });
    expect(tlearn.wts).toMatch(/^NETWORK CONFIGURED BY TLEARN\n# weights after \d+ sweeps\n# WEIGHTS\n# TO NODE 1\n/);
  });

  it('refuses what the model cannot answer with an ExportError that says why', () => {
    const model = trainedXor();
    expect(() => exportModel(model, 'weights', 2)).toThrow(new ExportError('there is no weight layer 2: the network has weight layers 0 to 1'));
    expect(() => exportModel(model, 'hidden', 2)).toThrow(/layer 2 is not a hidden layer/);
    expect(() => exportModel(model, 'npy', 11)).toThrow(new ExportError('there is no array 11: the model has arrays 0 to 10'));
    const relu = valid({ ...model, layers: model.layers.map((layer) => (layer.kind === 'hidden' ? { ...layer, activation: 'relu' as const } : layer)) });
    expect(() => exportModel(relu, 'tlearn')).toThrow(ExportError);
    const flat = valid({ ...model, layers: [model.layers[0], model.layers[2]], state: null });
    expect(() => exportModel(flat, 'hidden')).toThrow(/no hidden layer/);
  });

  it('offers the layers a format takes, numbered as --layer numbers them', () => {
    const model = trainedXor();
    expect(layerChoices(model, 'outputs')).toEqual([]);
    expect(layerChoices(model, 'hidden')).toEqual([{ layer: 1, label: 'layer 1: hidden (2 units)' }]);
    expect(layerChoices(model, 'weights')).toEqual([
      { layer: 0, label: 'weight layer 0: input → hidden' },
      { layer: 1, label: 'weight layer 1: hidden → output' },
    ]);
    expect(layerChoices(model, 'npy').slice(0, 3)).toEqual([
      { layer: 0, label: 'W_input_hidden (2 × 2)' },
      { layer: 1, label: 'W_hidden_output (1 × 2)' },
      { layer: 2, label: 'b_hidden (2)' },
    ]);
    const deep = valid({ ...model, layers: [model.layers[0], model.layers[1], { ...model.layers[1], name: 'second', units: 1 }, model.layers[2]], state: null });
    expect(layerChoices(deep, 'hidden')).toEqual([
      { layer: undefined, label: 'every hidden layer, side by side' },
      { layer: 1, label: 'layer 1: hidden (2 units)' },
      { layer: 2, label: 'layer 2: second (1 unit)' },
    ]);
    for (const { layer } of layerChoices(deep, 'hidden')) expect(() => exportModel(deep, 'hidden', layer)).not.toThrow();
    for (const { layer } of layerChoices(deep, 'weights')) expect(() => exportModel(deep, 'weights', layer)).not.toThrow();
  });
});
