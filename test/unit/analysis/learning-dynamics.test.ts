/**
 * Mode strengths and the Saxe theory (science.md, "Learning dynamics of deep linear networks"): the engine's
 * training, read through the modes, against an exact iteration of the discrete full-batch update written
 * here; half-times against the analytic curve; when the theory applies. Feedback alignment's angles against
 * vectors whose angles are known.
 */
import { describe, expect, it } from 'vitest';
import { feedbackAlignmentAngles, signalAngle, weightAngle } from '../../../src-shared/analysis/dynamics/feedback-angles';
import { correlationModes, linearModeStrengths, modeStrengthsOf, outputInputCorrelation } from '../../../src-shared/analysis/dynamics/mode-strengths';
import { halfTime, saxeTheoryApplies } from '../../../src-shared/analysis/dynamics/saxe-theory';
import { subspaceInitialStrengths } from '../../../src-shared/analysis/dynamics/initial-strengths';
import { modeStrengthsAt } from '../../../src-shared/analysis/dynamics/strengths-at';
import { feedbackAnglesAt } from '../../../src-shared/analysis/dynamics/angles-at';
import { findExample } from '../../../src-shared/data/examples';
import { fourItems } from '../../../src-shared/data/semantic-items';
import { estimatedInitialStrengths, predictedStrength } from '../../../src-shared/engine/modes';
import { Simulation } from '../../../src-shared/engine/simulation';
import { createModel } from '../../../src-shared/model/create';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { layersFor } from '../engine/helpers';

const { patterns } = fourItems();
const modes = correlationModes(patterns);

function linearNetwork(hidden: number, learningRate: number, sd: number): ModelDocument {
  return createModel({
    name: 'deep linear', description: '',
    layers: layersFor({ sizes: [4, hidden, 7], activation: 'linear', bias: false }),
    patterns,
    training: { update: 'batch', order: 'sequential', learningRate, momentum: 0, init: { kind: 'gaussian', sd }, errorCriterion: 0, maxEpochs: 1e9 },
  });
}

/** Row-major Float64Array → rows. */
const rows = (W: Float64Array, r: number, c: number) => Array.from({ length: r }, (_, i) => Array.from(W.subarray(i * c, (i + 1) * c)));

/**
 * One full-batch epoch of backprop with squared error, written out: o = W2 W1 x, δ_o = −(t − o),
 * δ_h = W2ᵀ δ_o, ΔW2 = −λ Σ δ_o hᵀ, ΔW1 = −λ Σ δ_h xᵀ, both from the weights at the start of the epoch.
 */
function exactEpoch(W1: number[][], W2: number[][], lambda: number): [number[][], number[][]] {
  const g1 = W1.map((row) => row.map(() => 0));
  const g2 = W2.map((row) => row.map(() => 0));
  for (const { input: x, target } of patterns) {
    const h = W1.map((row) => row.reduce((s, w, i) => s + w * x[i], 0));
    const o = W2.map((row) => row.reduce((s, w, k) => s + w * h[k], 0));
    const dOut = o.map((ok, k) => -((target[k] as number) - ok));
    const dHid = h.map((_, k) => W2.reduce((s, row, m) => s + row[k] * dOut[m], 0));
    dOut.forEach((d, m) => h.forEach((hk, k) => { g2[m][k] += d * hk; }));
    dHid.forEach((d, k) => x.forEach((xi, i) => { g1[k][i] += d * xi; }));
  }
  return [W1.map((row, k) => row.map((w, i) => w - lambda * g1[k][i])), W2.map((row, m) => row.map((w, k) => w - lambda * g2[m][k]))];
}

