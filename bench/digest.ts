/**
 * `npx tsx bench/digest.ts`: a fingerprint of the exact bits many runs end with (weights, momentum, pending
 * gradient, tss history), for checking that a faster kernel computes the same bits as before. Each run is
 * done twice, in different slicings of advance() calls, and both must agree.
 */
import type { ActivationName, LayerSpec, ModelDocument, TrainingSettings } from '../src-shared/model/schema';
import { createModel } from '../src-shared/model/create';
import { Simulation } from '../src-shared/engine/simulation';
import { benchCases } from './cases';
import { hashRun, lcg, printFingerprints } from './support';

const fingerprint = (sim: Simulation) => hashRun(sim, [sim.cursor.tss, sim.cursor.position]);

interface Variant {
  name: string;
  sizes: number[];
  hidden: ActivationName;
  output: ActivationName;
  bias?: boolean[];
  learn?: boolean[];
  training: Partial<TrainingSettings>;
  patterns: ModelDocument['patterns'];
  presentations: number;
}

function model(v: Variant): ModelDocument {
  const D = v.sizes.length - 1;
  const layers: LayerSpec[] = v.sizes.map((units, j) => ({
    kind: j === 0 ? 'input' : j === D ? 'output' : 'hidden', name: `l${j}`, units,
    activation: j === 0 ? 'linear' : j === D ? v.output : v.hidden,
    bias: j > 0 && (v.bias?.[j] ?? true), learn: v.learn?.[j] ?? true,
  }));
  return createModel({
    name: v.name, description: '', layers, patterns: v.patterns,
    training: { errorCriterion: 0, maxEpochs: 1e9, ...v.training },
  });
}

const rand = lcg(7);
const oneHot = (n: number, i: number) => Array.from({ length: n }, (_, k) => (k === i ? 1 : 0));
const encoder = Array.from({ length: 8 }, (_, i) => ({ name: `p${i}`, input: oneHot(8, i), target: oneHot(8, i) }));
const dense = (count: number, inputs: number, outputs: number, dontCare = false) => Array.from({ length: count }, (_, p) => ({
  name: `d${p}`,
  input: Array.from({ length: inputs }, () => (rand() < 0.2 ? 0 : rand() * 2 - 1)),
  target: Array.from({ length: outputs }, () => (dontCare && rand() < 0.1 ? null : rand() < 0.4 ? 1 : 0)),
}));
const softTargets = (count: number, inputs: number, outputs: number) => Array.from({ length: count }, (_, p) => ({
  name: `s${p}`, input: Array.from({ length: inputs }, () => rand()), target: oneHot(outputs, p % outputs),
}));
const sparse = (count: number, inputs: number, outputs: number) => Array.from({ length: count }, (_, p) => ({
  name: `z${p}`, input: Array.from({ length: inputs }, (_, k) => (k % 3 === p % 3 ? (rand() < 0.5 ? -0 : 0) : rand() < 0.5 ? 1 : -2)),
  target: Array.from({ length: outputs }, () => (rand() < 0.5 ? 1 : 0)),
}));

/** Mostly ±0 inputs with a few ±1 and 0.5: the sparse-input kernels' case, signs of zero included. */
const binary = (count: number, inputs: number, outputs: number) => Array.from({ length: count }, (_, p) => ({
  name: `b${p}`,
  input: Array.from({ length: inputs }, (_, k) => (k % 5 === p % 5 && p % 4 !== 0 ? (rand() < 0.5 ? 1 : -0.5) : rand() < 0.5 ? -0 : 0)),
  target: Array.from({ length: outputs }, () => (rand() < 0.5 ? 1 : 0)),
}));

