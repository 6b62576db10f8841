/**
 * The online path's one-function step for the classic network (one hidden layer of logistic units,
 * squared error, backpropagation, no weight decay) must give the general step's bits: weights, momentum
 * terms, deltas, pss and correctness, pattern after pattern, in runs of a few patterns as an epoch shows them.
 */
import { describe, expect, it } from 'vitest';
import { EpochCursor } from '../../../src-shared/engine/checkpoint';
import { lossCode } from '../../../src-shared/engine/losses';
import { layerViews, Network, parameterCount } from '../../../src-shared/engine/network';
import { OnlinePath } from '../../../src-shared/engine/online';
import { toPatternSet } from '../../../src-shared/engine/patterns';
import { layersFor, randomPatterns, testRandom } from './helpers';

function path(sizes: number[], seed: number): { network: Network; momentum: Float64Array; online: OnlinePath } {
  const network = new Network(layersFor({ sizes, activation: 'logistic' }));
  const rand = testRandom(seed);
  for (let i = 0; i < network.params.length; i++) network.params[i] = 4 * rand() - 2;
  const momentum = new Float64Array(parameterCount(network.sizes));
  return { network, momentum, online: new OnlinePath(network, layerViews(network.sizes, momentum)) };
}

describe('the classic online step', () => {
  it.each([
    [[2, 2, 1], 0],
    [[8, 3, 8], 0.1],
    [[5, 7, 3], 0.2],
    [[8, 16, 32], 0.05],
    [[3, 1, 6], 0],
  ])('gives the general step\'s bits on a %j network (don\'t-care fraction %d)', (sizes, dontCare) => {
    const patterns = randomPatterns(sizes[0], sizes[2], { count: 6, seed: sizes[1], dontCare, targets: 'binary' });
    const data = toPatternSet(patterns, sizes[0], sizes[2]);
    const general = path(sizes, 7);
    const classic = path(sizes, 7);
    const settings = { learningRate: 0.5, momentum: 0.9, weightDecay: 0 };
    const loss = lossCode('squared-error');
    expect(classic.online.isClassic(loss, classic.network.weights, settings)).toBe(true);
    const order = testRandom(3);
    // Runs of one to four patterns, as the cursor presents them within an epoch.
    const cursor = new EpochCursor(8);
    for (let step = 0; step < 200;) {
      const margin = step % 3 === 0 ? 0.4 : 0.1;
      const run = 1 + (step % 4);
      for (let i = 0; i < run; i++) cursor.order[i] = Math.floor(order() * data.count);
      cursor.position = 0;
      cursor.tss = 0;
      cursor.correct = 0;
      expect(classic.online.presentClassic(data.inputs, data.targets, cursor, run, margin, settings)).toBe(true);
      expect(cursor.position).toBe(run);
      let tss = 0;
      let correct = 0;
      for (let i = 0; i < run; i++) {
        const p = cursor.order[i];
        const expected = general.online.present(data.inputs, data.targets, p, loss, margin, general.network.weights, settings);
        // The pss of a pattern shown twice in the run is its second one.
        if (!cursor.order.subarray(i + 1, run).includes(p)) expect(cursor.pss[p]).toBe(expected);
        tss += expected;
        if (general.online.lastCorrect) correct++;
      }
      expect(cursor.tss).toBe(tss);
      expect(cursor.correct).toBe(correct);
      step += run;
    }
    expect(Array.from(classic.network.params)).toEqual(Array.from(general.network.params));
    expect(Array.from(classic.momentum)).toEqual(Array.from(general.momentum));
    expect(Array.from(classic.network.delta[1])).toEqual(Array.from(general.network.delta[1]));
  });

  it('is not used where its shortcuts would not hold', () => {
    const settings = { learningRate: 0.5, momentum: 0.9, weightDecay: 0 };
    const squared = lossCode('squared-error');
    const { online, network } = path([4, 3, 2], 1);
    expect(online.isClassic(lossCode('cross-entropy'), network.weights, settings)).toBe(false);
    expect(online.isClassic(squared, network.weights, { ...settings, weightDecay: 0.01 })).toBe(false);
    expect(online.isClassic(squared, [network.weights[0], new Float64Array(network.weights[1].length)], settings)).toBe(false);
    const deep = new Network(layersFor({ sizes: [4, 3, 3, 2], activation: 'logistic' }));
    expect(new OnlinePath(deep, layerViews(deep.sizes, new Float64Array(deep.params.length))).isClassic(squared, deep.weights, settings)).toBe(false);
    const tanh = new Network(layersFor({ sizes: [4, 3, 2], activation: ['tanh', 'logistic'] }));
    expect(new OnlinePath(tanh, layerViews(tanh.sizes, new Float64Array(tanh.params.length))).isClassic(squared, tanh.weights, settings)).toBe(false);
    const frozen = new Network(layersFor({ sizes: [4, 3, 2], activation: 'logistic', learn: [false, true] }));
    expect(new OnlinePath(frozen, layerViews(frozen.sizes, new Float64Array(frozen.params.length))).isClassic(squared, frozen.weights, settings)).toBe(false);
  });
});
