/**
 * The online path's one-function step for the classic network (one hidden layer of logistic units,
 * squared error, backpropagation, no weight decay) must give the general step's bits: weights, momentum
 * terms, deltas, pss and correctness, pattern after pattern.
 */
import { describe, expect, it } from 'vitest';
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
    for (let step = 0; step < 200; step++) {
      const p = Math.floor(order() * data.count);
      const margin = step % 3 === 0 ? 0.4 : 0.1;
      const expected = general.online.present(data.inputs, data.targets, p, loss, margin, general.network.weights, settings);
      const actual = classic.online.presentClassic(data.inputs, data.targets, p, margin, settings);
      expect(actual).toBe(expected);
      expect(classic.online.lastCorrect).toBe(general.online.lastCorrect);
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
