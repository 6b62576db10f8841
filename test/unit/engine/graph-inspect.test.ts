/**
 * Looking inside one pattern of a graph network: each layer's net input is the sum of its incoming
 * projections' terms W_p h plus the bias, each δ is f'(n) ⊙ the sum of its outgoing projections' terms
 * B_pᵀ δ_to (plus the loss's own term on an output layer) — checked against GraphRun's own passes, an
 * independent float64 implementation written here, and central finite differences of the loss. A chain's
 * inspection is the same code, with projection j = W^j.
 */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import type { PatternInspection } from '../../../src-shared/engine/inspection';
import { Simulation } from '../../../src-shared/engine/simulation';
import { createModel } from '../../../src-shared/model/create';
import type { ActivationName, LayerSpec, ModelDocument } from '../../../src-shared/model/schema';
import { buildModel, checked, randomPatterns } from './helpers';

/**
 * Two input layers; hidden A fed by in 0; hidden B fed by in 1 and A; output O1 fed by A, B and in 0 (a
 * skip); output O2 fed by O1 (an output layer that also feeds another) and B. Projections listed out of
 * topological order.
 */
function tangledGraph(training: Partial<ModelDocument['training']> = {}): ModelDocument {
  const layer = (kind: LayerSpec['kind'], name: string, units: number, activation: ActivationName, bias = true): LayerSpec =>
    ({ kind, name, units, activation: kind === 'input' ? 'linear' : activation, bias: kind !== 'input' && bias });
  const layers = [
    layer('input', 'in 0', 2, 'linear'), layer('input', 'in 1', 3, 'linear'),
    layer('hidden', 'A', 3, 'tanh'), layer('hidden', 'B', 2, 'logistic', false),
    layer('output', 'O1', 2, 'logistic'), layer('output', 'O2', 1, 'linear'),
  ];
  const projections = [{ from: 3, to: 5 }, { from: 0, to: 2 }, { from: 2, to: 4 }, { from: 1, to: 3 }, { from: 4, to: 5 }, { from: 2, to: 3 }, { from: 0, to: 4 }, { from: 3, to: 4 }];
  return checked(createModel({
    name: 'tangled', description: '', layers, projections,
    patterns: randomPatterns(5, 3, { count: 3, seed: 4, dontCare: 0.2 }),
    training: { init: { kind: 'uniform', range: 1.5 }, seed: 3, learningRate: 0.3, momentum: 0.5, weightDecay: 0.01, errorCriterion: 0, maxEpochs: 1e6, ...training },
  }));
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** n = Σ terms + b and δ = f'(n) ⊙ Σ terms (+ the loss's term), unit by unit. */
function expectSumsHold(view: PatternInspection): void {
  for (const layer of view.layers) {
    if (layer.kind === 'input') {
      expect(layer.netInputTerms).toEqual([]);
      expect(layer.delta).toBeNull();
      continue;
    }
    layer.netInput.forEach((n, r) => expect(sum(layer.netInputTerms.map((t) => t.values[r])) + layer.bias![r]).toBeCloseTo(n, 12));
    layer.delta!.forEach((d, c) => {
      const back = layer.deltaTerms.length > 0 ? layer.derivative![c] * sum(layer.deltaTerms.map((t) => t.values[c])) : 0;
      expect((layer.lossDelta?.[c] ?? 0) + back).toBeCloseTo(d, 12);
    });
  }
}

/** The pattern's loss with parameters as `state` holds them, from a fresh run (independent of the inspection). */
function lossOf(model: ModelDocument, p: number): number {
  return new GraphRun({ ...model, patterns: [model.patterns[p]] }).totalLoss();
}

