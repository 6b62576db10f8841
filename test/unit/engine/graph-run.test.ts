/**
 * The graph path (engine/graph): on random graphs — several input and output layers, skips, a layer fed by
 * several, an output layer that also feeds another, frozen projections — its gradient agrees with central
 * finite differences of the loss (1e-6 relative) and with an independent float64 implementation written
 * here (1e-9); a chain run on it gives the chain engine's bits; a saved graph run continues exactly.
 */
import { describe, expect, it } from 'vitest';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { Simulation } from '../../../src-shared/engine/simulation';
import { chainProjections } from '../../../src-shared/model/graph';
import { parseModel } from '../../../src-shared/model/parse';
import type { ActivationName, ModelDocument, TrainingSettings } from '../../../src-shared/model/schema';
import { buildModel, checked, randomPatterns } from './helpers';
import { randomGraph } from './graph-helpers';

/**
 * An independent float64 gradient: every layer's activation computed by recursion over what feeds it, then
 * ∂L/∂h accumulated in reverse topological order as a map from layer name to array (not the engine's code,
 * buffers or ordering).
 */
function independentGradient(model: ModelDocument, backward?: readonly (readonly (readonly number[])[])[]): { weights: number[][][]; biases: number[][] } {
  const { layers, training } = model;
  const projections = model.projections!;
  const state = model.state!;
  const f = (a: ActivationName, x: number) => (a === 'logistic' ? 1 / (1 + Math.exp(-x)) : a === 'tanh' ? Math.tanh(x) : x);
  const df = (a: ActivationName, y: number) => (a === 'logistic' ? y * (1 - y) : a === 'tanh' ? 1 - y * y : 1);
  const biasOf = (g: number) => state.biases[layers.slice(0, g).filter((l) => l.kind !== 'input').length];
  const gW = projections.map((p) => Array.from({ length: layers[p.to].units }, () => Array<number>(layers[p.from].units).fill(0)));
  const gb = layers.filter((l) => l.kind !== 'input').map((l) => Array<number>(l.units).fill(0));
  for (const pattern of model.patterns) {
    const h = new Map<number, number[]>();
    let at = 0;
    layers.forEach((l, g) => {
      if (l.kind === 'input') {
        h.set(g, pattern.input.slice(at, at + l.units));
        at += l.units;
      }
    });
    const activation = (g: number): number[] => {
      if (h.has(g)) return h.get(g)!;
      const n = biasOf(g).slice();
      projections.forEach((p, q) => {
        if (p.to !== g) return;
        const x = activation(p.from);
        for (let r = 0; r < n.length; r++) for (let c = 0; c < x.length; c++) n[r] += state.weights[q][r][c] * x[c];
      });
      const out = n.map((v) => f(layers[g].activation, v));
      h.set(g, out);
      return out;
    };
    layers.forEach((_, g) => activation(g));
    // ∂L/∂h per layer, from the loss on output layers, then pulled back through the projections.
    const dh = new Map<number, number[]>(layers.map((l, g) => [g, Array<number>(l.units).fill(0)]));
    let t = 0;
    layers.forEach((l, g) => {
      if (l.kind !== 'output') return;
      const o = h.get(g)!;
      for (let k = 0; k < l.units; k++, t++) {
        const target = pattern.target[t];
        if (target === null) continue;
        dh.get(g)![k] += training.loss === 'squared-error' ? o[k] - target : (o[k] - target) / (o[k] * (1 - o[k]));
      }
    });
    const delta = new Map<number, number[]>();
    const deltaOf = (g: number): number[] => {
      if (delta.has(g)) return delta.get(g)!;
      const total = dh.get(g)!.slice();
      projections.forEach((p, q) => {
        if (p.from !== g) return;
        const d = deltaOf(p.to);
        const B = (backward ?? state.weights)[q];
        for (let c = 0; c < total.length; c++) for (let r = 0; r < d.length; r++) total[c] += B[r][c] * d[r];
      });
      const out = total.map((v, k) => v * df(layers[g].activation, h.get(g)![k]));
      delta.set(g, out);
      return out;
    };
    projections.forEach((p, q) => {
      const d = deltaOf(p.to);
      const x = h.get(p.from)!;
      for (let r = 0; r < d.length; r++) for (let c = 0; c < x.length; c++) gW[q][r][c] += d[r] * x[c];
    });
    let k = 0;
    layers.forEach((l, g) => {
      if (l.kind === 'input') return;
      const d = deltaOf(g);
      for (let r = 0; r < d.length; r++) gb[k][r] += d[r];
      k++;
    });
  }
  return { weights: gW, biases: gb };
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-3, Math.abs(a), Math.abs(b));

