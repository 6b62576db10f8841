/**
 * A layer's activations over the pattern set, one row per distinct input the layer can see: patterns that
 * agree on every input unit the layer depends on give the layer the same activations, so they are one point
 * (Rumelhart's representation layer, fed by the item alone, shows one point per item, not one per relation).
 * The functions take an activation matrix, so snapshots of earlier epochs can feed them the same way.
 */
import { networkGraph } from '../../model/graph';
import type { ModelDocument, Pattern } from '../../model/schema';
import { modelActivations } from './activations-at';

export interface PatternGroup {
  /** A label for the group: the pattern's name, or what the names share ("pine" for "pine isa", "pine is"…). */
  label: string;
  /** Indices into the pattern list, in its order. */
  patterns: number[];
}

function sharedLabel(names: readonly string[]): string {
  if (names.length === 1) return names[0];
  const words = names.map((name) => name.split(/\s+/));
  const shared: string[] = [];
  for (let w = 0; words.every((list) => w < list.length && list[w] === words[0][w]); w++) shared.push(words[0][w]);
  return shared.length > 0 ? shared.join(' ') : names.join(', ');
}

/** Patterns grouped by their values on `inputUnits` (indices into the input vector), in order of first appearance. */
export function groupByInputs(patterns: readonly Pattern[], inputUnits: readonly number[]): PatternGroup[] {
  const groups = new Map<string, number[]>();
  patterns.forEach((pattern, p) => {
    const key = JSON.stringify(inputUnits.map((i) => pattern.input[i]));
    const members = groups.get(key);
    if (members) members.push(p);
    else groups.set(key, [p]);
  });
  return [...groups.values()].map((members) => ({ label: sharedLabel(members.map((p) => patterns[p].name)), patterns: members }));
}

/**
 * The input units whose activity reaches layer `layer`: the units (indices into a pattern's input, the input
 * layers concatenated in layer order) of every input layer from which a path of projections leads to it. In a
 * chain every layer sees the whole input; in Rumelhart's graph the representation layer sees the item units
 * alone, the hidden layer item and relation. An input layer reaches itself.
 */
export function inputUnitsReaching(model: Pick<ModelDocument, 'layers' | 'projections'>, layer: number): number[] {
  const graph = networkGraph(model);
  const reaches = new Set<number>([layer]);
  const waiting = [layer];
  while (waiting.length > 0) {
    const g = waiting.pop()!;
    for (const p of graph.projections) {
      if (p.to === g && !reaches.has(p.from)) {
        reaches.add(p.from);
        waiting.push(p.from);
      }
    }
  }
  const units: number[] = [];
  let offset = 0;
  for (const g of graph.inputs) {
    const size = model.layers[g].units;
    if (reaches.has(g)) for (let i = 0; i < size; i++) units.push(offset + i);
    offset += size;
  }
  return units;
}

export interface LayerRepresentation {
  layer: number;
  layerName: string;
  groups: PatternGroup[];
  /** One row per group (its first pattern's activations: the group's patterns all give the same). */
  activations: number[][];
}

/** Layer `layer`'s activations over the model's patterns at its current weights, grouped as above. */
export function layerRepresentation(model: ModelDocument, layer: number): LayerRepresentation {
  const count = model.layers.length;
  if (!Number.isInteger(layer) || layer < 0 || layer >= count) {
    throw new Error(`there is no layer ${layer}: the layers are 0 … ${count - 1} (${model.layers.map((l) => l.name).join(', ')})`);
  }
  if (model.patterns.length === 0) throw new Error('the model has no patterns to present');
  const all = modelActivations(model);
  const groups = groupByInputs(model.patterns, inputUnitsReaching(model, layer));
  return {
    layer,
    layerName: model.layers[layer].name,
    groups,
    activations: groups.map((group) => all[group.patterns[0]][layer]),
  };
}
