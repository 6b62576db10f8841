/**
 * File → Export for a recurrent network: npz, npy, safetensors with model.py, ONNX and .mat give their
 * files (before, they failed with the engine's RangeError), named as for any network, the .npy choices
 * listing the context's projection, its initial value and the sequence starts; ex says it does not write
 * recurrent networks yet, naming the formats that do.
 */
import { describe, expect, it } from 'vitest';
import { exportFileContent, exportModel, GRAPH_EXPORT_FORMATS, layerChoices, MODEL_EXPORT_FORMAT_IDS } from '../../../src-shared/data/export';
import { APP_VERSION } from '../../../src-renderer/shared/app-version';
import { prepareModelExport } from '../../../src-renderer/files/model-export';
import { shortTemporalXor } from '../data/python-formats/recurrent-models';

describe('File → Export’s files for a recurrent network', () => {
  const model = shortTemporalXor();
  const base = 'Temporal XOR (Elman 1990)';
  const names = (format: Parameters<typeof prepareModelExport>[1], layer?: number) => {
    const prepared = prepareModelExport(model, format, layer);
    return prepared.ok ? prepared.names : prepared.message;
  };

  it('writes npz, npy, safetensors with model.py, ONNX and .mat', () => {
    expect(names('npz')).toEqual([`${base}.npz`]);
    expect(layerChoices(model, 'npy').map((choice) => choice.label).slice(0, 6)).toEqual([
      'W_input_hidden (2 × 1)', 'W_context_hidden (2 × 2)', 'W_hidden_output (1 × 2)', 'b_hidden (2)', 'b_output (1)', 'initial_context (2)',
    ]);
    expect(layerChoices(model, 'npy').map((choice) => choice.label)).toContain('sequence_start (60)');
    expect(names('npy', 1)).toEqual([`${base}-W_context_hidden.npy`, `${base}-W_context_hidden.provenance.json`]);
    expect(names('safetensors')).toEqual([`${base}.safetensors`, `${base}.py`]);
    expect(names('onnx')).toEqual([`${base}.onnx`]);
    expect(names('onnx-float32')).toEqual([`${base}-float32.onnx`]);
    expect(names('mat')).toEqual([`${base}.mat`]);
    for (const format of ['npz', 'safetensors', 'onnx', 'mat'] as const) {
      const prepared = prepareModelExport(model, format, undefined);
      expect(prepared.ok && prepared.set.files.map((file) => file.content), format).toEqual(exportModel(model, format, undefined, { appVersion: APP_VERSION }).files.map(exportFileContent));
    }
  });

  it('offers every format for a recurrent network, the Lens .ex (one example per sequence) too', () => {
    expect(MODEL_EXPORT_FORMAT_IDS.filter((f) => !GRAPH_EXPORT_FORMATS.has(f))).toEqual([]);
    expect(names('ex')).toEqual([`${base}.ex`, `${base}.provenance.json`]);
    const ex = prepareModelExport(model, 'ex', undefined);
    expect(ex.ok && ex.set.files[0].content).toEqual(exportFileContent(exportModel(model, 'ex').files[0]));
  });
});
