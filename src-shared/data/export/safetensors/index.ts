/** The model for PyTorch: its weights as safetensors, and the model.py that loads them. */
import type { ModelDocument } from '../../../model/schema';
import { exportNetwork } from '../export-network';
import { safetensorsBytes } from './safetensors';
import { linearModuleNames, torchModelPy, torchStateTensors } from './torch-model';

export { safetensorsBytes } from './safetensors';
export { linearModuleNames, torchModelPy, torchStateTensors } from './torch-model';

export interface TorchExport {
  safetensors: Uint8Array;
  modelPy: string;
}

/**
 * `metadata`: strings for the header's `__metadata__` beside the modules, the layer list and the
 * projections (each `[from, to]` by the layers' identifiers), the provenance. A recurrent network's header
 * also lists its copy links (`[from, to, initial]`: context layer `to` holds `from` from the event before).
 */
export function exportTorch(model: ModelDocument, metadata: Record<string, string> = {}): TorchExport {
  const network = exportNetwork(model);
  const { ids } = network;
  const layers = model.layers.map((layer, g) => ({ name: ids[g], units: layer.units, activation: layer.kind === 'input' ? null : layer.activation, bias: layer.kind !== 'input' && layer.bias }));
  const header = {
    format: 'pt',
    modules: JSON.stringify(linearModuleNames(model, network)),
    layers: JSON.stringify(layers),
    projections: JSON.stringify(network.projections.map(({ from, to }) => [from, to])),
    ...(network.contexts.length > 0 ? { links: JSON.stringify(network.contexts.map((c) => [ids[c.source], ids[c.layer], c.initial])) } : {}),
    ...metadata,
  };
  return { safetensors: safetensorsBytes(torchStateTensors(model, network), header), modelPy: torchModelPy(model, network) };
}
