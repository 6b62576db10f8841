/**
 * Gradients against an independent implementation: @tensorflow/tfjs autodiff (tf.variableGrads, cpu
 * backend) on random networks of every activation and loss. tfjs computes in float32, so both sides start
 * from the same float32-representable weights and patterns; the engine then computes in Float64, and we
 * require agreement to 1e-5 relative, per weight layer, in norm and element by element (relative to the
 * layer's largest component: a float32 sum of many terms cannot do better on a small one).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { ActivationName, LossName, Pattern } from '../../../src-shared/model/schema';
import { buildModel, checked, randomPatterns, testRandom, type NetSpec } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const activations: ActivationName[] = ['linear', 'logistic', 'tanh', 'relu'];

interface Case { name: string; spec: NetSpec; loss: LossName }

function cases(): Case[] {
  const list: Case[] = [];
  activations.forEach((activation, i) => {
    const depth = 2 + (i % 3);
    const sizes = [6, 7, 5, 6, 4].slice(0, depth).concat(4);
    const hidden = Array<ActivationName>(depth - 1).fill(activation);
    list.push({ name: `${activation}, squared error`, loss: 'squared-error', spec: { sizes, activation: [...hidden, activation] } });
    list.push({ name: `${activation} hidden, logistic out, cross-entropy`, loss: 'cross-entropy', spec: { sizes, activation: [...hidden, 'logistic'] } });
    list.push({ name: `${activation} hidden, softmax out, cross-entropy`, loss: 'cross-entropy', spec: { sizes, activation: [...hidden, 'softmax'] } });
  });
  // One network mixing every elementwise activation, layer by layer.
  list.push({ name: 'mixed relu/tanh/logistic/linear, squared error', loss: 'squared-error', spec: { sizes: [5, 6, 6, 6, 3], activation: ['relu', 'tanh', 'logistic', 'linear'] } });
  return list;
}

function toFloat32(patterns: Pattern[]): Pattern[] {
  return patterns.map((p) => ({ ...p, input: p.input.map(Math.fround), target: p.target.map((t) => (t === null ? null : Math.fround(t))) }));
}

function applyActivation(name: ActivationName, n: tf.Tensor2D): tf.Tensor2D {
  switch (name) {
    case 'linear': return n;
    case 'logistic': return tf.sigmoid(n);
    case 'tanh': return tf.tanh(n);
    case 'relu': return tf.relu(n);
    case 'softmax': return tf.softmax(n);
  }
}

/** tfjs's ∂L/∂W^j and ∂L/∂b for the engine's network, weights and patterns. */
function tfjsGradient(simulation: Simulation, c: Case, patterns: Pattern[]): { weights: Float32Array[]; biases: Float32Array[] } {
  const net = simulation.network;
  const acts = net.sizes.slice(1).map((_, j) => (Array.isArray(c.spec.activation) ? c.spec.activation[j] : c.spec.activation));
  return tf.tidy(() => {
    // tfjs multiplies x·W with W as in × out: the transpose of the engine's W^j (out × in).
    const W = net.weights.map((w, j) => tf.variable(tf.tensor2d(Float32Array.from(w), [net.sizes[j + 1], net.sizes[j]]).transpose()));
    const b = net.biases.map((bias) => tf.variable(tf.tensor1d(Float32Array.from(bias))));
    const x = tf.tensor2d(patterns.map((p) => p.input));
    const t = tf.tensor2d(patterns.map((p) => p.target.map((v) => v ?? 0)));
    const mask = tf.tensor2d(patterns.map((p) => p.target.map((v) => (v === null ? 0 : 1))));
    const { grads } = tf.variableGrads(() => {
      let h: tf.Tensor2D = x;
      let n: tf.Tensor2D = x;
      for (let j = 0; j < W.length; j++) {
        n = tf.add(tf.matMul(h, W[j]), b[j]);
        h = applyActivation(acts[j], n);
      }
      const out = acts[acts.length - 1];
      if (c.loss === 'squared-error') return tf.mul(0.5, tf.sum(tf.mul(mask, tf.square(tf.sub(t, h))))) as tf.Scalar;
      if (out === 'softmax') return tf.losses.softmaxCrossEntropy(t, n, undefined, 0, tf.Reduction.SUM) as tf.Scalar;
      return tf.losses.sigmoidCrossEntropy(t, n, mask, 0, tf.Reduction.SUM) as tf.Scalar;
    }, [...W, ...b]);
    return {
      weights: W.map((w) => grads[w.name].transpose().dataSync() as Float32Array),
      biases: b.map((bias) => grads[bias.name].dataSync() as Float32Array),
    };
  });
}

function norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return Math.sqrt(sum);
}

function expectClose(engine: ArrayLike<number>, reference: ArrayLike<number>, what: string): void {
  const diff = Array.from(engine, (v, i) => v - reference[i]);
  const scale = Math.max(...Array.from(reference, Math.abs));
  if (scale === 0) return;
  expect(norm(diff) / norm(reference), `${what}: relative error of the norm`).toBeLessThan(1e-5);
  const worst = Math.max(...diff.map(Math.abs)) / scale;
  expect(worst, `${what}: worst element relative to the layer's largest`).toBeLessThan(1e-5);
}

describe('gradients agree with tfjs autodiff (cpu backend, float32) to 1e-5', () => {
  cases().forEach((c, index) => {
    it(c.name, () => {
      const softmax = Array.isArray(c.spec.activation) && c.spec.activation.at(-1) === 'softmax';
      const patterns = toFloat32(randomPatterns(c.spec.sizes[0], c.spec.sizes.at(-1)!, {
        count: 8, seed: 100 + index, targets: softmax ? 'distribution' : 'unit', dontCare: softmax ? 0 : 0.15,
      }));
      const model = checked(buildModel(c.spec, patterns, { loss: c.loss, init: { kind: 'xavier' }, seed: 7 + index }));
      const simulation = new Simulation(model);
      // Float32 weights and biases (Xavier leaves biases at 0: give them float32 values too).
      const rand = testRandom(index);
      const net = simulation.network;
      net.weights.forEach((W) => W.forEach((w, i) => (W[i] = Math.fround(w))));
      net.biases.forEach((b, j) => {
        if (net.hasBias[j + 1]) b.forEach((_, i) => (b[i] = Math.fround(0.4 * (rand() - 0.5))));
      });
      const engine = simulation.summedGradient();
      const reference = tfjsGradient(simulation, c, patterns);
      engine.weights.forEach((g, j) => expectClose(g, reference.weights[j], `W^${j}`));
      engine.biases.forEach((g, j) => expectClose(g, reference.biases[j], `b_${j + 1}`));
    });
  });
});
