/**
 * File → Export for a graph network: the formats that write graphs (npz, npy, safetensors, ONNX, .mat)
 * give their files, named as for a chain, with the .npy choices listing the graph's arrays; the others
 * say plainly that they do not write graphs yet.
 */
import { describe, expect, it } from 'vitest';
import { exportFileContent, exportModel, GRAPH_EXPORT_FORMATS, layerChoices, MODEL_EXPORT_FORMAT_IDS } from '../../../src-shared/data/export';
import { APP_VERSION } from '../../../src-renderer/shared/app-version';
import { prepareModelExport } from '../../../src-renderer/files/model-export';
import { graphXor } from '../data/python-formats/graph-models';

describe('File → Export’s files for a graph network', () => {
  it('writes npz, npy, safetensors, ONNX and .mat, and names them as for a chain', () => {
    const model = graphXor();
    const names = (format: Parameters<typeof prepareModelExport>[1], layer?: number) => {
      const prepared = prepareModelExport(model, format, layer);
      return prepared.ok ? prepared.names : prepared.message;
    };
    const base = 'XOR with one hidden unit (2-1-1)';
    expect(names('npz')).toEqual([`${base}.npz`]);
    expect(layerChoices(model, 'npy').slice(0, 3).map((choice) => choice.label)).toEqual(['W_input_hidden (1 × 2)', 'W_input_output (1 × 2)', 'W_hidden_output (1 × 1)']);
    expect(names('npy', 1)).toEqual([`${base}-W_input_output.npy`, `${base}-W_input_output.provenance.json`]);
    expect(names('safetensors')).toEqual([`${base}.safetensors`, `${base}.py`]);
    expect(names('onnx')).toEqual([`${base}.onnx`]);
    expect(names('onnx-float32')).toEqual([`${base}-float32.onnx`]);
    expect(names('mat')).toEqual([`${base}.mat`]);
    const npz = prepareModelExport(model, 'npz', undefined);
    expect(npz.ok && npz.set.files[0].content).toEqual(exportFileContent(exportModel(model, 'npz', undefined, { appVersion: APP_VERSION }).files[0]));
  });

  it('offers every format for a graph, the Lens .ex too (the input layers\' values in layer order)', () => {
    const model = graphXor();
    expect(MODEL_EXPORT_FORMAT_IDS.filter((f) => !GRAPH_EXPORT_FORMATS.has(f))).toEqual([]);
    const ex = prepareModelExport(model, 'ex', undefined);
    expect(ex.ok && ex.set.files[0].content).toEqual(exportFileContent(exportModel(model, 'ex').files[0]));
  });
});
