/**
 * Column names for units: the layer's own unit names when it has one per unit, otherwise the layer name
 * and the unit's number from 1 (`hidden_3`). Names are made unique, since R and spreadsheets key columns
 * by name.
 */
import type { LayerSpec } from '../../model/schema';

export function unitNames(layer: LayerSpec): string[] {
  if (layer.unitNames?.length === layer.units) return [...layer.unitNames];
  const stem = layer.name.trim().replace(/\s+/g, '_') || layer.kind;
  return Array.from({ length: layer.units }, (_, k) => `${stem}_${k + 1}`);
}

/** `names` with later repeats (of each other or of `taken`) suffixed `.2`, `.3`, …, as R does. */
export function uniqueNames(names: string[], taken: Iterable<string> = []): string[] {
  const seen = new Set(taken);
  return names.map((name) => {
    let unique = name;
    for (let n = 2; seen.has(unique); n++) unique = `${name}.${n}`;
    seen.add(unique);
    return unique;
  });
}