describe('the modes of Σ31', () => {
  it('are √7, √3 and a two-mode subspace at 1 for the four items, and U S Vᵀ gives Σ31 back', () => {
    [Math.sqrt(7), Math.sqrt(3), 1, 1].forEach((s, alpha) => expect(modes.strengths[alpha]).toBeCloseTo(s, 12));
    expect(modes.subspaces.map((sub) => sub.modes)).toEqual([[0], [1], [2, 3]]);
    modes.sigma31.forEach((row, k) => row.forEach((value, i) => {
      const rebuilt = modes.strengths.reduce((sum, s, a) => sum + modes.outputDirections[a][k] * s * modes.inputDirections[a][i], 0);
      expect(rebuilt).toBeCloseTo(value, 12);
    }));
    // grow holds for every item: Σ31's first row is (1, 1, 1, 1).
    expect(modes.sigma31[0]).toEqual([1, 1, 1, 1]);
  });

  it('give a trained map its own singular values: a network equal to Σ31 has strengths S, the pair as its subspace', () => {
    const strengths = modeStrengthsOf(modes.sigma31, modes, 'descriptive');
    strengths.perMode.forEach((a, alpha) => expect(a).toBeCloseTo(modes.strengths[alpha], 12));
    expect(strengths.perSubspace[2]).toEqual([expect.closeTo(1, 12), expect.closeTo(1, 12)]);
    // The descriptive strength reads outputs: outputs equal to the targets give Σ31 itself.
    const fromOutputs = outputInputCorrelation(patterns.map((p) => p.input), patterns.map((p) => p.target as number[]));
    expect(fromOutputs).toEqual(modes.sigma31);
  });
});

