/** Looking inside: one pattern's forward pass, error, deltas and weight changes; all patterns' activations; test-set tss. */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import { buildModel, checked, parameters, randomPatterns } from './helpers';

const patterns = randomPatterns(3, 2, { count: 5, seed: 12, targets: 'binary' });
const model = () => checked(buildModel({ sizes: [3, 4, 2], activation: ['tanh', 'logistic'] }, patterns,
  { order: 'sequential', learningRate: 0.4, momentum: 0.6, weightDecay: 0.01, seed: 2 }));

describe('inspecting one pattern', () => {
  it('shows the forward pass, e = t − o, and δ = ∂L/∂n flowing back down, as docs/science.md defines them', () => {
    const simulation = new Simulation(model());
    simulation.advance(7); // some momentum to show
    const before = simulation.state();
    const view = simulation.inspect(2);
    expect(simulation.state()).toEqual(before); // applies nothing
    const [W0, W1] = before.weights;
    const [b1, b2] = before.biases;
    const x = patterns[2].input;
    const n1 = W0.map((row, r) => row.reduce((s, w, c) => s + w * x[c], b1[r]));
    const h1 = n1.map(Math.tanh);
    const n2 = W1.map((row, r) => row.reduce((s, w, c) => s + w * h1[c], b2[r]));
    const o = n2.map((n) => 1 / (1 + Math.exp(-n)));
    view.layers[1].netInput.forEach((n, r) => expect(n).toBeCloseTo(n1[r], 14));
    view.layers[1].activation.forEach((h, r) => expect(h).toBeCloseTo(h1[r], 14));
    view.output.forEach((v, k) => expect(v).toBeCloseTo(o[k], 14));
    const e = patterns[2].target.map((t, k) => t! - o[k]);
    view.error.forEach((v, k) => expect(v).toBeCloseTo(e[k], 14));
    const d2 = e.map((ek, k) => -ek * o[k] * (1 - o[k]));
    view.layers[2].delta!.forEach((d, k) => expect(d).toBeCloseTo(d2[k], 14));
    const d1 = h1.map((h, c) => W1.reduce((s, row, k) => s + row[c] * d2[k], 0) * (1 - h * h));
    view.layers[1].delta!.forEach((d, c) => expect(d).toBeCloseTo(d1[c], 14));
    expect(view.layers[0].delta).toBeNull();
    expect(view.pss).toBeCloseTo(e.reduce((s, v) => s + v * v, 0), 14);
    expect(view.loss).toBeCloseTo(view.pss / 2, 14);
    // ΔW^1 = −λ δ_2 h_1ᵀ
    view.weightLayers[1].weightChange.weights.forEach((row, k) => row.forEach((dw, c) => expect(dw).toBeCloseTo(-0.4 * d2[k] * h1[c], 14)));
    expect(view.signConvention).toMatch(/negative delta means the net input should rise/);
  });

  it('reports, bit for bit, the change an online update on the pattern then applies', () => {
    const simulation = new Simulation(model());
    simulation.advance(7);
    const cursor = simulation.state().cursor!;
    const next = cursor.order[cursor.position];
    const view = simulation.inspect(next);
    const before = simulation.state();
    simulation.advance(1);
    const after = simulation.state();
    view.weightLayers.forEach((layer, j) => {
      expect(after.weightMomentum[j]).toEqual(layer.onlineUpdate.weights);
      expect(after.biasMomentum[j]).toEqual(layer.onlineUpdate.biases);
      expect(after.weights[j]).toEqual(before.weights[j].map((row, r) => row.map((w, c) => w + layer.onlineUpdate.weights[r][c])));
    });
  });

  it('inspects any input, with "don\'t care" targets', () => {
    const simulation = new Simulation(model());
    const view = simulation.inspect([0.5, -1, 2], [1, null], 'probe');
    expect(view.name).toBe('probe');
    expect(view.error[1]).toBeNull();
    expect(view.target).toEqual([1, null]);
    expect(view.layers[2].delta![1]).toBe(0);
  });
});

describe('representations and test sets', () => {
  it('returns every pattern’s activations in every layer at once', () => {
    const simulation = new Simulation(model());
    simulation.advance(13);
    const all = simulation.activationsForAllPatterns();
    expect(all).toHaveLength(3);
    expect(all[1]).toHaveLength(patterns.length);
    patterns.forEach((_, p) => expect(all[1][p]).toEqual(simulation.inspect(p).layers[1].activation));
  });

  it('records the test set’s tss after every epoch beside the training tss', () => {
    const withTest = model();
    const testPatterns = randomPatterns(3, 2, { count: 3, seed: 13, targets: 'binary' });
    withTest.testPatterns = testPatterns;
    const simulation = new Simulation(checked(withTest));
    for (let epoch = 1; epoch <= 5; epoch++) {
      simulation.advance(Number.MAX_SAFE_INTEGER, epoch);
      const net = simulation.network;
      let tss = 0;
      for (const pattern of testPatterns) {
        const o = net.forward(pattern.input);
        tss += pattern.target.reduce<number>((pss, t, k) => pss + (t! - o[k]) ** 2, 0);
      }
      expect(simulation.testTssHistory).toHaveLength(epoch);
      expect(simulation.testTssHistory[epoch - 1]).toBe(tss);
      expect(simulation.state().testTssHistory).toEqual(simulation.testTssHistory);
    }
    expect(parameters(simulation).every(Number.isFinite)).toBe(true);
  });
});