describe('the graph path', () => {
  const seeds = Array.from({ length: 24 }, (_, i) => i + 1);

  it('builds random graphs with several inputs and outputs, skips and frozen projections', () => {
    const models = seeds.map((seed) => randomGraph(seed, 'squared-error', seed % 2 === 0));
    expect(models.some((m) => m.layers.filter((l) => l.kind === 'input').length > 1)).toBe(true);
    expect(models.some((m) => m.layers.filter((l) => l.kind === 'output').length > 1)).toBe(true);
    expect(models.some((m) => m.projections!.some((p) => m.layers[p.from].kind === 'output'))).toBe(true);
    expect(models.some((m) => m.projections!.some((p) => p.to - p.from > 1 && m.layers[p.from].kind !== 'input'))).toBe(true);
  });

  for (const loss of ['squared-error', 'cross-entropy'] as const) {
    it(`gives the gradient of ${loss}: against finite differences (1e-6) and an independent float64 implementation (1e-9)`, () => {
      for (const seed of seeds) {
        const model = randomGraph(seed, loss, seed % 2 === 0);
        const run = new GraphRun(model);
        const gradient = run.summedGradient();
        const independent = independentGradient(run.toModel());
        const params = run.network.params;
        const views = [...gradient.weights.map((g, q) => [g, run.network.weights[q], independent.weights[q].flat()] as const),
          ...gradient.biases.map((g, k) => [g, run.network.biases[k], independent.biases[k]] as const)];
        for (const [g, values, expected] of views) {
          for (let i = 0; i < g.length; i++) {
            expect(relative(g[i], expected[i]), `seed ${seed}, independent`).toBeLessThan(1e-9);
            const offset = values.byteOffset / 8 - params.byteOffset / 8 + i;
            const saved = params[offset];
            const h = 1e-5 * Math.max(1, Math.abs(saved));
            params[offset] = saved + h;
            const up = run.totalLoss();
            params[offset] = saved - h;
            const down = run.totalLoss();
            params[offset] = saved;
            expect(relative(g[i], (up - down) / (2 * h)), `seed ${seed}, finite differences`).toBeLessThan(1e-6);
          }
        }
      }
    });
  }

  it('sends deltas back through one fixed F per projection under feedback alignment (against the independent implementation, 1e-9)', () => {
    for (const seed of seeds) {
      const base = randomGraph(seed, 'squared-error', false);
      const run = new GraphRun({ ...base, training: { ...base.training, rule: 'feedback-alignment' } });
      const state = run.state();
      const F = state.feedback!;
      F.forEach((rows, q) => expect(rows.length === 0, `seed ${seed}, F ${q}`).toBe(base.layers[base.projections![q].from].kind === 'input'));
      const gradient = run.summedGradient();
      const expected = independentGradient(run.toModel(), F);
      gradient.weights.forEach((g, q) => g.forEach((value, i) => expect(relative(value, expected.weights[q].flat()[i]), `seed ${seed}`).toBeLessThan(1e-9)));
      gradient.biases.forEach((g, k) => g.forEach((value, i) => expect(relative(value, expected.biases[k][i]), `seed ${seed}`).toBeLessThan(1e-9)));
      // Not the backpropagation gradient, where a delta passes through a hidden layer.
      if (base.projections!.some((p) => base.layers[p.from].kind !== 'input')) {
        expect(Array.from(gradient.biases.flatMap((b) => Array.from(b)))).not.toEqual(independentGradient(run.toModel()).biases.flat());
      }
    }
  });

  it('trains a chain to the chain engine\'s bits in every update mode, with momentum, decay, feedback alignment and a frozen layer', () => {
    const variants: Partial<TrainingSettings>[] = [
      { update: 'online', momentum: 0.9 },
      { update: 'online', momentum: 0.5, weightDecay: 0.01, rule: 'feedback-alignment' },
      { update: 'batch', momentum: 0.9, loss: 'cross-entropy' },
      { update: 'minibatch', batchSize: 3, momentum: 0.8, weightDecay: 0.001, init: { kind: 'xavier' } },
      { update: 'minibatch', batchSize: 2, rule: 'feedback-alignment', init: { kind: 'gaussian', sd: 0.5 } },
    ];
    variants.forEach((training, v) => {
      const model = checked(buildModel({ sizes: [3, 4, 3, 2], activation: ['tanh', 'logistic', 'logistic'], learn: [true, v !== 3, true] },
        randomPatterns(3, 2, { count: 7, seed: v + 1, dontCare: 0.1 }), { order: 'permuted', seed: 40 + v, learningRate: 0.3, ...training }));
      // A test set too: its tss after each epoch is part of the state.
      if (v % 2 === 0) model.testPatterns = randomPatterns(3, 2, { count: 3, seed: 100 + v });
      const chain = new Simulation(model);
      chain.advance(7 * 20 + 4);
      const graph = new GraphRun(checked({ ...model, projections: chainProjections(4) }));
      graph.advance(7 * 20 + 4);
      expect(graph.state(), `variant ${v}`).toEqual(chain.state());
      if (v % 2 === 0) expect(graph.state().testTssHistory, `variant ${v}`).toHaveLength(20);
    });
  });

  it('continues a saved graph run exactly, mid-update, with momentum and feedback alignment', () => {
    for (const training of [{ update: 'minibatch', batchSize: 3, momentum: 0.9 }, { update: 'online', rule: 'feedback-alignment', momentum: 0.5 }] as const) {
      const model = { ...randomGraph(7, 'squared-error', true), training: { ...randomGraph(7, 'squared-error', true).training, ...training, order: 'permuted' as const } };
      const straight = new GraphRun(model);
      straight.advance(4 * 30);
      const first = new GraphRun(model);
      first.advance(4 * 12 + 2);
      const saved = parseModel(JSON.parse(JSON.stringify(first.toModel())));
      if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
      const continued = new GraphRun(saved.model);
      continued.advance(4 * 30 - (4 * 12 + 2));
      expect(continued.state()).toEqual(straight.state());
    }
  });

  it('matches the chain engine through settings changed mid-run, and saves them with the state', () => {
    const model = checked(buildModel({ sizes: [3, 4, 2], activation: 'logistic' }, randomPatterns(3, 2, { count: 7, seed: 9 }),
      { order: 'permuted', seed: 5, learningRate: 0.3, momentum: 0.5 }));
    const chain = new Simulation(model);
    const graph = new GraphRun(checked({ ...model, projections: chainProjections(3) }));
    for (const run of [chain, graph]) {
      run.advance(7 * 3 + 2);
      run.configure({ update: 'minibatch', batchSize: 3 }); // mid-update: the sum starts here
      run.advance(7 * 2 + 1);
      run.configure({ learningRate: 0.1, update: 'online' });
      run.advance(5);
    }
    expect(graph.state()).toEqual(chain.state());
    expect(graph.state().settingChanges).toHaveLength(2);
    const saved = parseModel(JSON.parse(JSON.stringify(graph.toModel())));
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
    expect(new GraphRun(saved.model).state()).toEqual(graph.state());
  });

  it('draws a projection with its own initialisation from it, the others from the run\'s', () => {
    const base = randomGraph(5, 'squared-error', false);
    const q = base.projections!.length - 1;
    const projections = base.projections!.map((p, i) => (i === q ? { ...p, init: { kind: 'gaussian' as const, sd: 0 } } : p));
    const run = new GraphRun(checked({ ...base, projections }));
    expect(run.network.weights[q].every((w) => w === 0)).toBe(true);
    run.network.weights.forEach((W, i) => {
      if (i !== q) expect(W.some((w) => w !== 0) && W.every((w) => Math.abs(w) <= 1)).toBe(true); // uniform, range 2
    });
  });

  it('stops a diverging graph run where its epoch began, and never saves a state a file cannot hold', () => {
    const base = randomGraph(3, 'squared-error', false);
    const model: ModelDocument = { ...base, training: { ...base.training, learningRate: 1e200, momentum: 0 } };
    const run = new GraphRun(model);
    const start = Array.from(run.network.params);
    run.advance(1); // mid-epoch: the weights have already left what a file holds
    const saved = parseModel(JSON.parse(JSON.stringify(run.toModel())));
    expect(saved.ok).toBe(true);
    expect(Array.from(run.network.params)).toEqual(start);
    expect(run.advance(100)).toMatchObject({ presented: 0, stop: 'diverged', message: expect.stringMatching(/^Training diverged in epoch 1/) });
    const again = new GraphRun(model);
    expect(again.advance(100)).toMatchObject({ stop: 'diverged' });
    expect(Array.from(again.network.params)).toEqual(start);
    expect(again.epoch).toBe(0);
  });

  it('leaves a frozen projection\'s weights as they were', () => {
    const model = randomGraph(4, 'squared-error', true);
    const q = model.projections!.findIndex((p) => p.learn === false);
    const run = new GraphRun(model);
    const before = Array.from(run.network.weights[q]);
    run.advance(4 * 50);
    expect(Array.from(run.network.weights[q])).toEqual(before);
    expect(run.tssHistory[49]).toBeLessThan(run.tssHistory[0]);
  });
});
