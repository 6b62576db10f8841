/**
 * Every activation × loss × depth (1–4 weight layers): the engine's gradient ∂L/∂W, ∂L/∂b agrees with
 * central finite differences of the loss, in Float64, to a relative error below 1e-6. Checked for the
 * block path training uses in batch modes (summed over the patterns) and for the single-pattern path of
 * online training (through the inspection of each pattern).
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { ActivationName, LossName } from '../../../src-shared/model/schema';
import { buildModel, checked, randomPatterns, type NetSpec } from './helpers';

const elementwise: ActivationName[] = ['linear', 'logistic', 'tanh', 'relu'];
const allSizes = [4, 5, 4, 5, 3];

interface Case {
  name: string;
  spec: NetSpec;
  loss: LossName;
}

function cases(): Case[] {
  const list: Case[] = [];
  for (let depth = 1; depth <= 4; depth++) {
    const sizes = allSizes.slice(0, depth).concat(3);
    for (const activation of elementwise) {
      const hidden = Array<ActivationName>(depth - 1).fill(activation);
      list.push({ name: `${activation}, squared error, ${depth} layers`, loss: 'squared-error', spec: { sizes, activation: [...hidden, activation] } });
      list.push({ name: `${activation} hidden, logistic out, cross-entropy, ${depth} layers`, loss: 'cross-entropy', spec: { sizes, activation: [...hidden, 'logistic'] } });
      list.push({ name: `${activation} hidden, softmax out, cross-entropy, ${depth} layers`, loss: 'cross-entropy', spec: { sizes, activation: [...hidden, 'softmax'] } });
    }
  }
  return list;
}

/**
 * A simulation whose ReLU net inputs all stay well away from the kink (the loss is smooth within the
 * finite-difference steps) and in which every weight layer has some gradient (no layer of dead units).
 */
function smoothSimulation(c: Case): Simulation {
  const softmax = Array.isArray(c.spec.activation) && c.spec.activation.at(-1) === 'softmax';
  for (let seed = 1; ; seed++) {
    const patterns = randomPatterns(c.spec.sizes[0], c.spec.sizes.at(-1)!, {
      count: 3, seed, targets: softmax ? 'distribution' : 'unit', dontCare: softmax ? 0 : 0.2,
    });
    const model = checked(buildModel(c.spec, patterns, { loss: c.loss, init: { kind: 'uniform', range: 2 }, seed }));
    const simulation = new Simulation(model);
    const net = simulation.network;
    let nearKink = false;
    for (let p = 0; p < patterns.length; p++) {
      net.forward(simulation.data.inputs, p * net.sizes[0]);
      for (let j = 1; j <= net.depth; j++) if (net.net[j].some((n) => Math.abs(n) < 1e-2)) nearKink = true;
    }
    const dead = simulation.summedGradient().weights.some((g) => g.every((v) => v === 0));
    if (!nearKink && !dead) return simulation;
  }
}

/**
 * Central differences D(h) = (L(w + h) − L(w − h)) / 2h for every parameter, with one Richardson step,
 * (4 D(h/2) − D(h)) / 3, whose error is O(h⁴): h can then be large enough (1e-3) that the rounding of L
 * (about ε L / h) stays near 1e-13, far below the tolerance even for a deep layer's small gradients.
 */
function finiteDifferences(simulation: Simulation, h: number): Float64Array {
  const params = simulation.network.params;
  const central = (i: number, step: number) => {
    const w = params[i];
    params[i] = w + step;
    const up = simulation.totalLoss();
    params[i] = w - step;
    const down = simulation.totalLoss();
    params[i] = w;
    return (up - down) / (2 * step);
  };
  return Float64Array.from(params, (_, i) => (4 * central(i, h / 2) - central(i, h)) / 3);
}

/** Largest relative error, counting only parameters that have a gradient (no bias where none is used). */
function worstRelativeError(engine: ArrayLike<number>, reference: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < reference.length; i++) scale = Math.max(scale, Math.abs(reference[i]));
  let worst = 0;
  for (let i = 0; i < reference.length; i++) {
    // Below 1e-6 of the largest component, the difference quotient's rounding (≈ ε L / h) dominates.
    const size = Math.max(Math.abs(engine[i]), Math.abs(reference[i]), 1e-6 * scale);
    worst = Math.max(worst, Math.abs(engine[i] - reference[i]) / size);
  }
  return worst;
}

function flatten(views: { weights: Float64Array[]; biases: Float64Array[] }): number[] {
  return views.weights.flatMap((W, j) => [...W, ...views.biases[j]]);
}

describe('gradients agree with central finite differences (Float64, relative error < 1e-6)', () => {
  for (const c of cases()) {
    it(c.name, () => {
      const simulation = smoothSimulation(c);
      const fd = finiteDifferences(simulation, 1e-3);
      const summed = flatten(simulation.summedGradient());
      expect(worstRelativeError(summed, fd)).toBeLessThan(1e-6);

      // The online path's per-pattern gradients (as the inspection reports them) sum to the same.
      const perPattern = new Float64Array(fd.length);
      for (let p = 0; p < simulation.patternCount; p++) {
        const inspection = simulation.inspect(p);
        const g = inspection.weightLayers.flatMap((layer) => [...layer.gradient.weights.flat(), ...layer.gradient.biases]);
        g.forEach((v, i) => (perPattern[i] += v));
      }
      expect(worstRelativeError(perPattern, fd)).toBeLessThan(1e-6);
    });
  }
});
