/**
 * The builder's edits of a network's projections, as pure functions of the document: connect two layers,
 * disconnect them, and keep the projections pointing at the same layers while layers are inserted, moved
 * and removed. A chain is stored without `projections` (model/graph.ts); the first edit that makes it
 * something else writes the projections out, and an edit that makes it a chain again drops them, so a
 * chain's file stays as it was. New projections carry no weights of their own: the edit drops the trained
 * state (weights-fit.ts), and the run starts from the seed's initial weights for every projection, as a new
 * model does (model/create.ts).
 */
import { chainProjections, networkGraph } from '../../src-shared/model/graph';
import type { LayerSpec, ModelDocument, ProjectionSpec } from '../../src-shared/model/schema';
import { linksRearranged } from './context-edits';

/** The projections as the network means them: explicit, or the chain of its layers. */
export function projectionsOf(model: Pick<ModelDocument, 'layers' | 'projections'>): readonly ProjectionSpec[] {
  return networkGraph(model).projections;
}

/** Whether layers of these kinds in this order read as a chain: input first, output last, hidden between. */
function chainShaped(layers: readonly LayerSpec[]): boolean {
  return layers.length >= 2 && layers.every((layer, i) => layer.kind === (i === 0 ? 'input' : i === layers.length - 1 ? 'output' : 'hidden'));
}

/** The model with these projections, stored as no field when they are exactly its chain. */
export function withProjections(model: ModelDocument, projections: readonly ProjectionSpec[]): ModelDocument {
  const { projections: _old, ...rest } = model;
  const chain = chainProjections(model.layers.length);
  const isChain = chainShaped(model.layers) && projections.length === chain.length
    && projections.every((p, j) => p.from === chain[j].from && p.to === chain[j].to && p.learn === undefined && p.init === undefined);
  return isChain ? rest : { ...rest, projections: [...projections] };
}

/** Why `from` cannot project into `to`, in the app's words, or null when it can. */
export function connectionProblem(model: Pick<ModelDocument, 'layers' | 'projections'>, from: number, to: number): string | null {
  const { layers } = model;
  if (!layers[from] || !layers[to]) return 'no such layer';
  if (from === to) return `${layers[from].name} cannot project into itself`;
  if (layers[to].kind === 'input') return `${layers[to].name} is an input layer: its activity is the pattern, nothing projects into it`;
  if (layers[from].activation === 'softmax' && layers[from].kind !== 'input') return `${layers[from].name} is a softmax layer: nothing may project out of it`;
  if (projectionsOf(model).some((p) => p.from === from && p.to === to)) return `${layers[from].name} already projects into ${layers[to].name}`;
  return null;
}

/** The layers `from` could project into now, in layer order. */
export function connectableTargets(model: Pick<ModelDocument, 'layers' | 'projections'>, from: number): number[] {
  return model.layers.flatMap((_, to) => (connectionProblem(model, from, to) === null ? [to] : []));
}

/**
 * The model with a projection from `from` into `to` added. One that would close a cycle is added all the
 * same: the validator names the cycle, and Undo or removing it mends it. Two layers already joined stay as
 * they are.
 */
export function addProjection(model: ModelDocument, from: number, to: number): ModelDocument {
  const projections = projectionsOf(model);
  if (projections.some((p) => p.from === from && p.to === to)) return model;
  return withProjections(model, [...projections, { from, to }]);
}

/** The model without the projection from `from` into `to` (unchanged when there is none). */
export function removeProjection(model: ModelDocument, from: number, to: number): ModelDocument {
  const projections = projectionsOf(model);
  const kept = projections.filter((p) => p.from !== from || p.to !== to);
  return kept.length === projections.length ? model : withProjections(model, kept);
}

/**
 * The projections of `model` after its layers were rearranged into `after`: `newIndex[i]` is where old layer
 * i went, or -1 when it was removed (its projections go with it). A chain whose layers still read as a chain
 * stays a chain — a hidden layer inserted into it is joined in, as before graphs; anything else keeps each
 * projection (and copy link) between the same two layers, and a new layer starts unconnected.
 */
export function rearranged(model: ModelDocument, after: LayerSpec[], newIndex: readonly number[]): ModelDocument {
  const next = { ...model, layers: after };
  if (!model.projections && chainShaped(after)) return withProjections(next, chainProjections(after.length));
  const projections = projectionsOf(model).flatMap((p) => {
    const from = newIndex[p.from];
    const to = newIndex[p.to];
    return from < 0 || to < 0 ? [] : [{ ...p, from, to }];
  });
  // A recurrent network's copy links follow their layers too (context-edits.ts).
  return linksRearranged(withProjections(next, projections), newIndex);
}
