/**
 * One unit's connections, read out of the weights: what arrives at it (its row of each projection into its
 * layer, and its bias) and what leaves it (its column of each projection out of its layer). What the
 * Weights tab lists when a unit is chosen. A chain's projection j runs from layer j to layer j + 1.
 */
import { chainProjections, networkGraph } from '../../src-shared/model/graph';
import type { LayerSpec, ProjectionSpec } from '../../src-shared/model/schema';
import { unitLabel } from './hinton';

/** A unit: its layer's index (0 = a chain's input) and its index within the layer. */
export interface UnitRef {
  layer: number;
  unit: number;
}

export interface Connection {
  /** The layer at the other end: a sending layer for incoming weights, a receiving one for outgoing ones. */
  layer: number;
  /** The unit at the other end, within that layer. */
  unit: number;
  /** Its name; prefixed with its layer's name when the unit's connections span several layers. */
  label: string;
  value: number;
}

export interface UnitWeights {
  /** From each layer feeding this one (W_p[unit][k] for each projection p into it); empty for an input unit. */
  incoming: Connection[];
  /** The unit's bias, or null where the layer has no bias (or is an input layer). */
  bias: number | null;
  /** To each layer this one feeds (W_p[i][unit] for each projection p out of it); empty for a unit that feeds none. */
  outgoing: Connection[];
}

export function unitWeights(
  layers: readonly LayerSpec[],
  weights: readonly (readonly (readonly number[])[])[],
  biases: readonly (readonly number[])[],
  { layer, unit }: UnitRef,
  projections: readonly ProjectionSpec[] = chainProjections(layers.length),
): UnitWeights {
  const into = projections.flatMap((p, q) => (p.to === layer ? [q] : []));
  const outOf = projections.flatMap((p, q) => (p.from === layer ? [q] : []));
  const label = (other: number, k: number, named: boolean) => (named ? `${layers[other].name} ${unitLabel(layers[other], k)}` : unitLabel(layers[other], k));
  const incoming = into.flatMap((q) => {
    const from = projections[q].from;
    return (weights[q]?.[unit] ?? []).map((value, k) => ({ layer: from, unit: k, label: label(from, k, into.length > 1), value }));
  });
  const outgoing = outOf.flatMap((q) => {
    const to = projections[q].to;
    return (weights[q] ?? []).map((row, i) => ({ layer: to, unit: i, label: label(to, i, outOf.length > 1), value: row[unit] }));
  });
  const { biased } = networkGraph({ layers: [...layers], projections: [...projections] });
  const at = biased.indexOf(layer);
  const bias = at !== -1 && layers[layer].bias ? (biases[at]?.[unit] ?? null) : null;
  return { incoming, bias, outgoing };
}

/** The layers feeding `layer` and those it feeds, by name: the captions of its unit's lists. */
export function neighbourNames(layers: readonly LayerSpec[], layer: number, projections: readonly ProjectionSpec[] = chainProjections(layers.length)): { from: string[]; to: string[] } {
  return {
    from: projections.filter((p) => p.to === layer).map((p) => layers[p.from].name),
    to: projections.filter((p) => p.from === layer).map((p) => layers[p.to].name),
  };
}

/** Whether a chosen unit still exists after the layers changed. */
export function unitExists(layers: readonly LayerSpec[], ref: UnitRef | null): ref is UnitRef {
  return ref !== null && ref.layer < layers.length && ref.unit < layers[ref.layer].units;
}