describe('mode strengths over training', () => {
  it('equal an exact iteration of the discrete batch update to 1e-9 relative (the four-item network, 64 hidden units)', () => {
    const example = findExample('semantic')!.build();
    // Pinned (λ = 0.02, σ = 0.01, seed 1) so later changes to the example's settings do not move the test, and
    // λ 200 times the example's so that 400 epochs cover the whole course; no stopping criterion, which would
    // end the run mid-comparison.
    const model = {
      ...example,
      training: { ...example.training, learningRate: 0.02, init: { kind: 'gaussian' as const, sd: 0.01 }, seed: 1, errorCriterion: 0, maxEpochs: 1e9 },
    };
    const simulation = new Simulation(model);
    const { network } = simulation;
    const [inputs, hidden, outputs] = network.sizes;
    let W1 = rows(network.weights[0], hidden, inputs);
    let W2 = rows(network.weights[1], outputs, hidden);
    const lambda = model.training.learningRate;
    const stages = { weights: [] as Float64Array[] };
    for (let t = 1; t <= 400; t++) {
      [W1, W2] = exactEpoch(W1, W2, lambda);
      if (t % 20 !== 0) continue;
      simulation.advance(Number.MAX_SAFE_INTEGER, t);
      const engine = linearModeStrengths(network.weights, network.sizes, modes);
      const exact = modeStrengthsOf(W2.map((row) => W1[0].map((_, i) => row.reduce((s, w, k) => s + w * W1[k][i], 0))), modes, 'linear map');
      engine.perMode.forEach((a, alpha) => expect(Math.abs(a - exact.perMode[alpha]), `mode ${alpha} at epoch ${t}`).toBeLessThanOrEqual(1e-9 * Math.abs(exact.perMode[alpha])));
      engine.perSubspace.flat().forEach((a, i) => expect(Math.abs(a - exact.perSubspace.flat()[i])).toBeLessThanOrEqual(1e-9 * Math.abs(a)));
      if (t === 100) stages.weights = network.weights.map((W) => W.slice());
    }
    // At epoch 100 (λ = 0.02) the strongest mode is mostly learned and the weakest barely started: the stages.
    const atHundred = linearModeStrengths(stages.weights, network.sizes, modes).perMode;
    expect(atHundred[0] / modes.strengths[0]).toBeGreaterThan(0.8);
    expect(Math.min(atHundred[2], atHundred[3]) / modes.strengths[3]).toBeLessThan(0.2);
    // And by 400 every mode is (the comparison above covered the whole course).
    linearModeStrengths(network.weights, network.sizes, modes).perMode.forEach((a, alpha) => expect(a / modes.strengths[alpha]).toBeGreaterThan(0.99));
  });

  it('on the semantic example from its small random weights, reach half their strength within 3% of the analytic half-time', () => {
    const started = performance.now();
    const model = findExample('semantic')!.build();
    expect(saxeTheoryApplies(model)).toEqual({ holds: true });
    const lambda = model.training.learningRate;
    expect(lambda * modes.strengths[0]).toBeLessThanOrEqual(5e-4);
    const simulation = new Simulation({ ...model, training: { ...model.training, errorCriterion: 0 } });
    const { network } = simulation;
    // a_0 from the starting weights, per subspace (the pair with s = 1 by its singular values).
    const a0 = subspaceInitialStrengths(network.weights, network.sizes, modes);
    const analytic = modes.subspaces.map((sub, j) => a0[j].map((a) => halfTime(sub.s, a, lambda)!));
    analytic.flat().forEach((t) => expect(t).toBeGreaterThan(1000));
    // The analytic half-time is where the formula itself reaches s/2.
    modes.subspaces.forEach((sub, j) => a0[j].forEach((a, c) => expect(predictedStrength(sub.s, a, analytic[j][c], lambda)).toBeCloseTo(sub.s / 2, 10)));
    const measured: (number | null)[][] = analytic.map((row) => row.map(() => null));
    let previous = linearModeStrengths(network.weights, network.sizes, modes).perSubspace;
    const every = 20;
    for (let t = every; measured.flat().includes(null) && t <= 2 * Math.max(...analytic.flat()); t += every) {
      simulation.advance(Number.MAX_SAFE_INTEGER, t);
      const now = linearModeStrengths(network.weights, network.sizes, modes).perSubspace;
      modes.subspaces.forEach(({ s }, j) => now[j].forEach((a, c) => {
        if (measured[j][c] === null && a >= s / 2) measured[j][c] = t - every + (every * (s / 2 - previous[j][c])) / (a - previous[j][c]);
      }));
      previous = now;
    }
    measured.forEach((row, j) => row.forEach((t, c) => {
      expect(Math.abs(t! - analytic[j][c]) / analytic[j][c], `subspace ${j}, component ${c}: ${t} vs ${analytic[j][c]}`).toBeLessThan(0.03);
    }));
    // Stronger modes first; every mode learned before the example's last epoch.
    expect(measured[0][0]!).toBeLessThan(measured[1][0]!);
    expect(measured[1][0]!).toBeLessThan(Math.min(...measured[2].map((t) => t!)));
    expect(Math.max(...measured.flat().map((t) => t!))).toBeLessThan(model.training.maxEpochs / 2);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('start, per subspace, from the lone-mode estimate of a_0 where a mode is alone, and the same for any basis of a shared subspace', () => {
    const simulation = new Simulation(linearNetwork(16, 0.01, 0.1));
    const { weights, sizes } = simulation.network;
    const perSubspace = subspaceInitialStrengths(weights, sizes, modes);
    const lone = estimatedInitialStrengths(weights, sizes, modes);
    expect(perSubspace[0][0]).toBeCloseTo(lone[0], 14);
    expect(perSubspace[1][0]).toBeCloseTo(lone[1], 14);
    // The pair: the eigenvalues of the 2 × 2 Gram matrix of its columns, whose trace is the two lone estimates' sum.
    expect(perSubspace[2][0] + perSubspace[2][1]).toBeCloseTo(lone[2] + lone[3], 14);
    // Rotate the pair's basis (u and v together) by 30°: the subspace's a_0 does not move.
    const [u2, u3] = [modes.outputDirections[2], modes.outputDirections[3]];
    const [v2, v3] = [modes.inputDirections[2], modes.inputDirections[3]];
    const c = Math.cos(Math.PI / 6);
    const sn = Math.sin(Math.PI / 6);
    const rotated = {
      ...modes,
      outputDirections: [modes.outputDirections[0], modes.outputDirections[1], u2.map((x, k) => c * x + sn * u3[k]), u2.map((x, k) => -sn * x + c * u3[k])],
      inputDirections: [modes.inputDirections[0], modes.inputDirections[1], v2.map((x, k) => c * x + sn * v3[k]), v2.map((x, k) => -sn * x + c * v3[k])],
    };
    const again = subspaceInitialStrengths(weights, sizes, rotated);
    again[2].forEach((a, k) => expect(a).toBeCloseTo(perSubspace[2][k], 14));
    expect(() => subspaceInitialStrengths([weights[0]], [4, 16], modes)).toThrow(/one hidden layer/);
  });

  it('read from the trainer’s nested rows equal the engine’s, linear or descriptive', () => {
    const simulation = new Simulation(linearNetwork(16, 0.01, 0.1));
    simulation.advance(Number.MAX_SAFE_INTEGER, 30);
    const { weights, biases } = simulation.weightRows();
    const model = linearNetwork(16, 0.01, 0.1);
    const atRows = modeStrengthsAt(model.layers, patterns, modes, weights, biases);
    expect(atRows.kind).toBe('linear map');
    expect(atRows.perMode).toEqual(linearModeStrengths(simulation.network.weights, simulation.network.sizes, modes).perMode);
    // A logistic network: the descriptive strength from its outputs.
    const logistic = createModel({
      name: 'logistic', description: '', layers: layersFor({ sizes: [4, 5, 7], activation: 'logistic' }), patterns,
      training: { update: 'batch', learningRate: 0.5, momentum: 0, init: { kind: 'gaussian', sd: 0.5 }, errorCriterion: 0, maxEpochs: 1e9 },
    });
    const run = new Simulation(logistic);
    const rowsNow = run.weightRows();
    const descriptive = modeStrengthsAt(logistic.layers, patterns, modes, rowsNow.weights, rowsNow.biases);
    expect(descriptive.kind).toBe('descriptive');
    const outputs = run.activationsForAllPatterns()[2];
    expect(descriptive.perMode).toEqual(modeStrengthsOf(outputInputCorrelation(patterns.map((p) => p.input), outputs), modes, 'descriptive').perMode);
  });
});

describe('when the theory applies', () => {
  it('holds for the semantic example', () => {
    expect(saxeTheoryApplies(findExample('semantic')!.build())).toEqual({ holds: true });
  });

  it('names every assumption the Rumelhart network breaks', () => {
    const verdict = saxeTheoryApplies(findExample('rumelhart')!.build());
    expect(verdict.holds).toBe(false);
    const reasons = verdict.holds ? [] : verdict.reasons;
    expect(reasons).toEqual(expect.arrayContaining([
      expect.stringMatching(/one hidden layer; this network has 2/),
      'layer "representation" is logistic, not linear',
      'layer "representation" has a bias',
      expect.stringMatching(/updates are after every pattern/),
      'momentum is 0.9, not 0',
      expect.stringMatching(/Σ_p i_p i_pᵀ is not the identity/),
    ]));
  });

  it('says so for feedback alignment, cross-entropy, decay and minibatches', () => {
    const model = findExample('semantic')!.build();
    const verdict = saxeTheoryApplies({ ...model, training: { ...model.training, rule: 'feedback-alignment', weightDecay: 0.1, update: 'minibatch', batchSize: 2 } });
    expect(verdict).toEqual({ holds: false, reasons: ['the rule is feedback-alignment, not backpropagation', 'updates are every 2 patterns, not once per epoch (full batch)', 'weight decay is 0.1, not 0'] });
    const whole = saxeTheoryApplies({ ...model, training: { ...model.training, update: 'minibatch', batchSize: 4 } });
    expect(whole).toEqual({ holds: true });
  });

  it('has no half-time for a mode that starts at or past half its strength', () => {
    expect(halfTime(1, 0.5, 0.01)).toBeNull();
    expect(halfTime(1, -0.01, 0.01)).toBeNull();
    // s = 2, a_0 = 0.02: t½ = ln(99) / (2 · 2 · 0.01).
    expect(halfTime(2, 0.02, 0.01)).toBeCloseTo(Math.log(99) / 0.04, 12);
  });
});

describe('feedback alignment’s angles', () => {
  it('are the angles between vectors computed directly', () => {
    // W = I₂, F = [[1, 1], [0, 1]]: vec angle between (1,0,0,1) and (1,1,0,1): cos = 2/(√2 √3).
    const W = [1, 0, 0, 1];
    const F = [1, 1, 0, 1];
    expect(weightAngle(W, F)).toBeCloseTo((Math.acos(2 / Math.sqrt(6)) * 180) / Math.PI, 12);
    // δ = (1, 0): Wᵀδ = (1, 0), Fᵀδ = (1, 1): 45°. δ = (0, 1): Wᵀδ = (0, 1), Fᵀδ = (0, 1): 0°. δ = 0 is skipped.
    const angle = signalAngle(W, F, 2, 2, [[1, 0], [0, 1], [0, 0]]);
    expect(angle.patternsUsed).toBe(2);
    expect(angle.degrees).toBeCloseTo(22.5, 12);
    expect(signalAngle(W, [-1, 0, 0, -1], 2, 2, [[3, 4]]).degrees).toBeCloseTo(180, 12);
    expect(signalAngle(W, F, 2, 2, [[0, 0]])).toEqual({ degrees: null, patternsUsed: 0 });
    expect(() => weightAngle([1, 2], [1])).toThrow(/same shape/);
  });
});

describe('feedback alignment’s angles over a run', () => {
  const layers = layersFor({ sizes: [4, 64, 64, 7], activation: 'tanh' });
  const build = (rule: 'backprop' | 'feedback-alignment') => createModel({
    name: 'fa', description: '', layers, patterns: patterns.map((p) => ({ ...p, target: p.target.map((t) => (t as number) * 0.8) })),
    training: { rule, update: 'batch', learningRate: 0.02, momentum: 0, init: { kind: 'gaussian', sd: 0.2 }, errorCriterion: 0, maxEpochs: 1e9 },
  });

  it('are 0° for backpropagation, whose deltas go back through W itself', () => {
    const angles = feedbackAlignmentAngles(new Simulation(build('backprop')));
    expect(angles.map((a) => a.projection)).toEqual([1, 2]);
    for (const a of angles) {
      expect(a.weightAngle).toBeCloseTo(0, 5);
      expect(a.signalAngle).toBeCloseTo(0, 5);
    }
  });

  it('start near 90° for feedback alignment and equal the direct computation from Step through’s deltas', () => {
    const simulation = new Simulation(build('feedback-alignment'));
    const [first, second] = feedbackAlignmentAngles(simulation);
    // 64 × 64 independent random entries: vec(W) and vec(F) are nearly orthogonal.
    expect(Math.abs(second.weightAngle! - 90)).toBeLessThan(5);
    const W = simulation.network.weights[2];
    const F = simulation.backwardMatrix(2);
    let sum = 0;
    for (let p = 0; p < 4; p++) {
      const delta = simulation.inspect(p).layers[3].delta!;
      const viaW = Array.from({ length: 64 }, (_, c) => delta.reduce((s, d, r) => s + W[r * 64 + c] * d, 0));
      const viaF = Array.from({ length: 64 }, (_, c) => delta.reduce((s, d, r) => s + F[r * 64 + c] * d, 0));
      const cos = viaW.reduce((s, x, c) => s + x * viaF[c], 0) / Math.hypot(...viaW) / Math.hypot(...viaF);
      sum += (Math.acos(cos) * 180) / Math.PI;
    }
    expect(second.signalAngle).toBeCloseTo(sum / 4, 9);
    expect(first.projection).toBe(1);
  });

  it('computed from the weights alone (as the view gets them) equal the running simulation’s, F drawn from the seed', () => {
    const model = build('feedback-alignment');
    const simulation = new Simulation(model);
    simulation.advance(Number.MAX_SAFE_INTEGER, 25);
    const { weights, biases } = simulation.weightRows();
    const fromRows = feedbackAnglesAt(model.layers, model.patterns, model.training, weights, biases, null);
    const fromRun = feedbackAlignmentAngles(simulation);
    expect(fromRows.map((a) => a.projection)).toEqual([1, 2]);
    fromRows.forEach((a, k) => {
      expect(a.weightAngle).toBeCloseTo(fromRun[k].weightAngle!, 10);
      expect(a.signalAngle).toBeCloseTo(fromRun[k].signalAngle!, 10);
    });
    // After training, the forward weights have moved towards F: below the starting angle.
    const start = feedbackAlignmentAngles(new Simulation(model));
    expect(fromRows[1].weightAngle!).toBeLessThan(start[1].weightAngle!);
  });
});
