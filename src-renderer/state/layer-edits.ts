/**
 * The builder's edits of the layer list, as pure functions of the document: insert, move, remove, change
 * one layer, and make the patterns follow a new input or output size. What the shared validator thinks of
 * the result is shown inline; these never refuse.
 */
import type { ActivationName, LayerSpec, ModelDocument, Pattern } from '../../src-shared/model/schema';

export type LayerKind = LayerSpec['kind'];

/** A new layer of a kind, named after what is there already ("hidden 2"). */
export function newLayer(layers: readonly LayerSpec[], kind: LayerKind, activation: ActivationName): LayerSpec {
  const taken = new Set(layers.map((layer) => layer.name));
  let name: string = kind;
  for (let n = 2; taken.has(name); n++) name = `${kind} ${n}`;
  const units = kind === 'input' ? layers[0]?.units ?? 2 : kind === 'output' ? layers.at(-1)?.units ?? 1 : 2;
  return { kind, name, units, activation: kind === 'input' ? 'linear' : activation, bias: kind !== 'input' };
}

export function insertLayer(model: ModelDocument, index: number, layer: LayerSpec): ModelDocument {
  const layers = [...model.layers];
  layers.splice(Math.max(0, Math.min(index, layers.length)), 0, layer);
  return { ...model, layers };
}

/** Moves the layer at `from` so that it ends up at index `to` of the new list. */
export function moveLayer(model: ModelDocument, from: number, to: number): ModelDocument {
  const layers = [...model.layers];
  const [layer] = layers.splice(from, 1);
  layers.splice(Math.max(0, Math.min(to, layers.length)), 0, layer);
  return { ...model, layers };
}

export function removeLayer(model: ModelDocument, index: number): ModelDocument {
  return { ...model, layers: model.layers.filter((_, j) => j !== index) };
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
 * The patterns (and test patterns) made `units` wide on one side: new inputs 0, new targets 0; values past
 * the new width are dropped.
 */
export function resizePatterns(model: ModelDocument, side: 'input' | 'target', units: number): ModelDocument {
  const resize = (pattern: Pattern): Pattern => {
    const values = pattern[side];
    if (values.length === units) return pattern;
    const resized = values.length > units ? values.slice(0, units) : [...values, ...Array<number>(units - values.length).fill(0)];
    return { ...pattern, [side]: resized };
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
