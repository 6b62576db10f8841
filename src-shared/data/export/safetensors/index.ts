/** The model for PyTorch: its weights as safetensors, and the model.py that loads them. */
import type { ModelDocument } from '../../../model/schema';
import { layerIdentifiers } from '../array-names';
import { safetensorsBytes } from './safetensors';
import { linearModuleNames, torchModelPy, torchStateTensors } from './torch-model';

export { safetensorsBytes } from './safetensors';
export { linearModuleNames, torchModelPy, torchStateTensors } from './torch-model';

export interface TorchExport {
  safetensors: Uint8Array;
  modelPy: string;
}

/** `metadata`: strings for the header's `__metadata__` beside the layer list (the provenance). */
export function exportTorch(model: ModelDocument, metadata: Record<string, string> = {}): TorchExport {
  const ids = layerIdentifiers(model.layers);
  const layers = model.layers.map((layer, j) => ({ name: ids[j], units: layer.units, activation: j === 0 ? null : layer.activation, bias: j > 0 && layer.bias }));
  const header = { format: 'pt', modules: JSON.stringify(linearModuleNames(model)), layers: JSON.stringify(layers), ...metadata };
  return { safetensors: safetensorsBytes(torchStateTensors(model), header), modelPy: torchModelPy(model) };
}