describe('looking inside a graph network', () => {
  it('sums each net input over the incoming projections and each delta over the outgoing ones, as the run computes them', () => {
    const run = new GraphRun(tangledGraph());
    run.advance(5);
    const before = run.state();
    const view = run.inspect(1);
    expect(run.state()).toEqual(before); // applies nothing
    expectSumsHold(view);
    // The engine's own passes for the same pattern give the same n, h and δ.
    run.present(run.data, 1);
    view.layers.forEach((layer, g) => {
      expect(layer.activation).toEqual(Array.from(run.network.act[g]));
      if (layer.kind !== 'input') {
        expect(layer.netInput).toEqual(Array.from(run.network.net[g]));
        expect(layer.delta).toEqual(Array.from(run.network.delta[g]));
      }
    });
    // Terms name their projections: O1 is fed by A, B and in 0 (the skip), in the model's projection order.
    expect(view.layers[4].netInputTerms.map((t) => [t.projection, t.layer])).toEqual([[2, 2], [6, 0], [7, 3]]);
    expect(view.layers[4].deltaTerms.map((t) => [t.projection, t.layer])).toEqual([[4, 5]]);
    expect(view.layers[2].deltaTerms.map((t) => t.layer)).toEqual([4, 3]);
    expect(view.outputLayers).toEqual([4, 5]);
    expect(view.weightLayers.map((w) => [w.projection, w.from, w.to])).toEqual(run.network.projections.map((p, q) => [q, p.from, p.to]));
  });

  it('agrees with an independent float64 forward and backward pass written here', () => {
    const model = new GraphRun(tangledGraph()).toModel();
    const state = model.state!;
    const { layers } = model;
    const projections = model.projections!;
    const pattern = model.patterns[2];
    const f = (a: ActivationName, x: number) => (a === 'logistic' ? 1 / (1 + Math.exp(-x)) : a === 'tanh' ? Math.tanh(x) : x);
    const df = (a: ActivationName, y: number) => (a === 'logistic' ? y * (1 - y) : a === 'tanh' ? 1 - y * y : 1);
    const biasOf = (g: number) => state.biases[layers.slice(0, g).filter((l) => l.kind !== 'input').length];
    const h: number[][] = [pattern.input.slice(0, 2), pattern.input.slice(2, 5)];
    const n: number[][] = [];
    for (const g of [2, 3, 4, 5]) {
      n[g] = biasOf(g).map((b, r) => b + sum(projections.flatMap((p, q) => (p.to === g ? [sum(h[p.from].map((x, c) => state.weights[q][r][c] * x))] : []))));
      h[g] = n[g].map((v) => f(layers[g].activation, v));
    }
    const t = pattern.target;
    const delta: number[][] = [];
    delta[5] = h[5].map((o, k) => (t[2 + k] === null ? 0 : -(t[2 + k]! - o) * df('linear', o)));
    const back = (g: number) => h[g].map((_, c) => sum(projections.flatMap((p, q) => (p.from === g ? [sum(delta[p.to].map((d, r) => d * state.weights[q][r][c]))] : []))));
    delta[4] = h[4].map((o, k) => (t[k] === null ? 0 : -(t[k]! - o) * df('logistic', o)) + df('logistic', o) * back(4)[k]);
    delta[3] = back(3).map((v, c) => v * df('logistic', h[3][c]));
    delta[2] = back(2).map((v, c) => v * df('tanh', h[2][c]));
    const view = new GraphRun(model).inspect(2);
    for (const g of [2, 3, 4, 5]) {
      view.layers[g].netInput.forEach((v, r) => expect(Math.abs(v - n[g][r])).toBeLessThan(1e-12));
      view.layers[g].delta!.forEach((v, r) => expect(Math.abs(v - delta[g][r])).toBeLessThan(1e-12));
    }
    // ΔW_p = −λ δ_to h_fromᵀ, per projection.
    projections.forEach((p, q) => view.weightLayers[q].weightChange.weights.forEach((row, r) => row.forEach((dw, c) => expect(dw).toBeCloseTo(-0.3 * delta[p.to][r] * h[p.from][c], 12))));
  });

  it('reports δ = ∂L/∂n and each projection’s gradient as central finite differences of the loss find them', () => {
    const model = new GraphRun(tangledGraph()).toModel();
    const view = new GraphRun(model).inspect(0);
    const eps = 1e-6;
    const difference = (apply: (state: NonNullable<ModelDocument['state']>, step: number) => void) => {
      const plus = structuredClone(model);
      apply(plus.state!, eps);
      const minus = structuredClone(model);
      apply(minus.state!, -eps);
      return (lossOf(plus, 0) - lossOf(minus, 0)) / (2 * eps);
    };
    // ∂L/∂b_g = δ_g: the delta itself (B has no bias: its δ is checked through its incoming weights).
    const biased = model.layers.flatMap((l, g) => (l.kind !== 'input' ? [g] : []));
    biased.forEach((g, k) => {
      if (!model.layers[g].bias) return;
      view.layers[g].delta!.forEach((d, r) => {
        const numeric = difference((state, step) => (state.biases[k][r] += step));
        expect(Math.abs(numeric - d)).toBeLessThan(1e-6 * Math.max(1, Math.abs(d)));
      });
    });
    view.weightLayers.forEach((w, q) => w.gradient.weights.forEach((row, r) => row.forEach((g, c) => {
      const numeric = difference((state, step) => (state.weights[q][r][c] += step));
      expect(Math.abs(numeric - g)).toBeLessThan(1e-6 * Math.max(1, Math.abs(g)));
    })));
  });

  it('shows the 2-1-1 XOR’s output net input as W_hidden→out h + W_input→out x + b, and the online update it would apply', () => {
    const model = findExample('xor-2-1-1')!.build();
    const run = new GraphRun(model);
    run.advance(4 * 30);
    const next = run.nextPattern();
    const view = run.inspect(next);
    expectSumsHold(view);
    const output = view.layers[2];
    expect(output.netInputTerms.map((t) => view.layers[t.layer].name)).toEqual(['input', 'hidden']);
    const before = run.state();
    run.advance(1); // online: the pattern's own update
    const after = run.state();
    view.weightLayers.forEach((w, q) => w.onlineUpdate.weights.forEach((row, r) => row.forEach((dw, c) => expect(after.weights[q][r][c]).toBe(before.weights[q][r][c] + dw))));
    // The output's bias is owned by its first incoming projection (input → output), the others show zeros.
    expect(after.biases[1][0]).toBe(before.biases[1][0] + view.weightLayers[1].onlineUpdate.biases[0]);
    expect(view.weightLayers[2].onlineUpdate.biases).toEqual([0]);
  });

  it('a chain is the same description: one term per layer, projection j is W^j', () => {
    const patterns = randomPatterns(3, 2, { count: 2, seed: 9 });
    const simulation = new Simulation(checked(buildModel({ sizes: [3, 4, 2], activation: ['tanh', 'logistic'] }, patterns, { seed: 5 })));
    const view = simulation.inspect(1);
    expectSumsHold(view);
    expect(view.layers.map((l) => l.netInputTerms.map((t) => [t.projection, t.layer]))).toEqual([[], [[0, 0]], [[1, 1]]]);
    expect(view.layers.map((l) => l.deltaTerms.map((t) => t.projection))).toEqual([[], [1], []]);
    expect(view.outputLayers).toEqual([2]);
    expect(view.layers[2].lossDelta).toEqual(view.layers[2].delta);
  });
});
