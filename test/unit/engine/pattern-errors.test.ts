/** Each pattern's error in an epoch: the terms the epoch's tss sums, as the engine measured them. */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { TrainingSettings } from '../../../src-shared/model/schema';
import { buildModel, checked } from './helpers';

const xorPatterns = [[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => ({ name: `${a}${b}`, input: [a, b], target: [a ^ b] }));
const xor = (training: Partial<TrainingSettings>) =>
  checked(buildModel({ sizes: [2, 3, 1], activation: 'logistic' }, xorPatterns, { seed: 5, learningRate: 0.5, momentum: 0.9, maxEpochs: 100_000, ...training }));

describe('epochPatternErrors', () => {
  it('is zero before the first epoch and after a reset', () => {
    const simulation = new Simulation(xor({}));
    expect([...simulation.epochPatternErrors]).toEqual([0, 0, 0, 0]);
    simulation.advance(40);
    simulation.reset();
    expect([...simulation.epochPatternErrors]).toEqual([0, 0, 0, 0]);
  });

  it('full batch: each pattern’s pss under the weights the epoch began with, summing to its tss', () => {
    const simulation = new Simulation(xor({ update: 'batch' }));
    simulation.advance(8);
    const before = simulation.testPass().patterns.map(({ pss }) => pss);
    simulation.advance(4);
    expect([...simulation.epochPatternErrors]).toEqual(before);
    expect(simulation.epochPatternErrors.reduce((sum, pss) => sum + pss, 0)).toBeCloseTo(simulation.tssHistory.at(-1)!, 14);
  });

  it('online and permuted: indexed by pattern, each measured before its own update, kept whole until the next epoch ends', () => {
    const simulation = new Simulation(xor({ update: 'online', order: 'permuted' }));
    simulation.advance(4 * 7);
    const order = [...simulation.cursor.order];
    const weights = simulation.state().weights;
    // Replay the last epoch pattern by pattern with inspection: each pss is the error before that update.
    const replay = new Simulation({ ...xor({ update: 'online', order: 'permuted' }) });
    replay.advance(4 * 6);
    const expected = new Array<number>(4);
    for (const pattern of order) {
      expected[pattern] = replay.testPass().patterns[pattern].pss;
      replay.advance(1);
    }
    expect(replay.state().weights).toEqual(weights);
    expect([...simulation.epochPatternErrors]).toEqual(expected);
    const last = [...simulation.epochPatternErrors];
    simulation.advance(2);
    expect([...simulation.epochPatternErrors]).toEqual(last);
    expect(last.reduce((sum, pss) => sum + pss, 0)).toBeCloseTo(simulation.tssHistory.at(-1)!, 14);
  });
});