const variants: Variant[] = [];
for (const c of benchCases()) {
  const big = c.sizes[0] > 100;
  variants.push({
    name: c.name, sizes: c.sizes, hidden: c.hidden, output: c.output, patterns: big ? c.patterns.slice(0, 256) : c.patterns,
    training: {
      update: c.update, batchSize: c.patternsPerUpdate, learningRate: c.learningRate, momentum: c.momentum,
      loss: c.output === 'softmax' ? 'cross-entropy' : 'squared-error', init: { kind: 'uniform', range: big ? 0.05 : 1 },
    },
    presentations: big ? (c.sizes.length > 3 ? 256 : 1024) : 4000,
  });
}
const updates = [
  { update: 'online' }, { update: 'batch' }, { update: 'minibatch', batchSize: 3 }, { update: 'minibatch', batchSize: 5 },
  { update: 'minibatch', batchSize: 8 },
] as const;
for (const u of updates) {
  const tag = `${u.update}${'batchSize' in u ? u.batchSize : ''}`;
  variants.push({ name: `enc ${tag}`, sizes: [8, 3, 8], hidden: 'logistic', output: 'logistic', patterns: encoder, training: { ...u, learningRate: 0.5 }, presentations: 800 });
  variants.push({ name: `enc decay ${tag}`, sizes: [8, 3, 8], hidden: 'logistic', output: 'logistic', patterns: encoder, training: { ...u, weightDecay: 1e-3 }, presentations: 800 });
  variants.push({ name: `enc seq ${tag}`, sizes: [8, 5, 8], hidden: 'tanh', output: 'logistic', patterns: encoder, training: { ...u, order: 'sequential', momentum: 0 }, presentations: 800 });
  variants.push({ name: `sparse relu ${tag}`, sizes: [7, 6, 5, 3], hidden: 'relu', output: 'linear', patterns: sparse(9, 7, 3), training: { ...u, learningRate: 0.01 }, presentations: 900 });
  variants.push({ name: `sparse nobias ${tag}`, sizes: [7, 9, 3], hidden: 'logistic', output: 'logistic', bias: [false, false, true], patterns: sparse(9, 7, 3), training: { ...u, learningRate: 0.1 }, presentations: 900 });
  variants.push({ name: `dense ce ${tag}`, sizes: [6, 10, 7, 5], hidden: 'tanh', output: 'logistic', patterns: dense(11, 6, 5, true), training: { ...u, loss: 'cross-entropy', learningRate: 0.05 }, presentations: 990 });
  variants.push({ name: `dense fa ${tag}`, sizes: [6, 10, 7, 5], hidden: 'logistic', output: 'logistic', patterns: dense(11, 6, 5), training: { ...u, rule: 'feedback-alignment', learningRate: 0.2 }, presentations: 990 });
  variants.push({ name: `frozen ${tag}`, sizes: [6, 9, 5], hidden: 'logistic', output: 'logistic', learn: [true, false, true], patterns: dense(10, 6, 5), training: { ...u, learningRate: 0.2 }, presentations: 990 });
  variants.push({ name: `frozen top ${tag}`, sizes: [6, 9, 5], hidden: 'relu', output: 'logistic', learn: [true, true, false], patterns: dense(10, 6, 5), training: { ...u, learningRate: 0.2 }, presentations: 990 });
  variants.push({ name: `softmax ${tag}`, sizes: [9, 13, 6], hidden: 'relu', output: 'softmax', patterns: softTargets(12, 9, 6), training: { ...u, loss: 'cross-entropy', learningRate: 0.05 }, presentations: 960 });
  variants.push({ name: `binary ${tag}`, sizes: [10, 6, 4], hidden: 'logistic', output: 'logistic', patterns: binary(12, 10, 4), training: { ...u, learningRate: 0.3 }, presentations: 960 });
  variants.push({ name: `binary nobias ${tag}`, sizes: [10, 6, 4], hidden: 'tanh', output: 'linear', bias: [false, false, false], patterns: binary(12, 10, 4), training: { ...u, learningRate: 0.05, momentum: 0 }, presentations: 960 });
  variants.push({ name: `binary relu ${tag}`, sizes: [10, 8, 8, 4], hidden: 'relu', output: 'logistic', bias: [false, false, true, true], patterns: binary(12, 10, 4), training: { ...u, learningRate: 0.3, init: { kind: 'gaussian', sd: 0.5 } }, presentations: 960 });
  variants.push({ name: `delta ${tag}`, sizes: [7, 4], hidden: 'logistic', output: 'linear', patterns: sparse(9, 7, 4), training: { ...u, rule: 'delta', learningRate: 0.02 }, presentations: 900 });
}

printFingerprints(variants.map((v) => ({ name: v.name, make: () => new Simulation(model(v)), presentations: v.presentations })), fingerprint);

// The sparse kernels against the dense ones on random shapes full of signed zeros, with and without
// momentum: the same bits, signs of zero included.
{
  const { forwardProduct, gradientUpdate } = await import('../src-shared/engine/kernels');
  const { sparseForwardProduct, sparseGradientUpdate, sparseInputGradientUpdate } = await import('../src-shared/engine/sparse');
  const r = lcg(11);
  const pick = (zeros: number) => (r() < zeros ? (r() < 0.5 ? -0 : 0) : r() < 0.5 ? r() * 2 - 1 : r() < 0.5 ? 1 : -1);
  const same = (a: Float64Array, b: Float64Array) => a.every((x, i) => Object.is(x, b[i]));
  let bad = 0;
  for (let trial = 0; trial < 3000; trial++) {
    const m = 1 + Math.floor(r() * 9), N = 1 + Math.floor(r() * 13), K = 1 + Math.floor(r() * 19);
    const zD = r(), zH = r(), zM = r();
    const D = Float64Array.from({ length: m * N }, () => pick(zD));
    const H = Float64Array.from({ length: m * K }, () => pick(zH));
    const W0 = Float64Array.from({ length: N * K }, () => pick(0.3));
    const M0 = Float64Array.from({ length: N * K }, () => pick(zM));
    const b = Float64Array.from({ length: N }, () => pick(0.5));
    const lr = r() < 0.2 ? 0 : r(), alpha = r() < 0.3 ? 0 : r();
    const W1 = W0.slice(), M1 = M0.slice(), W2 = W0.slice(), M2 = M0.slice(), W3 = W0.slice(), M3 = M0.slice();
    gradientUpdate(D, H, W1, M1, m, N, K, lr, alpha);
    sparseGradientUpdate(D, H, W2, M2, m, N, K, lr, alpha, new Int32Array(m), new Float64Array(m));
    sparseInputGradientUpdate(D, H, W3, M3, m, N, K, lr, alpha, new Int32Array(m), new Float64Array(m));
    const o1 = new Float64Array(m * N), o2 = new Float64Array(m * N);
    forwardProduct(H, W0, b, o1, m, K, N);
    sparseForwardProduct(H, W0, b, o2, m, K, N, new Int32Array(K), new Float64Array(K));
    if (!same(W1, W2) || !same(M1, M2) || !same(W1, W3) || !same(M1, M3) || !same(o1, o2)) bad++;
  }
  console.log(`sparse kernels against dense: ${bad === 0 ? 'the same bits in 3000 random cases' : `${bad} of 3000 cases DIFFER`}`);
}
