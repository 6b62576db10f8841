/**
 * The network as a graph: its layers joined by projections, explicit (`projections`) or the chain a model
 * without them means. Everything that asks which layers feed which — consistency checks, the engine, the
 * state's shape — reads it from here, so a chain and a graph are one case.
 */
import type { LayerSpec, ModelDocument, ProjectionSpec } from './schema';

export interface NetworkGraph {
  projections: readonly ProjectionSpec[];
  /** Layers of kind "input", in layer order: the pattern's input is theirs, concatenated in this order. */
  inputs: readonly number[];
  /** Layers of kind "output", in layer order: the pattern's target is theirs, concatenated in this order. */
  outputs: readonly number[];
  /** Every layer that is not an input layer, in layer order: the state's biases[k] belong to layer biased[k]. */
  biased: readonly number[];
  /**
   * Whether the network is exactly a chain (layer j → j + 1, in order, no projection with its own learn
   * flag or initialisation): what the chain engine's fast paths run.
   */
  isChain: boolean;
}

/** The chain of `count` layers: layer j projects into layer j + 1. */
export function chainProjections(count: number): ProjectionSpec[] {
  return Array.from({ length: count - 1 }, (_, j) => ({ from: j, to: j + 1 }));
}

export function networkGraph(model: Pick<ModelDocument, 'layers' | 'projections'> & Partial<Pick<ModelDocument, 'links'>>): NetworkGraph {
  const { layers } = model;
  const projections = model.projections ?? chainProjections(layers.length);
  const indices = (kind: LayerSpec['kind']) => layers.flatMap((layer, i) => (layer.kind === kind ? [i] : []));
  const isChain = projections.length === layers.length - 1 && projections.every((p, j) => p.from === j && p.to === j + 1 && p.learn === undefined && p.init === undefined)
    && layers.every((layer, i) => layer.kind === (i === 0 ? 'input' : i === layers.length - 1 ? 'output' : 'hidden'))
    && !model.links?.length;
  return {
    projections,
    inputs: indices('input'),
    outputs: indices('output'),
    biased: layers.flatMap((layer, i) => (layer.kind === 'input' ? [] : [i])),
    isChain,
  };
}

/** Whether projection p's weights learn: neither it nor the layer it feeds is frozen. */
export function projectionLearns(model: Pick<ModelDocument, 'layers'>, p: ProjectionSpec): boolean {
  return p.learn !== false && model.layers[p.to].learn !== false;
}

/**
 * A cycle of projections as layer indices, first layer repeated at the end ([2, 1, 2] for output → hidden
 * → output), or null when the graph is acyclic.
 */
export function findCycle(layerCount: number, projections: readonly { from: number; to: number }[]): number[] | null {
  const state = new Uint8Array(layerCount); // 0 unvisited, 1 on the current path, 2 done
  const path: number[] = [];
  const visit = (i: number): number[] | null => {
    state[i] = 1;
    path.push(i);
    for (const p of projections) {
      if (p.from !== i) continue;
      if (state[p.to] === 1) return [...path.slice(path.indexOf(p.to)), p.to];
      if (state[p.to] === 0) {
        const found = visit(p.to);
        if (found) return found;
      }
    }
    path.pop();
    state[i] = 2;
    return null;
  };
  for (let i = 0; i < layerCount; i++) {
    if (state[i] !== 0) continue;
    const found = visit(i);
    if (found) return found;
  }
  return null;
}

/** The layers in an order in which every projection runs forward (Kahn's, lowest index first: a chain keeps its order). */
export function topologicalOrder(layerCount: number, projections: readonly { from: number; to: number }[]): number[] {
  const fedBy = new Uint32Array(layerCount);
  for (const p of projections) fedBy[p.to]++;
  const order: number[] = [];
  const ready = new Set<number>();
  for (let i = 0; i < layerCount; i++) if (fedBy[i] === 0) ready.add(i);
  while (ready.size > 0) {
    const next = Math.min(...ready);
    ready.delete(next);
    order.push(next);
    for (const p of projections) if (p.from === next && --fedBy[p.to] === 0) ready.add(p.to);
  }
  if (order.length !== layerCount) throw new Error('topologicalOrder: the projections form a cycle (checkConsistency refuses such a model)');
  return order;
}
