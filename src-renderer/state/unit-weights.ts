/**
 * One unit's connections, read out of the weights: what arrives at it (a row of W^{j−1}, and its bias) and
 * what leaves it (a column of W^j). What the Weights tab lists when a unit is chosen.
 */
import type { LayerSpec } from '../../src-shared/model/schema';
import { unitLabel } from './hinton';

/** A unit: its layer's index (0 = input) and its index within the layer. */
export interface UnitRef {
  layer: number;
  unit: number;
}

export interface Connection {
  /** The unit at the other end: in the layer below for incoming weights, above for outgoing ones. */
  unit: number;
  label: string;
  value: number;
}

export interface UnitWeights {
  /** From the layer below (W^{j−1}[unit][k]); empty for an input unit. */
  incoming: Connection[];
  /** b_j[unit], or null where the layer has no bias (or is the input). */
  bias: number | null;
  /** To the layer above (W^j[i][unit]); empty for an output unit. */
  outgoing: Connection[];
}

export function unitWeights(
  layers: readonly LayerSpec[],
  weights: readonly (readonly (readonly number[])[])[],
  biases: readonly (readonly number[])[],
  { layer, unit }: UnitRef,
): UnitWeights {
  const below = layers[layer - 1];
  const above = layers[layer + 1];
  const incoming = below ? (weights[layer - 1]?.[unit] ?? []).map((value, k) => ({ unit: k, label: unitLabel(below, k), value })) : [];
  const outgoing = above ? (weights[layer] ?? []).map((row, i) => ({ unit: i, label: unitLabel(above, i), value: row[unit] })) : [];
  const bias = layer > 0 && layers[layer].bias ? (biases[layer - 1]?.[unit] ?? null) : null;
  return { incoming, bias, outgoing };
}

/** Whether a chosen unit still exists after the layers changed. */
export function unitExists(layers: readonly LayerSpec[], ref: UnitRef | null): ref is UnitRef {
  return ref !== null && ref.layer < layers.length && ref.unit < layers[ref.layer].units;
}
