/**
 * One rule for when trained weights survive an edit (weightsCarryOver) and when a state fits a network
 * (stateFitsLayers): every weight matrix and bias vector joins the same layers with the same sizes, from
 * the same initial weights. Edits of a graph's projections that keep every layer as it was must discard.
 */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import type { ModelDocument, NetworkState } from '../../../src-shared/model/schema';
import { settleEdit, stateFitsLayers, weightLayout, weightsCarryOver } from '../../../src-renderer/shared/trainer/weights-fit';

function trained(id: string): ModelDocument {
  const run = new GraphRun(findExample(id)!.build());
  run.advance(Number.MAX_SAFE_INTEGER, 3);
  return run.toModel();
}

/** Four layers of two units where a projection can move between layers without any matrix changing shape. */
function square(projections: ModelDocument['projections']): ModelDocument {
  const model = findExample('xor')!.build();
  const layer = (kind: 'input' | 'hidden' | 'output', name: string) => ({ kind, name, units: 2, activation: 'logistic' as const, bias: kind !== 'input' });
  return {
    ...model,
    layers: [layer('input', 'a'), layer('hidden', 'b'), layer('hidden', 'c'), layer('output', 'd')],
    projections,
    patterns: model.patterns.map((p) => ({ ...p, target: [p.target[0], p.target[0]] })),
  };
}

describe('weightsCarryOver: the weights survive only an edit that leaves every matrix and bias meaning the same', () => {
  const rumelhart = trained('rumelhart-graph');

  it('keeps them through a rename, an activation or a learn flag', () => {
    const renamed = { ...rumelhart, layers: rumelhart.layers.map((l, g) => (g === 3 ? { ...l, name: 'hidden units', activation: 'tanh' as const } : l)) };
    expect(weightsCarryOver(rumelhart, renamed)).toBe(true);
    const frozen = { ...rumelhart, projections: rumelhart.projections!.map((p, q) => (q === 0 ? { ...p, learn: false } : p)) };
    expect(weightsCarryOver(rumelhart, frozen)).toBe(true);
    expect(settleEdit(rumelhart, frozen).state).toBe(rumelhart.state);
  });

  it('discards them when the projections are the same set in another order: weights[q] would be another projection’s', () => {
    const [first, ...rest] = rumelhart.projections!;
    const reordered = { ...rumelhart, projections: [...rest, first] };
    expect(weightsCarryOver(rumelhart, reordered)).toBe(false);
    expect(settleEdit(rumelhart, reordered).state).toBeNull();
  });

  it('discards them when a projection joins other layers of the same sizes (every shape kept)', () => {
    const before = { ...square([{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 3 }, { from: 0, to: 2 }]), state: { epoch: 5 } as unknown as NetworkState };
    const after = { ...before, projections: [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 3 }, { from: 1, to: 3 }] };
    expect(weightLayout(before.layers, before.projections).weights.map((w) => [w.rows, w.columns])).toEqual(weightLayout(after.layers, after.projections).weights.map((w) => [w.rows, w.columns]));
    expect(weightsCarryOver(before, after)).toBe(false);
  });

  it('discards them when a projection gets its own initialization, and not for the same one written with its keys reordered', () => {
    const own = { ...rumelhart, projections: rumelhart.projections!.map((p, q) => (q === 1 ? { ...p, init: { kind: 'uniform' as const, range: 0.5 } } : p)) };
    expect(weightsCarryOver(rumelhart, own)).toBe(false);
    const same = { ...own, projections: own.projections.map((p, q) => (q === 1 ? { ...p, init: JSON.parse('{"range":0.5,"kind":"uniform"}') as typeof p.init } : p)) };
    expect(weightsCarryOver(own, same)).toBe(true);
  });

  it('discards them when a layer changes kind: which layers carry biases, and which hold the pattern, change', () => {
    const kinds = { ...rumelhart, layers: rumelhart.layers.map((l, g) => (g === 1 ? { ...l, kind: 'hidden' as const, bias: true } : l)) };
    expect(weightsCarryOver(rumelhart, kinds)).toBe(false);
  });
});

describe('stateFitsLayers: a state’s matrices and bias vectors against the network', () => {
  it('fits the graph run’s own state, and not one whose biases are of another layer', () => {
    const model = trained('rumelhart-graph');
    const state = model.state!;
    expect(stateFitsLayers(state, model.layers, model.projections)).toBe(true);
    const swapped = { ...state, biases: [state.biases[1], state.biases[0], state.biases[2]] };
    expect(stateFitsLayers(swapped, model.layers, model.projections)).toBe(false);
    expect(stateFitsLayers({ ...state, biases: state.biases.slice(1) }, model.layers, model.projections)).toBe(false);
    expect(stateFitsLayers(state, model.layers)).toBe(false);
  });
});
