/**
 * The names the network diagram writes beside its layers: a layer a lesion split off, "NAME (lesioned)" (or
 * "NAME (lesioned 2)", engine/lesions/lesion-units.ts), stands beside NAME on the same row, so the diagram
 * writes only "(lesioned)" — the long name would widen its row and shrink every unit too small to click. The
 * full name stays on hover and in the units' accessible names.
 */
import type { LayerSpec } from '../../src-shared/model/schema';

const LESIONED = /^(.+) (\(lesioned(?: \d+)?\))$/;

/** The diagram's label of each layer: its name, or "(lesioned)" for a part a lesion split off a layer still there. */
export function diagramNames(layers: readonly LayerSpec[]): string[] {
  const names = new Set(layers.map((layer) => layer.name));
  return layers.map(({ name }) => {
    const match = LESIONED.exec(name);
    return match && names.has(match[1]) ? match[2] : name;
  });
}
