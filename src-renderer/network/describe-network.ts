/** Words for a network's shape, shared by the diagram's accessible label, the gallery and the workbench. */
import { networkGraph, topologicalOrder } from '../../src-shared/model/graph';
import type { LayerSpec, ProjectionSpec } from '../../src-shared/model/schema';

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

/**
 * A network's shape in one line. A chain as papers name it ("2-2-1"); a graph as the projections read in
 * an order every projection runs forward, a layer fed by one layer continuing the line ("→ hidden 15"), one
 * fed by several starting a new clause with its feeders (the line's last layer first): named, "item 8 → representation 8; representation,
 * relation 4 → hidden 15 → attributes 26" (each layer's units where it is first named); else by units only,
 * "8→8; 8+4→15→26", short enough for the document's header beside the name at 1366 px. A graph with a cycle (which the
 * validator names) reads as its layers in order.
 */
export function networkShape(layers: readonly LayerSpec[], projections: readonly ProjectionSpec[] | undefined, named: boolean): string {
  if (!projections || networkGraph({ layers: [...layers], projections: [...projections] }).isChain) return architecture(layers);
  let order: number[];
  try {
    order = topologicalOrder(layers.length, projections);
  } catch {
    return architecture(layers);
  }
  const rank = new Map(order.map((g, i) => [g, i]));
  const mentioned = new Set<number>();
  const label = (g: number): string => {
    const first = !mentioned.has(g);
    mentioned.add(g);
    return named ? (first ? `${layers[g].name} ${layers[g].units}` : layers[g].name) : String(layers[g].units);
  };
  const arrow = named ? ' → ' : '→';
  const clauses: string[] = [];
  let tail: number | null = null;
  for (const g of order) {
    const feeders = [...new Set(projections.filter((p) => p.to === g).map((p) => p.from))].sort((a, b) => Number(b === tail) - Number(a === tail) || rank.get(a)! - rank.get(b)!);
    if (feeders.length === 0) continue;
    if (feeders.length === 1 && feeders[0] === tail) {
      clauses[clauses.length - 1] += `${arrow}${label(g)}`;
    } else {
      const from = feeders.map(label).join(named ? ', ' : '+');
      clauses.push(`${from}${arrow}${label(g)}`);
    }
    tail = g;
  }
  return clauses.join('; ');
}
