/**
 * Representations of a graph network's layers: the inputs each layer depends on follow the projections, so
 * Rumelhart's representation layer (fed by the item alone) gives one point per item and the hidden layer
 * (item and relation) one per pattern; the activations are the graph engine's forward pass.
 */
import { describe, expect, it } from 'vitest';
import { modelActivations } from '../../../src-shared/analysis/representations/activations-at';
import { inputUnitsReaching, layerRepresentation } from '../../../src-shared/analysis/representations/layer-patterns';
import { findExample } from '../../../src-shared/data/examples';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import type { ModelDocument } from '../../../src-shared/model/schema';

function trainedRumelhart(epochs: number): ModelDocument {
  const run = new GraphRun(findExample('rumelhart-graph')!.build());
  run.advance(Number.MAX_SAFE_INTEGER, epochs);
  return run.toModel();
}

const logistic = (n: number) => 1 / (1 + Math.exp(-n));

/** n = b + Σ_p W_p h_from, h = logistic(n), written out for Rumelhart's four projections by layer name. */
function handForward(model: ModelDocument, input: readonly number[]): { representation: number[]; hidden: number[] } {
  const state = model.state!;
  const projections = model.projections!;
  const weightsFrom = (from: string, to: string) => state.weights[projections.findIndex((p) => model.layers[p.from].name === from && model.layers[p.to].name === to)];
  const biasOf = (name: string) => state.biases[model.layers.filter((l) => l.kind !== 'input').findIndex((l) => l.name === name)];
  const item = input.slice(0, 8);
  const relation = input.slice(8, 12);
  const times = (W: number[][], h: readonly number[]) => W.map((row) => row.reduce((sum, w, c) => sum + w * h[c], 0));
  const representation = times(weightsFrom('item', 'representation'), item).map((n, r) => logistic(n + biasOf('representation')[r]));
  const fromRepresentation = times(weightsFrom('representation', 'hidden'), representation);
  const fromRelation = times(weightsFrom('relation', 'hidden'), relation);
  const hidden = fromRepresentation.map((n, r) => logistic(biasOf('hidden')[r] + n + fromRelation[r]));
  return { representation, hidden };
}

describe('a graph network\'s layers, grouped by the inputs that reach them', () => {
  const model = trainedRumelhart(20);
  const layerIndex = (name: string) => model.layers.findIndex((l) => l.name === name);

  it('follows the projections back to the input layers', () => {
    // item units are 0–7 of a pattern's input, relation units 8–11.
    expect(inputUnitsReaching(model, layerIndex('representation'))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(inputUnitsReaching(model, layerIndex('hidden'))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(inputUnitsReaching(model, layerIndex('attributes'))).toHaveLength(12);
    expect(inputUnitsReaching(model, layerIndex('relation'))).toEqual([8, 9, 10, 11]);
    const chain = findExample('semantic')!.build();
    expect(inputUnitsReaching(chain, 1)).toEqual([0, 1, 2, 3]);
  });

  it('gives the representation layer one point per item and the hidden layer one per item × relation', () => {
    const items = new Set(model.patterns.map((p) => p.name.split(' ')[0]));
    const pairs = new Set(model.patterns.map((p) => p.name));
    const representation = layerRepresentation(model, layerIndex('representation'));
    expect(representation.groups).toHaveLength(items.size);
    expect(items.size).toBe(8);
    expect(representation.groups.map((g) => g.label)).toEqual([...items]);
    representation.groups.forEach((group) => {
      expect(new Set(group.patterns.map((p) => model.patterns[p].name.split(' ')[0])).size).toBe(1);
    });
    const hidden = layerRepresentation(model, layerIndex('hidden'));
    expect(hidden.groups).toHaveLength(pairs.size);
    expect(pairs.size).toBe(32);
  });

  it('reads the activations from the graph engine, as a forward pass written out by hand gives them', () => {
    const all = modelActivations(model);
    const representation = layerRepresentation(model, layerIndex('representation'));
    model.patterns.forEach((pattern, p) => {
      const hand = handForward(model, pattern.input);
      hand.representation.forEach((h, r) => expect(all[p][layerIndex('representation')][r]).toBeCloseTo(h, 12));
      hand.hidden.forEach((h, r) => expect(all[p][layerIndex('hidden')][r]).toBeCloseTo(h, 12));
    });
    // Every pattern of a group gives its layer the same activations, and the group's row is theirs.
    representation.groups.forEach((group, k) => {
      for (const p of group.patterns) expect(all[p][layerIndex('representation')]).toEqual(representation.activations[k]);
    });
    // A representation that differs between items: 20 epochs have moved the weights.
    expect(representation.activations[0]).not.toEqual(representation.activations[7]);
  });

  it('uses the initial weights the seed gives for a model not yet trained, as a run starts from', () => {
    const untrained = findExample('rumelhart-graph')!.build();
    const run = new GraphRun(untrained);
    const fromRun = run.toModel();
    expect(modelActivations(untrained)).toEqual(modelActivations(fromRun));
  });
});
