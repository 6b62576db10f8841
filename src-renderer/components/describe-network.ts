/** Words for a network's shape, shared by the diagram's accessible label, the gallery and the workbench. */
import type { LayerSpec } from '../../src-shared/model/schema';

/** "2 units, logistic"; an input layer has no activation function of its own. */
export function layerDetail(layer: LayerSpec): string {
  const units = `${layer.units} ${layer.units === 1 ? 'unit' : 'units'}`;
  return layer.kind === 'input' ? units : `${units}, ${layer.activation}`;
}

export function describeLayer(layer: LayerSpec): string {
  return `${layer.name}: ${layerDetail(layer)}`;
}

/** "2-2-1", the way papers name an architecture. */
export function architecture(layers: readonly LayerSpec[]): string {
  return layers.map((layer) => layer.units).join('-');
}
