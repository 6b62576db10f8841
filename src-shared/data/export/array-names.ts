/**
 * Identifiers for a network's layers and projections in other languages' files (NumPy, safetensors, ONNX,
 * MATLAB, the generated model.py): each layer's name made an identifier, unique within the network, and
 * each projection named after its two layers, `W_<from>_<to>`, so a graph's many projections fit later.
 */
import { chainProjections } from '../../model/graph';
import type { LayerSpec, ProjectionSpec } from '../../model/schema';

/**
 * A layer name as an identifier: letters, digits and underscores, not starting with a digit (MATLAB's
 * variable names also refuse a leading underscore), at most 24 characters so `W_<a>_<b>` stays within
 * MATLAB's 63. Names that clash or come out empty take their layer number.
 */
export function layerIdentifiers(layers: readonly Pick<LayerSpec, 'name'>[]): string[] {
  const base = layers.map((layer, j) => {
    const word = layer.name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 24).replace(/_+$/, '');
    if (word === '') return `layer${j}`;
    return /^[0-9]/.test(word) ? `L${word}` : word;
  });
  const taken = new Set<string>();
  return base.map((word, j) => {
    let name = base.filter((other) => other === word).length > 1 ? `${word}_${j}` : word;
    while (taken.has(name) || (name !== base[j] && base.includes(name))) name = `${name}_`;
    taken.add(name);
    return name;
  });
}

/** One projection W_p (for a chain W^j, from layer j to layer j+1), named for both ends. */
export interface ProjectionName {
  /** Index of the projection in the model's order (for a chain, the weight layer j of W^j). */
  index: number;
  from: string;
  to: string;
}

/** `projections`: a graph's, in the model's order; the chain's when left out. */
export function projectionNames(layers: readonly Pick<LayerSpec, 'name'>[], projections: readonly Pick<ProjectionSpec, 'from' | 'to'>[] = chainProjections(layers.length)): ProjectionName[] {
  const ids = layerIdentifiers(layers);
  return projections.map((p, q) => ({ index: q, from: ids[p.from], to: ids[p.to] }));
}
