/**
 * The builder's edits of the layer list, as pure functions of the document: insert, move, remove, change
 * one layer, and make the patterns follow a new input or output size. What the shared validator thinks of
 * the result is shown inline; these never refuse.
 */
import type { ActivationName, LayerSpec, ModelDocument, Pattern } from '../../src-shared/model/schema';
import { networkGraph } from '../../src-shared/model/graph';
import { rearranged } from './projection-edits';

export type LayerKind = LayerSpec['kind'];

/** A new layer of a kind, named after what is there already ("hidden 2"). */
export function newLayer(layers: readonly LayerSpec[], kind: LayerKind, activation: ActivationName): LayerSpec {
  const taken = new Set(layers.map((layer) => layer.name));
  let name: string = kind;
  for (let n = 2; taken.has(name); n++) name = `${kind} ${n}`;
  const units = kind === 'input' ? layers[0]?.units ?? 2 : kind === 'output' ? layers.at(-1)?.units ?? 1 : 2;
  return { kind, name, units, activation: kind === 'input' ? 'linear' : activation, bias: kind !== 'input' };
}

/** Layers and projections follow (projection-edits.ts): in a graph the new layer starts unconnected. */
export function insertLayer(model: ModelDocument, index: number, layer: LayerSpec): ModelDocument {
  const at = Math.max(0, Math.min(index, model.layers.length));
  const layers = [...model.layers];
  layers.splice(at, 0, layer);
  return rearranged(model, layers, model.layers.map((_, i) => (i < at ? i : i + 1)));
}

/**
 * Moves the layer at `from` so that it ends up at index `to` of the new list. A chain stays a chain of the
 * new order (the validator names a layer out of place); a graph's projections follow their layers.
 */
export function moveLayer(model: ModelDocument, from: number, to: number): ModelDocument {
  const order = model.layers.map((_, i) => i);
  const [moved] = order.splice(from, 1);
  order.splice(Math.max(0, Math.min(to, order.length)), 0, moved);
  const layers = order.map((old) => model.layers[old]);
  if (!model.projections) return { ...model, layers };
  const newIndex = order.reduce<number[]>((map, old, now) => ((map[old] = now), map), []);
  return rearranged(model, layers, newIndex);
}

/** Removes a layer and every projection into or out of it. */
export function removeLayer(model: ModelDocument, index: number): ModelDocument {
  return rearranged(model, model.layers.filter((_, j) => j !== index), model.layers.map((_, i) => (i < index ? i : i === index ? -1 : i - 1)));
}

export function changeLayer(model: ModelDocument, index: number, changes: Partial<LayerSpec>): ModelDocument {
  return { ...model, layers: model.layers.map((layer, j) => (j === index ? withChanges(layer, changes) : layer)) };
}

/** Applies changes; `unitNames: undefined` removes the names rather than storing an undefined field. */
function withChanges(layer: LayerSpec, changes: Partial<LayerSpec>): LayerSpec {
  const next = { ...layer, ...changes };
  if ('unitNames' in changes && changes.unitNames === undefined) delete next.unitNames;
  if ('learn' in changes && changes.learn === undefined) delete next.learn;
  return next;
}

/** How many values the patterns have where the layer list now wants `units` (the first pattern's count). */
export function patternWidth(model: ModelDocument, side: 'input' | 'target'): number {
  return model.patterns[0]?.[side].length ?? 0;
}

/**
 * Which side of the patterns a layer's units are, and where its block of values starts: input layers'
 * values are the input, output layers' the target, each side the layers' blocks in layer order
 * (model/graph.ts). Null for a hidden layer.
 */
export function patternBlock(model: ModelDocument, index: number): { side: 'input' | 'target'; offset: number } | null {
  const kind = model.layers[index].kind;
  if (kind === 'hidden') return null;
  const graph = networkGraph(model);
  const layers = kind === 'input' ? graph.inputs : graph.outputs;
  const offset = layers.filter((j) => j < index).reduce((sum, j) => sum + model.layers[j].units, 0);
  return { side: kind === 'input' ? 'input' : 'target', offset };
}

/**
 * The patterns (and test patterns) with one side's block of `from` values at `offset` made `units` wide:
 * new values 0, values past the new width dropped. Without a block, the whole side.
 */
export function resizePatterns(
  model: ModelDocument, side: 'input' | 'target', units: number, block: { offset: number; from: number } | null = null,
): ModelDocument {
  const resize = (pattern: Pattern): Pattern => {
    const values = pattern[side];
    const offset = block?.offset ?? 0;
    const from = block?.from ?? values.length;
    if (from === units) return pattern;
    const own = values.slice(offset, offset + from);
    const resized = own.length > units ? own.slice(0, units) : [...own, ...Array<number>(units - own.length).fill(0)];
    return { ...pattern, [side]: [...values.slice(0, offset), ...resized, ...values.slice(offset + from)] };
  };
  return {
    ...model,
    patterns: model.patterns.map(resize),
    ...(model.testPatterns ? { testPatterns: model.testPatterns.map(resize) } : {}),
  };
}

/** Names typed as one line ("canary, salmon, oak"): none when the line is empty. */
export function readUnitNames(text: string): string[] | undefined {
  const names = text.split(',').map((name) => name.trim());
  return names.length === 1 && names[0] === '' ? undefined : names;
}
